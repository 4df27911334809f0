// Input bounds of every function (cloudfunctions/common/input-bounds.ts): depth and size refused before any schema,
// issues and details that never repeat what was sent.
import { z } from 'zod';
import {
  MAX_EVENT_DEPTH,
  MAX_EVENT_NODES,
  boundedDetails,
  contractErrorMap,
  eventShapeProblem,
  issuesForAnswer,
} from '../../../cloudfunctions/common/input-bounds';

const nested = (n: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
};

describe('eventShapeProblem', () => {
  it('16 levels pass, 17 do not; 20,000 levels are refused without a deep stack', () => {
    expect(eventShapeProblem(nested(MAX_EVENT_DEPTH))).toBeUndefined();
    expect(eventShapeProblem(nested(MAX_EVENT_DEPTH + 1))).toBe('请求数据嵌套过深');
    expect(eventShapeProblem(nested(20_000))).toBe('请求数据嵌套过深');
  });
  it('at most 5,000 values', () => {
    expect(eventShapeProblem({ list: Array.from({ length: MAX_EVENT_NODES - 2 }, () => 1) })).toBeUndefined();
    expect(eventShapeProblem({ list: Array.from({ length: MAX_EVENT_NODES }, () => 1) })).toBe('请求包含的数据过多');
  });
});

describe('issues and details never echo the input', () => {
  const huge = 'x'.repeat(100_000);
  it('an enum refusal keeps code, path and a Chinese message; no `received`', () => {
    const r = z
      .object({ level: z.enum(['总队', '支队']), n: z.number().max(5), s: z.string().min(2) })
      .safeParse({ level: huge, n: 9, s: 'a' }, { errorMap: contractErrorMap });
    expect(r.success).toBe(false);
    const issues = issuesForAnswer(r.success ? [] : r.error.issues);
    expect(issues).toEqual([
      { code: 'invalid_enum_value', path: ['level'], message: '不是可选的值' },
      { code: 'too_big', path: ['n'], message: '不能大于5' },
      { code: 'too_small', path: ['s'], message: '至少2个字' },
    ]);
    expect(JSON.stringify(issues)).not.toContain('xxx');
  });
  it('messages a schema gives are kept', () => {
    const r = z.object({ a: z.string().min(2, '请填写原因') }).safeParse({ a: '' }, { errorMap: contractErrorMap });
    expect(issuesForAnswer(r.success ? [] : r.error.issues)[0].message).toBe('请填写原因');
  });
  it('details keep numbers and short strings, cut long ones', () => {
    expect(boundedDetails({ distanceM: 5210, radiusM: 5000 })).toEqual({ distanceM: 5210, radiusM: 5000 });
    const cut = boundedDetails({ memberId: huge, list: Array.from({ length: 80 }, (_, i) => i) }) as { memberId: string; list: number[] };
    expect(cut.memberId.length).toBe(121);
    expect(cut.list).toHaveLength(50);
  });
});
