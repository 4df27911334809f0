// The deploy executor at the manager-node boundary: the requests it sends (as the SDK declares them) and a second run that creates nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deployedCollections } from '../../../cloudfunctions/common/db/collections';
import { applyPlan, observe, PACKAGE_IGNORE } from '../../../scripts/deploy/apply';
import { functionsFromRc, type Rc } from '../../../scripts/deploy/config';
import { planDeploy, type DeclaredState } from '../../../scripts/deploy/plan';
import { FakeCloudBase } from './fake-cloudbase';

const root = path.resolve(__dirname, '../../..');
const rc = JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as Rc;
const KEY = 'ab'.repeat(32);
const vars = {
  APP_SECRET_KEY: KEY,
  SMS_SDK_APP_ID: '1400000000',
  SMS_SIGN_NAME: '科技志愿',
  SMS_TEMPLATE_ID: '100001',
  MESSAGE_TEMPLATE_MEMBER_REVIEWED: 't1',
  MESSAGE_TEMPLATE_ORG_REVIEWED: 't2',
  MESSAGE_TEMPLATE_MEMBER_REMOVED: 't3',
  MESSAGE_TEMPLATE_ROLE_CHANGED: 't4',
};
const declared: DeclaredState = { collections: deployedCollections(), functions: functionsFromRc(rc, vars) };
const ENV = 'kjzy-test-1a2b3c';
const functionRootPath = path.join(root, 'cloudfunctions');

async function deploy(cloud: FakeCloudBase, options = {}) {
  const observed = await observe(cloud, declared, ENV);
  const plan = planDeploy(declared, observed, options);
  const log: string[] = [];
  await applyPlan(cloud, plan, { envId: ENV, functionRootPath, log: (l) => log.push(l) });
  return { plan, log };
}

const callsOf = (cloud: FakeCloudBase, method: string) => cloud.calls.filter((c) => c.method === method).map((c) => c.args);

