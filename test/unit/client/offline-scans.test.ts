// 离线 scans on the roster (src/admin/offline-scans): a row's marks in words, a 待确认 scan's facts, a decision's answer.
import { explainDecision, offlineMarkText, pendingFacts, pendingTitle } from '../../../src/admin/offline-scans';
import type { OfflinePendingItem } from '@contract/checkin';

const item = (over: Partial<OfflinePendingItem> = {}): OfflinePendingItem => ({
  id: 'scan-1',
  openid: 'vol',
  realName: '张伟',
  date: '2026-12-01',
  kind: 'in',
  at: '2026-12-01T09:20:00+08:00',
  claimedAt: '2026-12-01T09:20:00+08:00',
  syncedAt: '2026-12-01T11:05:00+08:00',
  state: 'pending',
  reason: 'STATIC_CODE',
  flags: ['offline'],
  plausible: true,
  ...over,
});

describe('offlineMarkText', () => {
  const at = '2026-12-01T09:30:00+08:00';
  const syncedAt = '2026-12-01T11:00:00+08:00';
  it('the volunteer’s own scan, an admin’s scan, and a confirmed one, in words', () => {
    expect(offlineMarkText({ kind: 'in', at, syncedAt })).toBe('离线签到 09:30（本人扫码）');
    expect(offlineMarkText({ kind: 'out', at, syncedAt, by: 'a', byName: '张三' })).toBe('离线签退 09:30（管理员张三代扫）');
    expect(offlineMarkText({ kind: 'in', at, syncedAt, by: 'a', byName: '张三', confirmedBy: 'b', confirmedByName: '李四' })).toBe(
      '离线签到 09:30（管理员张三代扫，李四确认）',
    );
    expect(offlineMarkText({ kind: 'in', at, syncedAt, confirmedBy: 'b' })).toBe('离线签到 09:30（本人扫码，管理员确认）');
  });
});

describe('a 待确认 scan', () => {
  it('whose, which and when; the facts an admin weighs', () => {
    expect(pendingTitle(item())).toBe('张伟 签到 09:20');
    expect(pendingFacts(item({ distanceM: 850 }))).toEqual(['距活动地点850米', '12月1日 11:05 上传']);
    expect(
      pendingFacts(item({ flags: ['offline', 'poor_accuracy'], by: 'a', byName: '李敏', claimedAt: '2026-12-01T09:27:00+08:00' })),
    ).toEqual(['定位精度差', '代扫：李敏', '手机时间 09:27', '12月1日 11:05 上传']);
  });
});

describe('explainDecision', () => {
  it('all confirmed: a toast is enough', () => {
    expect(explainDecision({ results: [{ id: 'scan-1', result: 'confirmed' }], confirmed: 1, rejected: 0 }, [item()])).toEqual({
      title: '已确认1条',
      content: '',
    });
  });
  it('a refusal names the scan and gives the server’s reason', () => {
    const r = explainDecision(
      {
        results: [{ id: 'scan-1', result: 'refused', code: 'AUTH.SELF_DEALING', message: '不能确认本人的记录' }],
        confirmed: 0,
        rejected: 0,
      },
      [item()],
    );
    expect(r).toEqual({ title: '没有处理任何记录', content: '以下1条未能处理：\n张伟 签到 09:20：不能确认本人的记录' });
  });
  it('一键确认 leaves the caller’s own for another admin, and says so', () => {
    const r = explainDecision(
      { results: [{ id: 'scan-1', result: 'confirmed' }], confirmed: 1, rejected: 0 },
      [item(), item({ id: 'scan-2' })],
      2,
    );
    expect(r.title).toBe('已确认1条');
    expect(r.content).toBe('另有1条涉及您本人，须由本队其他负责人或管理员确认');
  });
});
