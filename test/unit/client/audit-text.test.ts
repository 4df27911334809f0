// A day record's change log in words, as the volunteer and the admins read it, and the day's tag (批量签退, not 已补录).
import type { Adjustment } from '@contract/checkin';
import { beforeText, changeText, dayTag, reasonText } from '../../../src/utils/audit-text';

const at = (time: string) => `2026-12-01T${time}:00+08:00`;
const entry = (over: Partial<Adjustment> = {}): Adjustment => ({
  by: 'admin',
  byName: '李敏',
  at: at('21:00'),
  reason: '按现场签到表补录',
  before: { minutes: 0 },
  after: { signInAt: at('08:00'), signOutAt: at('20:00'), minutes: 480 },
  ...over,
});

describe('changeText', () => {
  it('says a 补录 in words, with the daily cap when it bound the minutes', () => {
    expect(changeText(entry({ kind: 'supplement', capped: true }), 'volunteer')).toBe('补录：签到 08:00，签退 20:00，按每日上限计8小时');
    expect(changeText(entry({ kind: 'supplement', after: { signInAt: at('09:00'), signOutAt: at('10:05'), minutes: 65 } }), 'admin')).toBe(
      '补录：签到 09:00，签退 10:05，计1小时5分钟',
    );
  });
  it('reads an entry without a kind as 补录 when it only filled in missing times, else as 调整', () => {
    expect(changeText(entry(), 'admin')).toMatch(/^补录：/);
    expect(changeText(entry({ before: { signInAt: at('08:00'), minutes: 0 } }), 'admin')).toMatch(/^补录：/);
    expect(changeText(entry({ before: { signInAt: at('08:30'), minutes: 0 } }), 'admin')).toMatch(/^调整：/);
    expect(changeText(entry({ before: { signInAt: at('08:00'), signOutAt: at('19:00'), minutes: 480 } }), 'admin')).toMatch(/^调整：/);
  });
  it('names a 批量签退 and an approved 更正, and a day still open', () => {
    expect(changeText(entry({ kind: 'batch', after: { signInAt: at('08:52'), signOutAt: at('17:00'), minutes: 428 } }), 'volunteer')).toBe(
      '批量签退：签到 08:52，签退 17:00，计7小时8分钟',
    );
    expect(changeText(entry({ kind: 'correction', after: { signInAt: at('08:52'), minutes: 0 } }), 'volunteer')).toBe(
      '更正：签到 08:52，未签退',
    );
  });
  it('words the volunteer’s own 撤销签退 for each reader, and leaves out the stored reason', () => {
    const undo = entry({ kind: 'undo', reason: '本人撤销签退', after: { signInAt: at('08:52'), minutes: 0 } });
    expect(changeText(undo, 'volunteer')).toBe('撤销签退（本人操作）：签到 08:52，签退已撤销，暂不计时长');
    expect(changeText(undo, 'admin')).toBe('志愿者本人撤销签退：签到 08:52，签退已撤销，暂不计时长');
    expect(reasonText(undo)).toBe('');
    expect(beforeText(undo)).toBe('');
  });
  it('uses words, never arrows or tildes', () => {
    for (const kind of ['supplement', 'adjust', 'batch', 'correction', 'offline', 'undo'] as const)
      for (const who of ['volunteer', 'admin'] as const) expect(changeText(entry({ kind }), who)).not.toMatch(/[→~—]/);
  });
});

describe('beforeText and reasonText', () => {
  it('say what the day was and why it changed', () => {
    expect(beforeText(entry({ before: { signInAt: at('08:52'), minutes: 0 } }))).toBe('原记录：签到 08:52，未签退');
    expect(beforeText(entry())).toBe('');
    expect(reasonText(entry())).toBe('原因：按现场签到表补录');
  });
});

describe('dayTag', () => {
  it('tags a day closed by a batch sign-out 批量签退, not 已补录', () => {
    expect(dayTag('adjusted', [entry({ kind: 'batch' })])).toBe('批量签退');
    expect(dayTag('adjusted', [entry({ kind: 'supplement' })])).toBe('已补录');
    expect(dayTag('adjusted', [entry({ kind: 'batch' }), entry({ kind: 'correction' })])).toBe('已更正');
  });
  it('looks past a 撤销签退 to the change that made the day, and keeps 未签退/已签退', () => {
    expect(dayTag('adjusted', [entry({ kind: 'batch' }), entry({ kind: 'undo' })])).toBe('批量签退');
    expect(dayTag('adjusted', [])).toBe('已补录');
    expect(dayTag('open', [entry({ kind: 'undo' })])).toBe('未签退');
    expect(dayTag('closed', [])).toBe('已签退');
  });
});
