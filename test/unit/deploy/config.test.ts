// Reading deploy variables: the .env format, {{env.X}} filling, and the variable checks (which must leave process.env as it was).
import { checkVariables, fillTemplate, functionsFromRc, parseDotEnv, type Rc } from '../../../scripts/deploy/config';

it('reads a .env file: comments, export, quotes, inline comments, = inside values', () => {
  const text = [
    '# deploy settings',
    '',
    'export ENV_ID=kjzy-1a2b',
    'A="quoted # not a comment"',
    "B='single'",
    'C=plain value # comment',
    'D=x=y',
    'not a line',
    'E=',
  ].join('\n');
  expect(parseDotEnv(text)).toEqual({ ENV_ID: 'kjzy-1a2b', A: 'quoted # not a comment', B: 'single', C: 'plain value', D: 'x=y', E: '' });
});

it('fills {{env.X}} and leaves a template with an unset or empty variable unresolved', () => {
  expect(fillTemplate('{{env.ENV_ID}}', { ENV_ID: 'e1' })).toEqual({ refs: ['ENV_ID'], value: 'e1' });
  expect(fillTemplate('https://{{ env.HOST }}/v', { HOST: 'h' })).toEqual({ refs: ['HOST'], value: 'https://h/v' });
  expect(fillTemplate('{{env.ENV_ID}}', { ENV_ID: '' })).toEqual({ refs: ['ENV_ID'] });
  expect(fillTemplate('wechat', {})).toEqual({ refs: [], value: 'wechat' });
});

const rc: Rc = {
  envId: '{{env.ENV_ID}}',
  functionRoot: './cloudfunctions',
  functions: [
    {
      name: 'user',
      runtime: 'Nodejs18.15',
      handler: 'index.main',
      timeout: 10,
      memorySize: 256,
      envVariables: { APP_SECRET_KEY: '{{env.APP_SECRET_KEY}}', BOOTSTRAP_TOKEN: '{{env.BOOTSTRAP_TOKEN}}' },
    },
    {
      name: 'report',
      runtime: 'Nodejs18.15',
      handler: 'index.main',
      timeout: 20,
      memorySize: 256,
      envVariables: { APP_SECRET_KEY: '{{env.APP_SECRET_KEY}}', CERT_VERIFY_BASE_URL: '{{env.CERT_VERIFY_BASE_URL}}' },
    },
  ],
};

describe('checkVariables', () => {
  it('passes a complete set and leaves process.env untouched', () => {
    const before = process.env;
    const snapshot = { ...process.env };
    expect(
      checkVariables(
        functionsFromRc(rc, { APP_SECRET_KEY: 'A'.repeat(64), CERT_VERIFY_BASE_URL: 'https://kjzy.example/#/pages/verify/index' }),
      ),
    ).toEqual([]);
    expect(process.env).toBe(before);
    expect(process.env).toEqual(snapshot);
  });

  it('groups a problem by variable with the functions it stops', () => {
    expect(checkVariables(functionsFromRc(rc, { APP_SECRET_KEY: 'xyz' }))).toEqual([
      { variable: 'APP_SECRET_KEY', problem: 'must be 64 hex characters: openssl rand -hex 32', functions: ['user', 'report'] },
    ]);
  });

  it("runs the functions' own cold-start check: a bad URL for report only", () => {
    const problems = checkVariables(functionsFromRc(rc, { APP_SECRET_KEY: 'a'.repeat(64), CERT_VERIFY_BASE_URL: 'not a url' }));
    expect(problems).toEqual([
      { variable: '(function environment)', problem: expect.stringContaining('CERT_VERIFY_BASE_URL'), functions: ['report'] },
    ]);
  });
});
