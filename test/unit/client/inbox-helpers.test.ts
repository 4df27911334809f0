// 审核's page logic: the applicant's profile as lines, a batch's summary, and which approvals can still be undone.
import { batchSummary, openUndos, profileLines } from '../../../src/admin/inbox/helpers';

const region = { province: '620000', city: '620100', county: '620102' };

describe('profileLines', () => {
  it('reads every field, with 未填写 and 暂无其他队伍 for what is missing', () => {
    expect(
      profileLines(
        {
          age: 36,
          region,
          occupation: '科研院所',
          serviceFields: ['科普报告类', '科技咨询类'],
          skills: '气象科普',
          teams: [{ orgId: 'ts', name: '天水支队' }],
        },
        () => '甘肃省 兰州市 城关区',
      ),
    ).toEqual([
      { label: '年龄地区', value: '36岁 · 甘肃省 兰州市 城关区' },
      { label: '从业类别', value: '科研院所' },
      { label: '服务领域', value: '科普报告类、科技咨询类' },
      { label: '专业特长', value: '气象科普' },
      { label: '已加入', value: '天水支队' },
    ]);
    expect(profileLines({ serviceFields: [], teams: [] }, () => '')).toEqual([
      { label: '从业类别', value: '未填写' },
      { label: '服务领域', value: '未填写' },
      { label: '专业特长', value: '未填写' },
      { label: '已加入', value: '暂无其他队伍' },
    ]);
    expect(profileLines(undefined, () => '')).toEqual([]);
  });
});

describe('batchSummary', () => {
  const names = (id: string) => ({ a: '赵晓明', b: '钱多多' })[id] ?? id;
  it('all decided, some refused, none decided', () => {
    const ok = { memberId: 'a', ok: true as const, reviewedAt: '2026-11-22T10:00:00+08:00' };
    const refused = { memberId: 'b', ok: false as const, code: 'AUTH.SELF_DEALING', message: '这是您本人的入队申请' };
    expect(batchSummary('approve', { results: [ok] }, names)).toEqual({ title: '已通过1条', failures: [] });
    expect(batchSummary('reject', { results: [ok, refused] }, names)).toEqual({
      title: '已驳回1条，1条未处理',
      failures: ['钱多多：这是您本人的入队申请'],
    });
    expect(batchSummary('approve', { results: [refused] }, names).title).toBe('没有通过任何申请');
  });
});

describe('openUndos', () => {
  it('keeps approvals before their deadline, with the seconds left rounded up', () => {
    const list = [
      { memberId: 'a', realName: '赵晓明', orgName: '兰州', until: 60_000 },
      { memberId: 'b', realName: '钱多多', orgName: '兰州', until: 10_000 },
    ];
    expect(openUndos(list, 10_000)).toEqual([{ ...list[0], secondsLeft: 50 }]);
    expect(openUndos(list, 59_001)).toEqual([{ ...list[0], secondsLeft: 1 }]);
    expect(openUndos(list, 60_000)).toEqual([]);
  });
});