describe('first deploy into an empty environment', () => {
  const cloud = new FakeCloudBase();
  beforeAll(() => deploy(cloud));

  it('creates each collection through createCollectionIfNotExists', () => {
    expect(callsOf(cloud, 'database.createCollectionIfNotExists')).toEqual(deployedCollections().map((c) => [c.name]));
  });

  it('creates indexes with UpdateTable CreateIndexes: MgoKeySchema {MgoIndexKeys [{Name, Direction}], MgoIsUnique}', () => {
    const updates = callsOf(cloud, 'database.updateCollection');
    expect(updates).toContainEqual([
      'volunteers',
      {
        CreateIndexes: [
          { IndexName: 'phoneHash_unique', MgoKeySchema: { MgoIndexKeys: [{ Name: 'phoneHash', Direction: '1' }], MgoIsUnique: true } },
        ],
      },
    ]);
    expect(updates).toContainEqual([
      'activities',
      {
        CreateIndexes: [
          { IndexName: 'point_2dsphere', MgoKeySchema: { MgoIndexKeys: [{ Name: 'point', Direction: '2dsphere' }], MgoIsUnique: false } },
        ],
      },
    ]);
    expect(updates).toContainEqual([
      'enrollments',
      {
        CreateIndexes: [
          {
            IndexName: 'activityId_status_queuedAt',
            MgoKeySchema: {
              MgoIndexKeys: [
                { Name: 'activityId', Direction: '1' },
                { Name: 'status', Direction: '1' },
                { Name: 'queuedAt', Direction: '1' },
              ],
              MgoIsUnique: false,
            },
          },
        ],
      },
    ]);
    expect(updates).toContainEqual([
      'activities',
      {
        CreateIndexes: [
          expect.objectContaining({
            IndexName: 'region_city',
            MgoKeySchema: { MgoIndexKeys: [{ Name: 'region.city', Direction: '1' }], MgoIsUnique: false },
          }),
        ],
      },
    ]);
    expect(updates).toHaveLength(deployedCollections().reduce((n, c) => n + c.indexes.length, 0));
  });

  it('sets every rule with tcb ModifySafeRule: AclTag CUSTOM, Rule {"read":false,"write":false}', () => {
    const rules = callsOf(cloud, 'tcb.ModifySafeRule');
    expect(rules).toEqual(
      deployedCollections().map((c) => [{ EnvId: ENV, CollectionName: c.name, AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' }]),
    );
  });

  it('creates each function with its settings and variables, without triggers, from the function root', () => {
    const created = callsOf(cloud, 'functions.createFunction').map((a) => a[0]);
    expect(created).toHaveLength(9);
    expect(created[0]).toEqual({
      func: {
        name: 'sms',
        runtime: 'Nodejs18.15',
        handler: 'index.main',
        timeout: 10,
        memorySize: 256,
        installDependency: true,
        envVariables: {
          APP_SECRET_KEY: KEY,
          SMS_PROVIDER: 'tencentcloud',
          SMS_SDK_APP_ID: '1400000000',
          SMS_SIGN_NAME: '科技志愿',
          SMS_TEMPLATE_ID: '100001',
        },
        ignore: PACKAGE_IGNORE,
      },
      functionRootPath,
      force: false,
    });
    // BOOTSTRAP_TOKEN and CERT_VERIFY_BASE_URL are unset: left out, not deployed as '' (a function would refuse '' for BOOTSTRAP_TOKEN).
    const report = created.find((c) => (c as { func: { name: string } }).func.name === 'report') as {
      func: { envVariables: Record<string, string> };
    };
    expect(report.func.envVariables).toEqual({ APP_SECRET_KEY: KEY });
  });

  it('creates the cron timer with createFunctionTriggers after the function exists', () => {
    expect(callsOf(cloud, 'functions.createFunctionTriggers')).toEqual([
      ['cron', [{ name: 'tick', type: 'timer', config: '0 */10 * * * * *' }]],
    ]);
    const cronCreated = cloud.calls.findIndex(
      (c) => c.method === 'functions.createFunction' && (c.args[0] as { func: { name: string } }).func.name === 'cron',
    );
    expect(cronCreated).toBeGreaterThanOrEqual(0);
    expect(cronCreated).toBeLessThan(cloud.calls.findIndex((c) => c.method === 'functions.createFunctionTriggers'));
  });
});

describe('second deploy', () => {
  it('creates nothing: only the code is uploaded again, and every call but that is a read', async () => {
    const cloud = new FakeCloudBase();
    await deploy(cloud);
    cloud.calls = [];
    const { plan } = await deploy(cloud);
    expect(new Set(plan.steps.map((s) => s.kind))).toEqual(new Set(['updateFunctionCode']));
    expect(new Set(cloud.writes().map((c) => c.method))).toEqual(new Set(['functions.updateFunctionCode']));
    expect(callsOf(cloud, 'functions.updateFunctionCode')[0]).toEqual([
      { func: expect.objectContaining({ name: 'sms', handler: 'index.main', installDependency: true }), functionRootPath },
    ]);
    // Each code upload is followed by a wait until the function is Active again.
    expect(callsOf(cloud, 'functions.waitFunctionActive')).toHaveLength(9);
  });

  it('repairs drift: a rule opened in the console, a dropped index, a changed variable', async () => {
    const cloud = new FakeCloudBase();
    await deploy(cloud);
    const orgs = cloud.collections.get('orgs');
    if (orgs) {
      orgs.rule = { AclTag: 'READONLY' };
      orgs.indexes = orgs.indexes.filter((i) => i.Name !== 'status');
    }
    const user = cloud.fns.get('user');
    if (user) user.Variables = [{ Key: 'APP_SECRET_KEY', Value: 'old' }];
    cloud.calls = [];
    await deploy(cloud);
    expect(cloud.writes().filter((c) => c.method !== 'functions.updateFunctionCode')).toEqual([
      {
        method: 'database.updateCollection',
        args: [
          'orgs',
          {
            CreateIndexes: [
              { IndexName: 'status', MgoKeySchema: { MgoIndexKeys: [{ Name: 'status', Direction: '1' }], MgoIsUnique: false } },
            ],
          },
        ],
      },
      {
        method: 'tcb.ModifySafeRule',
        args: [{ EnvId: ENV, CollectionName: 'orgs', AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' }],
      },
      {
        method: 'functions.updateFunctionConfig',
        args: [
          {
            name: 'user',
            timeout: 10,
            memorySize: 256,
            installDependency: true,
            envVariables: { APP_SECRET_KEY: KEY, WX_PHONE_PROVIDER: 'wechat' },
          },
        ],
      },
    ]);
  });

  it('drops an undeclared index only with --drop-extra-indexes, with UpdateTable DropIndexes', async () => {
    const cloud = new FakeCloudBase();
    await deploy(cloud);
    cloud.collections.get('orgs')?.indexes.push({ Name: 'legacy', Keys: [{ Name: 'legacy', Direction: '1' }], Unique: false });
    cloud.calls = [];
    const kept = await deploy(cloud);
    expect(callsOf(cloud, 'database.updateCollection')).toEqual([]);
    expect(kept.plan.notes).toHaveLength(1);
    cloud.calls = [];
    await deploy(cloud, { dropExtraIndexes: true });
    expect(callsOf(cloud, 'database.updateCollection')).toEqual([['orgs', { DropIndexes: [{ IndexName: 'legacy' }] }]]);
  });
});

it('sets a rule it could not read (DescribeSafeRule failing), rather than assuming it is right', async () => {
  const cloud = new FakeCloudBase();
  await deploy(cloud);
  const real = cloud.commonService.bind(cloud);
  cloud.commonService = (service?: string) => ({
    call: async (options: { Action: string; Param: Record<string, unknown> }) => {
      if (options.Action === 'DescribeSafeRule' && options.Param.CollectionName === 'settings') throw new Error('InternalError');
      return real(service).call(options);
    },
  });
  cloud.calls = [];
  const { plan } = await deploy(cloud);
  expect(plan.steps.filter((s) => s.kind === 'setRule')).toEqual([
    { kind: 'setRule', collection: 'settings', rule: { read: false, write: false }, why: 'could not be read' },
  ]);
  expect(callsOf(cloud, 'tcb.ModifySafeRule')).toEqual([
    [{ EnvId: ENV, CollectionName: 'settings', AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' }],
  ]);
});

it('stops at the first failing step and names it', async () => {
  const cloud = new FakeCloudBase();
  cloud.database.updateCollection = async () => {
    throw Object.assign(new Error('duplicate key'), { code: 'FailedOperation', requestId: 'req-1' });
  };
  await expect(deploy(cloud)).rejects.toThrow(
    /step 2 failed: \+ index volunteers\.phoneHash_unique \{phoneHash: 1\} unique\n {2}duplicate key \(code FailedOperation, requestId req-1\)/,
  );
  expect(callsOf(cloud, 'functions.createFunction')).toEqual([]);
});
