// Re-dating an activity that has day records: the days already recorded must stay within its dates.
import { chineseSpan } from './report-forms';

/** Why `span` would leave recorded days outside the activity, or undefined when it keeps them all. */
export function recordedDaysOutside(
  recorded: { first: string; last: string } | undefined,
  span: { startDate: string; endDate: string },
): string | undefined {
  if (!recorded) return undefined;
  if (span.startDate <= recorded.first && span.endDate >= recorded.last) return undefined;
  return `${chineseSpan(recorded.first, recorded.last)}已有签到记录，活动日期须包含这些日期`;
}
