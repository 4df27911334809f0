// Re-dating an activity keeps every recorded day inside it: exact edges on the first and last recorded day.
import { recordedDaysOutside } from '../../../cloudfunctions/common/domain/activity-dates';

describe('recordedDaysOutside', () => {
  const recorded = { first: '2026-12-01', last: '2026-12-02' };
  it('no records: any dates', () => {
    expect(recordedDaysOutside(undefined, { startDate: '2027-01-01', endDate: '2027-01-01' })).toBeUndefined();
  });
  it('the span may start on the first and end on the last recorded day, not a day later or earlier', () => {
    expect(recordedDaysOutside(recorded, { startDate: '2026-12-01', endDate: '2026-12-02' })).toBeUndefined();
    expect(recordedDaysOutside(recorded, { startDate: '2026-11-30', endDate: '2026-12-05' })).toBeUndefined();
    expect(recordedDaysOutside(recorded, { startDate: '2026-12-02', endDate: '2026-12-05' })).toBe(
      '2026年12月1日至2026年12月2日已有签到记录，活动日期须包含这些日期',
    );
    expect(recordedDaysOutside(recorded, { startDate: '2026-12-01', endDate: '2026-12-01' })).toBe(
      '2026年12月1日至2026年12月2日已有签到记录，活动日期须包含这些日期',
    );
  });
});
