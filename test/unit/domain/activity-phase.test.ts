// The five phases and the signup window at each boundary, in Asia/Shanghai time (UTC+8), and the phase queries. What an activity is for one volunteer.
import {
  activitySpan,
  myActivityState,
  phaseAt,
  phaseQuery,
  signupOpen,
  type Schedule,
} from '../../../cloudfunctions/common/domain/activity-phase';

// 2026-12-01 and 12-02, 09:00–17:00 in Shanghai; signup 11-20 00:00 to 11-30 18:00 there.
const s: Schedule = {
  status: 'published',
  startDate: '2026-12-01',
  endDate: '2026-12-02',
  dailyStart: '09:00',
  dailyEnd: '17:00',
  signupStartAt: new Date('2026-11-19T16:00:00Z'),
  signupEndAt: new Date('2026-11-30T10:00:00Z'),
};
const at = (iso: string) => new Date(iso);
const ms = (iso: string, delta: number) => new Date(Date.parse(iso) + delta);

describe('activitySpan', () => {
  it('is the first day’s start and the last day’s end in Shanghai', () => {
    expect(activitySpan(s)).toEqual({ startAt: at('2026-12-01T01:00:00Z'), endAt: at('2026-12-02T09:00:00Z') });
  });
  it('crosses the UTC date line: 07:00 in Shanghai is 23:00 the day before in UTC', () => {
    expect(activitySpan({ ...s, dailyStart: '07:00', dailyEnd: '23:30' })).toEqual({
      startAt: at('2026-11-30T23:00:00Z'),
      endAt: at('2026-12-02T15:30:00Z'),
    });
  });
});

describe('phaseAt', () => {
  it('recruiting before and during signup, closed from signupEndAt, ongoing from the start, ended from the end', () => {
    expect(phaseAt(s, at('2026-11-01T00:00:00Z'))).toBe('recruiting');
    expect(phaseAt(s, ms('2026-11-30T10:00:00Z', -1))).toBe('recruiting');
    expect(phaseAt(s, at('2026-11-30T10:00:00Z'))).toBe('closed');
    expect(phaseAt(s, ms('2026-12-01T01:00:00Z', -1))).toBe('closed');
    expect(phaseAt(s, at('2026-12-01T01:00:00Z'))).toBe('ongoing');
    // Between the two days (the night of 12-01) it is still ongoing.
    expect(phaseAt(s, at('2026-12-01T15:00:00Z'))).toBe('ongoing');
    expect(phaseAt(s, ms('2026-12-02T09:00:00Z', -1))).toBe('ongoing');
    expect(phaseAt(s, at('2026-12-02T09:00:00Z'))).toBe('ended');
  });

  it('cancelled whatever the clock', () => {
    for (const iso of ['2026-11-01T00:00:00Z', '2026-12-01T05:00:00Z', '2027-01-01T00:00:00Z'])
      expect(phaseAt({ ...s, status: 'cancelled' }, at(iso))).toBe('cancelled');
  });

  it('signup open until the activity is under way: straight from recruiting to ongoing', () => {
    const late = { ...s, signupEndAt: at('2026-12-02T05:00:00Z') };
    expect(phaseAt(late, ms('2026-12-01T01:00:00Z', -1))).toBe('recruiting');
    expect(phaseAt(late, at('2026-12-01T01:00:00Z'))).toBe('ongoing');
  });
});

describe('signupOpen', () => {
  it('from signupStartAt inclusive to signupEndAt exclusive', () => {
    expect(signupOpen(s, ms('2026-11-19T16:00:00Z', -1))).toBe(false);
    expect(signupOpen(s, at('2026-11-19T16:00:00Z'))).toBe(true);
    expect(signupOpen(s, ms('2026-11-30T10:00:00Z', -1))).toBe(true);
    expect(signupOpen(s, at('2026-11-30T10:00:00Z'))).toBe(false);
  });
  it('never for a cancelled activity; not after the end even if signup would still run', () => {
    expect(signupOpen({ ...s, status: 'cancelled' }, at('2026-11-22T00:00:00Z'))).toBe(false);
    const late = { ...s, signupEndAt: at('2026-12-02T09:00:00Z') };
    expect(signupOpen(late, at('2026-12-02T08:00:00Z'))).toBe(true);
    expect(signupOpen(late, at('2026-12-02T09:00:00Z'))).toBe(false);
  });
});

describe('phaseQuery', () => {
  const cmd = { lt: (v: unknown) => ({ $lt: v }), lte: (v: unknown) => ({ $lte: v }), gt: (v: unknown) => ({ $gt: v }) };
  /** Evaluates the produced conditions against a stored activity, as the database would. */
  const matches = (q: Record<string, unknown>, doc: Record<string, unknown>) =>
    Object.entries(q).every(([k, cond]) => {
      const v = doc[k] as Date | string;
      if (cond && typeof cond === 'object' && !(cond instanceof Date)) {
        const [[op, x]] = Object.entries(cond as Record<string, Date>);
        const a = (v as Date).getTime();
        const b = x.getTime();
        return op === '$lt' ? a < b : op === '$lte' ? a <= b : a > b;
      }
      return v === cond;
    });

  it('selects exactly the activity phaseAt gives, at every boundary', () => {
    const doc = { ...s, ...activitySpan(s) };
    const moments = ['2026-11-01T00:00:00Z', '2026-11-30T10:00:00Z', '2026-12-01T01:00:00Z', '2026-12-02T09:00:00Z'].flatMap((iso) => [
      ms(iso, -1),
      at(iso),
    ]);
    for (const now of moments) {
      for (const status of ['published', 'cancelled'] as const) {
        const d = { ...doc, status };
        const phase = phaseAt(d, now);
        for (const p of ['recruiting', 'closed', 'ongoing', 'ended', 'cancelled'] as const) {
          expect([now.toISOString(), status, p, matches(phaseQuery(p, now, cmd), d)]).toEqual([now.toISOString(), status, p, p === phase]);
        }
      }
    }
  });
});

describe('myActivityState', () => {
  it('called off by the team or by me, or never promoted from the waitlist before it started: 已取消', () => {
    expect(myActivityState('cancelled', 'enrolled')).toBe('cancelled');
    expect(myActivityState('recruiting', 'cancelled')).toBe('cancelled');
    expect(myActivityState('ongoing', 'waitlisted')).toBe('cancelled');
    expect(myActivityState('ended', 'waitlisted')).toBe('cancelled');
  });
  it('else by the phase: 待参加 before it starts (waitlisted too), 进行中, 已完成', () => {
    expect(myActivityState('recruiting', 'enrolled')).toBe('upcoming');
    expect(myActivityState('closed', 'waitlisted')).toBe('upcoming');
    expect(myActivityState('ongoing', 'enrolled')).toBe('ongoing');
    expect(myActivityState('ended', 'enrolled')).toBe('done');
  });
});
