// The shared shapes refuse what cannot exist: calendar dates and times that do not exist, periods out of bounds, search keywords with control characters.
import { DateSchema, IsoTimeSchema, KeywordSchema, periodDatesProblem } from '@contract/common';

describe('dates and times that exist', () => {
  it.each(['2027-02-30', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-1'])('DateSchema refuses %s', (d) => {
    expect(DateSchema.safeParse(d).success).toBe(false);
  });
  it.each(['2028-02-29', '2026-04-30', '2000-01-01'])('DateSchema accepts %s', (d) => {
    expect(DateSchema.safeParse(d).success).toBe(true);
  });
  it.each([
    '2027-02-30T10:00:00+08:00',
    '2026-02-29T10:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-04-30T24:00:00Z',
    '2026-12-01T10:00:00+25:00',
    '9999-12-31T23:59:59Z',
    '1999-12-31T23:59:59Z',
  ])('IsoTimeSchema refuses %s', (s) => {
    expect(IsoTimeSchema.safeParse(s).success).toBe(false);
  });
  it.each(['2028-02-29T10:00:00+08:00', '2026-11-22T09:00:00.123Z', '2000-01-01T00:00:00Z', '2099-12-31T23:59:59Z'])(
    'IsoTimeSchema accepts %s',
    (s) => {
      expect(IsoTimeSchema.safeParse(s).success).toBe(true);
    },
  );
});

describe('periodDatesProblem (the clock-free part of the period bounds)', () => {
  it('exact edges', () => {
    expect(periodDatesProblem({ from: '2000-01-01', to: '2009-12-31' })).toBeUndefined();
    expect(periodDatesProblem({ from: '2000-01-01', to: '2010-01-01' })).toBe('统计期间最长10年');
    expect(periodDatesProblem({ from: '1999-12-31' })).toBe('统计期间不能早于2000年1月1日');
    expect(periodDatesProblem({ to: '1999-12-31' })).toBe('统计期间不能早于2000年1月1日');
  });
});

describe('KeywordSchema', () => {
  it('refuses NUL and other control characters, keeps plain text', () => {
    for (const k of ['a\u0000b', '\u0000', 'a\u0007', 'a\u007f']) expect(KeywordSchema.safeParse(k).success).toBe(false);
    expect(KeywordSchema.parse('  兰州 (科普) ')).toBe('兰州 (科普)');
  });
});
