// The hour-before reminder's window: dailyStart − 60 min <= now < dailyStart to the minute, per day, across midnight.
import { startReminderDateAt, startReminderWindows } from '../../../cloudfunctions/common/domain/start-reminder';

const at = (iso: string) => new Date(iso);
const act = { startDate: '2026-12-01', endDate: '2026-12-02', dailyStart: '09:00' };

describe('startReminderDateAt', () => {
  it('is due from 08:00 until before 09:00, never at or after the start', () => {
    expect(startReminderDateAt(act, at('2026-12-01T07:59:59+08:00'))).toBeUndefined();
    expect(startReminderDateAt(act, at('2026-12-01T08:00:00+08:00'))).toBe('2026-12-01');
    expect(startReminderDateAt(act, at('2026-12-01T08:59:59+08:00'))).toBe('2026-12-01');
    expect(startReminderDateAt(act, at('2026-12-01T09:00:00+08:00'))).toBeUndefined();
  });
  it('on every day of the activity and no other', () => {
    expect(startReminderDateAt(act, at('2026-12-02T08:10:00+08:00'))).toBe('2026-12-02');
    expect(startReminderDateAt(act, at('2026-11-30T08:10:00+08:00'))).toBeUndefined();
    expect(startReminderDateAt(act, at('2026-12-03T08:10:00+08:00'))).toBeUndefined();
  });
  it('a start just after midnight is due the evening before', () => {
    const night = { ...act, dailyStart: '00:30' };
    expect(startReminderDateAt(night, at('2026-11-30T23:29:00+08:00'))).toBeUndefined();
    expect(startReminderDateAt(night, at('2026-11-30T23:30:00+08:00'))).toBe('2026-12-01');
    expect(startReminderDateAt(night, at('2026-12-02T23:40:00+08:00'))).toBeUndefined(); // 12-03 is not a day of it
  });
});

describe('startReminderWindows', () => {
  it('one window within a day, two across midnight', () => {
    expect(startReminderWindows(at('2026-12-01T08:00:30+08:00'))).toEqual([
      { date: '2026-12-01', startsAfter: '08:00', startsBy: '09:00' },
    ]);
    expect(startReminderWindows(at('2026-12-01T23:40:00+08:00'))).toEqual([
      { date: '2026-12-01', startsAfter: '23:40', startsBy: '24:00' },
      { date: '2026-12-02', startsAfter: '', startsBy: '00:40' },
    ]);
  });
});
