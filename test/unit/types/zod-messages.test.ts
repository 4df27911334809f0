// The contract's Chinese messages (types/zod-messages.ts) on real schemas: zod's English defaults replaced, a schema's
// own messages kept, nothing of the input repeated.
import { z } from 'zod';
import { contractErrorMap, parseContract } from '@contract/zod-messages';
import { UserUpdateProfileInput, UserWithdrawInput } from '@contract/user';
import { ActivityPublishInput } from '@contract/activity';
import { CheckinRequestCorrectionInput } from '@contract/checkin';

const messages = (r: z.SafeParseReturnType<unknown, unknown>) =>
  r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('parseContract', () => {
  it('replaces zod’s English defaults: lengths, enums, missing and mistyped values', () => {
    expect(messages(parseContract(UserUpdateProfileInput, { employer: '单'.repeat(61) }))).toEqual(['employer: 最多60个字']);
    expect(messages(parseContract(UserUpdateProfileInput, { education: '幼儿园' }))).toEqual(['education: 不是可选的值']);
    expect(messages(parseContract(CheckinRequestCorrectionInput, { date: '2026-12-01', note: '我忘记签退了' }))).toEqual([
      'activityId: 缺少必填项',
    ]);
    expect(messages(parseContract(CheckinRequestCorrectionInput, { activityId: 7, date: '2026-12-01', note: '我忘记签退了' }))).toEqual([
      'activityId: 类型不正确',
    ]);
  });

  it('keeps the messages a schema gives: inline, refinements and a schema’s own error map', () => {
    expect(messages(parseContract(CheckinRequestCorrectionInput, { activityId: 'a', date: '2026-12-01', note: '' }))).toEqual([
      'note: 请说明情况',
    ]);
    expect(messages(parseContract(UserUpdateProfileInput, {}))).toEqual([': 没有需要修改的内容']);
    expect(messages(parseContract(UserWithdrawInput, { confirm: false }))).toEqual(['confirm: 请确认注销']);
    const r = parseContract(ActivityPublishInput, { category: '不存在的类别' });
    expect(messages(r)).toContain('category: 请选择服务类别');
  });

  it('never repeats the value received', () => {
    const sent = 'x'.repeat(500);
    const r = parseContract(UserUpdateProfileInput, { education: sent, politicalStatus: sent, serviceCategories: [sent] });
    expect(r.success).toBe(false);
    expect(JSON.stringify(messages(r))).not.toContain('xxx');
  });

  it('every message is Chinese where the schema gives none', () => {
    const schema = z.object({ n: z.number().int().min(1), s: z.string().email(), d: z.date(), k: z.literal('a') }).strict();
    const r = schema.safeParse({ n: 0.5, s: 'a', d: new Date('x'), k: 'b', extra: 1 }, { errorMap: contractErrorMap });
    for (const m of messages(r)) expect(m).toMatch(/: .*[\u4e00-\u9fa5]/);
  });
});
