// The day-before reminder: which startDate is due at a moment, in Asia/Shanghai time, from 08:00 there.
import { reminderDateAt } from '../../../cloudfunctions/common/domain/activity-reminder';

describe('reminderDateAt', () => {
  it('nothing before 08:00 in Shanghai; from then on, tomorrow’s date there', () => {
    expect(reminderDateAt(new Date('2026-11-29T23:59:59Z'))).toBeUndefined(); // 11-30 07:59:59
    expect(reminderDateAt(new Date('2026-11-30T00:00:00Z'))).toBe('2026-12-01'); // 11-30 08:00
    expect(reminderDateAt(new Date('2026-11-30T15:59:59Z'))).toBe('2026-12-01'); // 11-30 23:59:59
  });
  it('the Shanghai day turns at 16:00 UTC', () => {
    expect(reminderDateAt(new Date('2026-11-30T16:00:00Z'))).toBeUndefined(); // 12-01 00:00
    expect(reminderDateAt(new Date('2026-12-31T02:00:00Z'))).toBe('2027-01-01');
  });
});
