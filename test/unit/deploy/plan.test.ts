// The deploy planner against the real declarations: every declared collection, index and rule, every function of
// cloudbaserc.json, which are those the build bundles and the contract names.
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { collections, deployedCollections, FUNCTIONS_ONLY } from '../../../cloudfunctions/common/db/collections';
import { functionsFromRc, type Rc } from '../../../scripts/deploy/config';
import { EMPTY_ENVIRONMENT, planDeploy, type DeclaredState, type ObservedState, type Step } from '../../../scripts/deploy/plan';
import { FUNCTION_NAMES } from '@contract/functions';

const root = path.resolve(__dirname, '../../..');
const rc = JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as Rc;
const KEY = 'ab'.repeat(32);
const vars = { APP_SECRET_KEY: KEY, BOOTSTRAP_TOKEN: 'bootstrap-token-123456' };
const declared: DeclaredState = { collections: deployedCollections(), functions: functionsFromRc(rc, vars) };

const of = <K extends Step['kind']>(steps: Step[], kind: K) => steps.filter((s): s is Extract<Step, { kind: K }> => s.kind === kind);

/** The state an environment is in after a full deploy of `declared`. */
function upToDate(): ObservedState {
  const observed: ObservedState = { collections: {}, functions: {} };
  for (const c of declared.collections) {
    observed.collections[c.name] = {
      indexes: [
        { name: '_id_', keys: [{ field: '_id', direction: '1' }], unique: true },
        ...c.indexes.map((i) => ({
          name: i.name,
          keys: Object.entries(i.keys).map(([field, d]) => ({ field, direction: String(d) })),
          unique: i.unique ?? false,
        })),
      ],
      rule: { aclTag: 'CUSTOM', rule: JSON.stringify(c.rule) },
    };
  }
  for (const fn of declared.functions) {
    observed.functions[fn.name] = {
      runtime: fn.runtime,
      handler: fn.handler,
      timeout: fn.timeout,
      memorySize: fn.memorySize,
      env: Object.fromEntries(fn.env.filter((v) => v.value !== undefined).map((v) => [v.name, v.value as string])),
      triggers: fn.triggers.map((t) => ({ ...t })),
    };
  }
  return observed;
}

describe('plan against an empty environment', () => {
  const plan = planDeploy(declared, EMPTY_ENVIRONMENT);

  it('creates every deployed collection, and no emulator-only one', () => {
    const created = of(plan.steps, 'createCollection').map((s) => s.collection);
    expect(created).toEqual(deployedCollections().map((c) => c.name));
    for (const dev of collections.filter((c) => c.devOnly)) {
      expect(plan.steps.some((s) => 'collection' in s && s.collection === dev.name)).toBe(false);
    }
    expect(collections.filter((c) => c.devOnly).map((c) => c.name)).toEqual(['_dev_sms', '_dev_messages', '_dev_wx_phone_codes']);
  });

  it('creates exactly the declared indexes, 2dsphere and unique ones included', () => {
    const created = of(plan.steps, 'createIndex').map((s) => ({ collection: s.collection, index: s.index }));
    const declaredIndexes = deployedCollections().flatMap((c) => c.indexes.map((index) => ({ collection: c.name, index })));
    expect(created).toEqual(declaredIndexes);
    expect(created).toContainEqual({ collection: 'activities', index: { name: 'point_2dsphere', keys: { point: '2dsphere' } } });
    expect(created).toContainEqual({ collection: 'volunteers', index: { name: 'phoneHash_unique', keys: { phoneHash: 1 }, unique: true } });
  });

  it('sets every collection rule to the declared one: no client reads or writes', () => {
    const rules = of(plan.steps, 'setRule');
    expect(rules.map((s) => s.collection)).toEqual(deployedCollections().map((c) => c.name));
    for (const s of rules) expect(s.rule).toEqual({ read: false, write: false });
    expect(FUNCTIONS_ONLY).toEqual({ read: false, write: false });
  });

  it('orders each collection: create, then indexes, then rule', () => {
    const volunteers = plan.steps.filter((s) => 'collection' in s && s.collection === 'volunteers').map((s) => s.kind);
    expect(volunteers).toEqual(['createCollection', 'createIndex', 'createIndex', 'createIndex', 'setRule']);
  });

  it('creates the functions of cloudbaserc.json with their settings, and the cron timer', () => {
    const fns = of(plan.steps, 'createFunction').map((s) => s.fn);
    expect(fns.map((f) => f.name)).toEqual(rc.functions.map((f) => f.name));
    for (const f of rc.functions) {
      const fn = fns.find((x) => x.name === f.name);
      expect(fn).toMatchObject({
        runtime: f.runtime,
        handler: f.handler,
        timeout: f.timeout,
        memorySize: f.memorySize,
        installDependency: f.installDependency,
      });
      expect(fn?.env.map((v) => v.name)).toEqual(Object.keys(f.envVariables ?? {}));
    }
    expect(of(plan.steps, 'createTrigger')).toEqual([
      { kind: 'createTrigger', fn: 'cron', trigger: { name: 'tick', type: 'timer', config: '0 */10 * * * * *' } },
    ]);
    expect(plan.notes).toEqual([]);
  });

  it('deploys the same functions that scripts/build-functions.mjs bundles', () => {
    const listed = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-functions.mjs'), '--list'], { encoding: 'utf8' });
    const built = JSON.parse(listed.stdout) as string[];
    expect(built).toEqual(rc.functions.map((f) => f.name));
  });

  it('deploys exactly the functions of the contract (types/functions.ts), each with its entry', () => {
    expect(rc.functions.map((f) => f.name)).toEqual(FUNCTION_NAMES);
    for (const fn of FUNCTION_NAMES)
      expect({ fn, entry: existsSync(path.join(root, 'cloudfunctions', fn, 'index.ts')) }).toEqual({ fn, entry: true });
  });
});

