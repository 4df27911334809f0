// The refusal of a time later than now that the check-in forms show as soon as a time is picked.
import { FUTURE_TIME_MESSAGE, futureTimeError } from '@contract/time';

describe('futureTimeError', () => {
  const now = Date.parse('2026-12-01T14:00:30+08:00'); // the server's clock

  it('refuses a minute after now, on the day or a later one', () => {
    expect(futureTimeError('2026-12-01', '14:01', now)).toBe(FUTURE_TIME_MESSAGE);
    expect(futureTimeError('2026-12-02', '08:00', now)).toBe('不能填写未来的时间');
  });

  it('accepts now and earlier, an earlier day, and nothing picked', () => {
    expect(futureTimeError('2026-12-01', '14:00', now)).toBe('');
    expect(futureTimeError('2026-12-01', '09:00', now)).toBe('');
    expect(futureTimeError('2026-11-30', '23:59', now)).toBe('');
    expect(futureTimeError('2026-12-01', '', now)).toBe('');
  });
});
