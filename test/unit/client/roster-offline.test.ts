// 签到名单 without a network (src/admin/roster/offline.ts): which personal codes are kept for upload, who is in by the
// queued scans over the last roster read, and whom a 批量签退 kept offline closes.
import { signPayload } from '../../../cloudfunctions/common/domain/checkin-code';
import {
  NO_KIT_MESSAGE,
  NOT_IN_KIT_MESSAGE,
  judgeOfflineCode,
  offlineBatchItems,
  offlineBatchTargets,
  offlineList,
  offlineRecordedLine,
} from '../../../src/admin/roster/offline';
import type { StoredKit } from '../../../src/services/offline-kit';
import type { QueuedVolunteerScan } from '../../../src/services/checkin-offline';

const secret = 'test-secret-0123456789';
const code = (openid: string, activityId = 'act-1') => signPayload({ t: 'v', a: activityId, o: openid, s: 7 }, secret);
const kit: StoredKit = {
  kit: {
    activityId: 'act-1',
    title: '社区科普讲解',
    startDate: '2026-12-01',
    endDate: '2026-12-02',
    dailyStart: '09:00',
    dailyEnd: '17:00',
    me: 'admin',
    volunteers: [
      { openid: 'v1', realName: '张伟', phoneMasked: '139****0001' },
      { openid: 'v2', realName: '刘洋', phoneMasked: '139****0002' },
      { openid: 'v3', realName: '陈静', phoneMasked: '139****0003' },
      { openid: 'admin', realName: '李敏', phoneMasked: '139****0004' },
    ],
    serverTime: '2026-12-01T08:00:00+08:00',
  },
  preparedAt: '2026-12-01T08:00:00+08:00',
  roster: { date: '2026-12-01', rows: [{ openid: 'v3', signInAt: '2026-12-01T09:05:00+08:00' }] },
};
const timing = (claimedAt: string) => ({ claimedAt, syncedServerTime: '2026-12-01T08:00:00+08:00', elapsedMs: 1000 });
const scan = (openid: string, kind: 'in' | 'out', claimedAt: string): QueuedVolunteerScan => ({
  nonce: `n-${openid}-${kind}-${claimedAt}`,
  payload: code(openid),
  kind,
  openid,
  ...timing(claimedAt),
});

it('keeps a code of this activity whose volunteer is in the kit; refuses others, the admin’s own, and without a kit', () => {
  expect(judgeOfflineCode(code('v1'), 'act-1', kit)).toEqual({ ok: true, volunteer: kit.kit.volunteers[0] });
  expect(judgeOfflineCode(code('stranger'), 'act-1', kit)).toEqual({ ok: false, message: NOT_IN_KIT_MESSAGE });
  expect(judgeOfflineCode(code('admin'), 'act-1', kit)).toMatchObject({ ok: false, message: expect.stringContaining('您本人') });
  expect(judgeOfflineCode(code('v1', 'act-2'), 'act-1', kit)).toMatchObject({ ok: false, message: '该个人签到码不属于本活动' });
  expect(judgeOfflineCode('123456', 'act-1', kit)).toMatchObject({ ok: false });
  expect(judgeOfflineCode(code('v1'), 'act-1', undefined)).toEqual({ ok: false, message: NO_KIT_MESSAGE });
  expect(offlineRecordedLine('张三', 'in')).toBe('已离线记录：张三 签到（待上传）');
});

it('the 离线名单: the last roster, then the queued scans of the day (earliest sign-in, latest sign-out)', () => {
  const items = [
    scan('v1', 'in', '2026-12-01T02:00:00.000Z'),
    scan('v1', 'in', '2026-12-01T01:30:00.000Z'),
    scan('v2', 'in', '2026-12-01T01:40:00.000Z'),
    scan('v2', 'out', '2026-12-01T08:00:00.000Z'),
    scan('v1', 'in', '2026-12-02T01:30:00.000Z'), // another day
  ];
  const rows = offlineList(kit, '2026-12-01', items);
  expect(rows.map((r) => [r.openid, r.state, r.waiting])).toEqual([
    ['v1', 'in', true],
    ['v2', 'out', true],
    ['v3', 'in', false],
    ['admin', 'absent', false],
  ]);
  expect(Date.parse(rows[0].signInAt!)).toBe(Date.parse('2026-12-01T01:30:00Z'));
  expect(offlineList(kit, '2026-12-02', []).every((r) => r.state === 'absent')).toBe(true);
});

it('a 批量签退 kept offline: one item per person in before its time, never the admin; it closes them in the list', () => {
  const items = [
    scan('v1', 'in', '2026-12-01T01:30:00.000Z'),
    scan('admin', 'in', '2026-12-01T01:00:00.000Z'),
    scan('v2', 'in', '2026-12-01T08:30:00.000Z'),
  ];
  const at = '2026-12-01T16:00:00+08:00';
  const targets = offlineBatchTargets(offlineList(kit, '2026-12-01', items), at, 'admin');
  expect(targets.map((r) => r.openid)).toEqual(['v1', 'v3']);
  let n = 0;
  const queued = offlineBatchItems(targets, at, timing('2026-12-01T09:10:00.000Z'), () => `nonce-${++n}`);
  expect(queued[0]).toEqual({
    nonce: 'nonce-1',
    kind: 'out',
    openid: 'v1',
    realName: '张伟',
    batchAt: at,
    ...timing('2026-12-01T09:10:00.000Z'),
  });
  const after = offlineList(kit, '2026-12-01', [...items, ...queued]);
  expect(after.map((r) => [r.openid, r.state])).toEqual([
    ['v1', 'out'],
    ['v2', 'in'],
    ['v3', 'out'],
    ['admin', 'in'],
  ]);
});
