// Hand-off windows at their edges: a change exactly at the last mark was sent, one a millisecond later was not; a
// window ends a minute before the export starts; a period is whole Asia/Shanghai days; a broken-off export stops blocking;
// a manager fills or corrects a national number only where the volunteer has not entered their own.
import { HANDOFF_KINDS, NationalVolunteerIdSchema } from '@contract/handoff';
import {
  blocksNext,
  HANDOFF_COLUMNS,
  HANDOFF_SETTLE_MS,
  HANDOFF_STALE_MS,
  managerNationalIdVerdict,
  periodWindow,
  sinceLastWindow,
  within,
} from '../../../cloudfunctions/common/domain/handoff';

const at = (iso: string) => new Date(iso);

describe('sinceLastWindow and within', () => {
  const now = at('2026-11-23T02:00:00Z');

  it('the first hand-off covers everything up to a minute before it starts', () => {
    const w = sinceLastWindow(undefined, now);
    expect(w).toEqual({ to: at('2026-11-23T01:59:00Z') });
    expect(within(w, at('2000-01-01T00:00:00Z'))).toBe(true);
    expect(within(w, at('2026-11-23T01:59:00Z'))).toBe(true);
    expect(within(w, at('2026-11-23T01:59:00.001Z'))).toBe(false);
    expect(within(w, undefined)).toBe(false);
  });

  it('the next starts just after the last one’s mark: nothing twice, nothing missed', () => {
    const last = sinceLastWindow(undefined, now);
    const next = sinceLastWindow(last.to, at('2026-11-23T03:00:00Z'));
    expect(next.from).toEqual(last.to);
    expect(within(next, last.to)).toBe(false);
    expect(within(next, at('2026-11-23T01:59:00.001Z'))).toBe(true);
    expect(HANDOFF_SETTLE_MS).toBe(60_000);
  });
});

describe('periodWindow', () => {
  it('covers whole Asia/Shanghai days', () => {
    const w = periodWindow('2026-11-01', '2026-11-02', at('2026-12-01T00:00:00Z'));
    expect(within(w, at('2026-10-31T15:59:59.999Z'))).toBe(false);
    expect(within(w, at('2026-10-31T16:00:00Z'))).toBe(true);
    expect(within(w, at('2026-11-02T15:59:59.999Z'))).toBe(true);
    expect(within(w, at('2026-11-02T16:00:00Z'))).toBe(false);
  });

  it('never reaches past a minute before now', () => {
    const now = at('2026-11-23T02:00:00Z');
    expect(periodWindow('2026-11-23', '2026-11-23', now).to).toEqual(at('2026-11-23T01:59:00Z'));
  });
});

describe('blocksNext', () => {
  const now = at('2026-11-23T02:00:00Z');
  it('a running export blocks until it is stale; a finished or failed one never', () => {
    expect(blocksNext(undefined, now)).toBe(false);
    expect(blocksNext({ status: 'running', at: new Date(now.getTime() - HANDOFF_STALE_MS + 1) }, now)).toBe(true);
    expect(blocksNext({ status: 'running', at: new Date(now.getTime() - HANDOFF_STALE_MS) }, now)).toBe(false);
    expect(blocksNext({ status: 'done', at: now }, now)).toBe(false);
    expect(blocksNext({ status: 'failed', at: now }, now)).toBe(false);
  });
});

describe('columns and 全国志愿者统一编号', () => {
  it('every sheet has columns with distinct headers', () => {
    for (const k of HANDOFF_KINDS) {
      const headers = HANDOFF_COLUMNS[k].map((c) => c.header);
      expect(new Set(headers).size).toBe(headers.length);
    }
  });

  it('takes 8–32 letters or digits', () => {
    expect(NationalVolunteerIdSchema.safeParse('12345678').success).toBe(true);
    expect(NationalVolunteerIdSchema.safeParse('A'.repeat(32)).success).toBe(true);
    expect(NationalVolunteerIdSchema.safeParse(' ZYZ2026000123 ').data).toBe('ZYZ2026000123');
    for (const bad of ['1234567', 'A'.repeat(33), '1234-5678', '志愿者12345678'])
      expect(NationalVolunteerIdSchema.safeParse(bad).success).toBe(false);
  });
});

describe('managerNationalIdVerdict', () => {
  it('a manager fills an empty number, corrects a manager’s entry, and never replaces the volunteer’s own', () => {
    expect(managerNationalIdVerdict({}, 'ZYZ2026000123')).toBe('set');
    expect(managerNationalIdVerdict({ current: 'ZYZ2026000123' }, 'ZYZ2026000123')).toBe('unchanged');
    expect(managerNationalIdVerdict({ current: 'ZYZ2026000123' }, 'ZYZ2026000124')).toBe('own');
    expect(managerNationalIdVerdict({ current: 'ZYZ2026000123', enteredByManager: 'ZYZ2026000123' }, 'ZYZ2026000124')).toBe('set');
    // The volunteer replaced the manager's entry: theirs now.
    expect(managerNationalIdVerdict({ current: 'ZYZ2026000555', enteredByManager: 'ZYZ2026000123' }, 'ZYZ2026000124')).toBe('own');
  });
});
