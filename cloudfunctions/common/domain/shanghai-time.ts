// Business days are Asia/Shanghai dates while functions run in UTC: every conversion lives here.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const TZ = 'Asia/Shanghai';

/** YYYY-MM-DD of the instant in Asia/Shanghai. */
export function shanghaiDate(at: Date): string {
  return dayjs(at).tz(TZ).format('YYYY-MM-DD');
}

/** ISO-8601 with the +08:00 offset, the wire format of times. */
export function toIso(at: Date): string {
  return dayjs(at).tz(TZ).format('YYYY-MM-DDTHH:mm:ssZ');
}