describe('plan against an environment already deployed', () => {
  it('creates nothing; only uploads the code again', () => {
    const plan = planDeploy(declared, upToDate());
    expect(new Set(plan.steps.map((s) => s.kind))).toEqual(new Set(['updateFunctionCode']));
    expect(of(plan.steps, 'updateFunctionCode').map((s) => s.fn.name)).toEqual(rc.functions.map((f) => f.name));
    expect(plan.notes).toEqual([]);
  });

  it('counts the console simple permission ADMINONLY as the declared rule', () => {
    const observed = upToDate();
    observed.collections.orgs.rule = { aclTag: 'ADMINONLY' };
    expect(of(planDeploy(declared, observed).steps, 'setRule')).toEqual([]);
  });

  it('resets a rule that lets clients in (the default PRIVATE, or a custom one)', () => {
    const observed = upToDate();
    observed.collections.orgs.rule = { aclTag: 'PRIVATE' };
    observed.collections.volunteers.rule = { aclTag: 'CUSTOM', rule: '{"read": true, "write": "doc._openid == auth.openid"}' };
    observed.collections.settings.rule = undefined;
    const steps = of(planDeploy(declared, observed).steps, 'setRule');
    expect(steps.map((s) => [s.collection, s.rule])).toEqual([
      ['volunteers', { read: false, write: false }],
      ['orgs', { read: false, write: false }],
      ['settings', { read: false, write: false }],
    ]);
  });

  it('creates a missing index only', () => {
    const observed = upToDate();
    observed.collections.activities.indexes = observed.collections.activities.indexes.filter((i) => i.name !== 'point_2dsphere');
    const plan = planDeploy(declared, observed);
    expect(plan.steps.filter((s) => s.kind !== 'updateFunctionCode')).toEqual([
      { kind: 'createIndex', collection: 'activities', index: { name: 'point_2dsphere', keys: { point: '2dsphere' } } },
    ]);
  });

  it('reports extra and changed indexes and keeps them, unless --drop-extra-indexes', () => {
    const observed = upToDate();
    observed.collections.orgs.indexes.push({ name: 'legacy_name', keys: [{ field: 'legacy', direction: '1' }], unique: false });
    const phone = observed.collections.volunteers.indexes.find((i) => i.name === 'phoneHash_unique');
    if (phone) phone.unique = false;

    const kept = planDeploy(declared, observed);
    expect(kept.steps.filter((s) => s.kind !== 'updateFunctionCode')).toEqual([]);
    expect(kept.notes).toEqual([
      'index volunteers.phoneHash_unique is {phoneHash: 1} in CloudBase, declared {phoneHash: 1} unique: left as it is (rerun with --drop-extra-indexes to drop and recreate it)',
      'index orgs.legacy_name {legacy: 1} is not declared in collections.ts: kept (rerun with --drop-extra-indexes to drop it)',
    ]);

    const dropped = planDeploy(declared, observed, { dropExtraIndexes: true });
    expect(
      dropped.steps
        .filter((s) => s.kind !== 'updateFunctionCode')
        .map((s) => [
          s.kind,
          'collection' in s ? s.collection : '',
          'index' in s ? (typeof s.index === 'string' ? s.index : s.index.name) : '',
        ]),
    ).toEqual([
      ['dropIndex', 'volunteers', 'phoneHash_unique'],
      ['createIndex', 'volunteers', 'phoneHash_unique'],
      ['dropIndex', 'orgs', 'legacy_name'],
    ]);
  });

  it('updates a function configuration that differs, naming changed variables but not their values', () => {
    const observed = upToDate();
    observed.functions.report.timeout = 3;
    observed.functions.user.env = { ...observed.functions.user.env, APP_SECRET_KEY: 'cd'.repeat(32), STALE: 'x' };
    const config = of(planDeploy(declared, observed).steps, 'updateFunctionConfig');
    expect(config.map((s) => [s.fn.name, s.changed])).toEqual([
      ['user', ['env APP_SECRET_KEY, STALE']],
      ['report', ['timeout 3→20']],
    ]);
  });

  it('recreates a timer whose cron changed, keeps an unknown one, and notes a runtime change it cannot make', () => {
    const observed = upToDate();
    observed.functions.cron.triggers = [
      { name: 'tick', type: 'timer', config: '0 30 * * * * *' },
      { name: 'manual', type: 'timer', config: '0 0 3 * * * *' },
    ];
    observed.functions.sms.runtime = 'Nodejs16.13';
    const plan = planDeploy(declared, observed);
    expect(plan.steps.filter((s) => s.kind === 'deleteTrigger' || s.kind === 'createTrigger').map((s) => s.kind)).toEqual([
      'deleteTrigger',
      'createTrigger',
    ]);
    expect(plan.notes).toEqual([
      'function sms runs Nodejs16.13 in CloudBase, declared Nodejs18.15: a runtime is fixed at creation (delete the function in the console and rerun to change it)',
      'trigger cron.manual (timer "0 0 3 * * * *") is not in cloudbaserc.json: kept',
    ]);
  });
});
