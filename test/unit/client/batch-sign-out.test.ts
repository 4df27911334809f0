// 批量签退 on the roster (src/admin/batch-sign-out): the time offered and how the answer reads.
import { defaultBatchTime, explainBatchResult } from '../../../src/admin/batch-sign-out';

const at = (iso: string) => Date.parse(iso);

describe('defaultBatchTime: min(the day’s end, the server’s now)', () => {
  it('the day still running: now, to the minute', () => {
    expect(defaultBatchTime('2026-12-01', '17:00', at('2026-12-01T15:42:30+08:00'))).toBe('15:42');
    expect(defaultBatchTime('2026-12-01', '17:00', at('2026-12-01T16:59:59+08:00'))).toBe('16:59');
  });
  it('at or after the end, or a past day: the day’s end', () => {
    expect(defaultBatchTime('2026-12-01', '17:00', at('2026-12-01T17:00:00+08:00'))).toBe('17:00');
    expect(defaultBatchTime('2026-12-01', '17:00', at('2026-12-01T23:10:00+08:00'))).toBe('17:00');
    expect(defaultBatchTime('2026-12-01', '17:00', at('2026-12-03T08:00:00+08:00'))).toBe('17:00');
  });
  it('the Shanghai date decides, not UTC: 00:30 on 12-02 in Shanghai is still 12-01 in UTC', () => {
    expect(defaultBatchTime('2026-12-01', '17:00', at('2026-12-01T16:30:00Z'))).toBe('17:00');
    expect(defaultBatchTime('2026-12-02', '17:00', at('2026-12-01T16:30:00Z'))).toBe('00:30');
  });
});

describe('explainBatchResult', () => {
  it('names whom it signed out and whom it left alone, with the reason and the late sign-in time', () => {
    const v = explainBatchResult({
      closed: 2,
      skippedOwn: 1,
      closedNames: ['陈静', '张伟'],
      skipped: [
        { openid: 'a', realName: '李敏', reason: 'own' },
        { openid: 'b', realName: '刘洋', reason: 'signedInAfter', signInAt: '2026-12-01T11:05:00+08:00' },
        { openid: 'c', realName: '王芳', reason: 'alreadyClosed' },
      ],
    });
    expect(v.title).toBe('已为2人签退');
    expect(v.content.split('\n')).toEqual([
      '已签退：陈静、张伟',
      '以下3人未签退：',
      '李敏：您本人的记录，须由本队其他管理员处理（没有其他管理员时由上级队伍处理）',
      '刘洋：11:05签到，晚于所选签退时间',
      '王芳：期间已签退',
    ]);
  });
  it('nobody left alone: no explanation, the title is enough', () => {
    expect(explainBatchResult({ closed: 1, closedNames: ['张伟'], skipped: [] })).toEqual({ title: '已为1人签退', content: '' });
  });
  it('an older answer with only skippedOwn still says the caller’s day was left', () => {
    expect(explainBatchResult({ closed: 0, skippedOwn: 1 })).toEqual({
      title: '没有为任何人签退',
      content: '您本人的记录，须由本队其他管理员处理（没有其他管理员时由上级队伍处理）',
    });
  });
});
