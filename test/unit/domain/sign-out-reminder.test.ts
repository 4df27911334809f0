// The sign-out reminder's timing (domain/sign-out-reminder): from 30 minutes before dailyEnd until dailyEnd, Shanghai.
import { signOutReminderDateAt, signOutReminderWindow } from '../../../cloudfunctions/common/domain/sign-out-reminder';

const act = { startDate: '2026-12-01', endDate: '2026-12-02', dailyEnd: '17:00' };
const at = (iso: string) => new Date(iso);

describe('signOutReminderDateAt', () => {
  it('due from 16:30:00 to 16:59:59 in Shanghai, not a second before or at 17:00', () => {
    expect(signOutReminderDateAt(act, at('2026-12-01T16:29:59+08:00'))).toBeUndefined();
    expect(signOutReminderDateAt(act, at('2026-12-01T16:30:00+08:00'))).toBe('2026-12-01');
    expect(signOutReminderDateAt(act, at('2026-12-01T16:59:59+08:00'))).toBe('2026-12-01');
    expect(signOutReminderDateAt(act, at('2026-12-01T17:00:00+08:00'))).toBeUndefined();
  });
  it('every day of the activity, none before or after it', () => {
    expect(signOutReminderDateAt(act, at('2026-12-02T16:45:00+08:00'))).toBe('2026-12-02');
    expect(signOutReminderDateAt(act, at('2026-11-30T16:45:00+08:00'))).toBeUndefined();
    expect(signOutReminderDateAt(act, at('2026-12-03T16:45:00+08:00'))).toBeUndefined();
  });
  it('Shanghai days, whatever UTC says: 08:40Z is 16:40 in Shanghai', () => {
    expect(signOutReminderDateAt(act, at('2026-12-01T08:40:00Z'))).toBe('2026-12-01');
    expect(signOutReminderDateAt({ ...act, dailyEnd: '00:20' }, at('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
  });
  it('an end late in the evening: the window may reach past midnight', () => {
    const late = { ...act, dailyEnd: '23:59' };
    expect(signOutReminderDateAt(late, at('2026-12-01T23:40:00+08:00'))).toBe('2026-12-01');
    expect(signOutReminderDateAt(late, at('2026-12-01T23:28:00+08:00'))).toBeUndefined();
  });
});

describe('signOutReminderWindow', () => {
  it('the dailyEnd values due now, for the query', () => {
    expect(signOutReminderWindow(at('2026-12-01T16:30:30+08:00'))).toEqual({ date: '2026-12-01', endsAfter: '16:30', endsBy: '17:00' });
    expect(signOutReminderWindow(at('2026-12-01T23:45:00+08:00'))).toEqual({ date: '2026-12-01', endsAfter: '23:45', endsBy: '24:00' });
  });
});
