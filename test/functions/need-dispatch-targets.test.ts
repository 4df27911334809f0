// need.dispatchTargets through the emulator: 派单's choices are every team need.dispatch accepts — the caller's covering
// teams and every approved team below them, however deep, as a tree — and nobody else may ask.
import { dataOf, refusalOf, seedLanzhou, seedOrg, seedStaff, useTestEmulator } from '../helpers/emulator';
import { CHENGGUAN, needInput, postNeed } from '../helpers/needs';

// 10:00 on 2026-11-22, Asia/Shanghai.
const t = useTestEmulator({ clock: '2026-11-22T02:00:00.000Z' });
const QINZHOU = { province: '620000', city: '620500', county: '620502' };
const QILIHE = { province: '620000', city: '620100', county: '620103' };
const REQUESTER = 'community-1';

beforeEach(async () => {
  const { root, lz } = await seedLanzhou(t, { tianshui: { region: QINZHOU } });
  // 城关区's team covers the need; the teams below it sit in 七里河区, so only 派单 brings the need down to them.
  const fd = await seedOrg(t, 'fd', '城关区科技志愿服务分队', lz, { level: '分队', region: CHENGGUAN });
  const gx = await seedOrg(t, 'gx', '高新技术服务队', fd, { level: '队', region: QILIHE });
  await seedOrg(t, 'gx1', '高新技术服务队第一服务团', gx, { level: '服务团', region: QILIHE });
  await seedOrg(t, 'gx-pending', '待审核服务团', gx, { level: '服务团', region: QILIHE, status: 'pending' });
  await seedOrg(t, 'ts1', '秦州区科技志愿服务分队', { _id: 'ts', path: [root._id] }, { level: '分队', region: QINZHOU });
  await seedStaff(t, [
    ['lz-leader', '13900000001', 'lz', 'leader'],
    ['fd-admin', '13900000002', 'fd', 'admin'],
    ['ts-admin', '13900000004', 'ts', 'admin'],
    ['gx-admin', '13900000006', 'gx', 'admin'],
    ['lz-member', '13900000005', 'lz', 'member'],
  ]);
});

const targets = (needId: string, openid: string) => t.call('need', 'dispatchTargets', { needId }, openid);
const post = () => postNeed(t, REQUESTER, needInput('13812345678'));

it('lists the covering team and every approved team below it, each after its parent, with its depth', async () => {
  const need = await post();
  expect(need.coveringOrgId).toBe('fd');
  const { items } = dataOf(await targets(need.needId, 'lz-leader'));
  expect(items.map((i) => [i.orgId, i.depth])).toEqual([
    ['lz', 0],
    ['fd', 1],
    ['gx', 2],
    ['gx1', 3],
  ]);
  expect(items[3]).toEqual({ orgId: 'gx1', name: '高新技术服务队第一服务团', level: '服务团', depth: 3 });
  // A manager lower down starts from their own team.
  expect(dataOf(await targets(need.needId, 'fd-admin')).items.map((i) => [i.orgId, i.depth])).toEqual([
    ['fd', 0],
    ['gx', 1],
    ['gx1', 2],
  ]);
  // The deepest choice is one need.dispatch takes.
  expect(dataOf(await t.call('need', 'dispatch', { needId: need.needId, orgId: 'gx1' }, 'lz-leader')).need.assignedOrgId).toBe('gx1');
});

it('the root 总队 reaches every team of the tree, other branches included', async () => {
  const need = await post();
  const ids = dataOf(await targets(need.needId, 'root-leader')).items.map((i) => i.orgId);
  expect(ids).toHaveLength(7);
  expect(ids).toEqual(expect.arrayContaining(['lz', 'fd', 'gx', 'gx1', 'ts', 'ts1']));
  expect(ids).not.toContain('gx-pending');
});

it('a leader of another branch is told the need does not exist; a member or a stranger may not ask', async () => {
  const need = await post();
  expect(refusalOf(await targets(need.needId, 'ts-admin')).code).toBe('NEED.NOT_FOUND');
  expect(refusalOf(await targets(need.needId, 'lz-member')).code).toBe('NEED.NOT_FOUND');
  expect(refusalOf(await targets(need.needId, 'nobody')).code).toBe('NEED.NOT_FOUND');
  expect(refusalOf(await targets('no-such-need', 'lz-leader')).code).toBe('NEED.NOT_FOUND');
});

it('a team that may only take the need from 需求广场 may not dispatch it', async () => {
  const need = await post();
  await seedStaff(t, [['fd-leader', '13900000007', 'fd', 'leader']]);
  dataOf(await t.call('need', 'setSelfService', { orgId: 'fd', allow: true }, 'fd-leader'));
  // 城关区's team covers it; a manager of the team below it sees it in 需求广场 only.
  expect(dataOf(await t.call('need', 'get', { needId: need.needId }, 'gx-admin')).need.can.take).toBe(true);
  expect(refusalOf(await targets(need.needId, 'gx-admin')).code).toBe('AUTH.FORBIDDEN');
});

it('once dispatched there is nothing to choose: NEED.STATE_CHANGED', async () => {
  const need = await post();
  dataOf(await t.call('need', 'dispatch', { needId: need.needId, orgId: 'gx' }, 'fd-admin'));
  expect(refusalOf(await targets(need.needId, 'lz-leader')).code).toBe('NEED.STATE_CHANGED');
});
