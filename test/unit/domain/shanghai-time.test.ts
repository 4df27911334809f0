// Day keys are Asia/Shanghai dates: 16:00 UTC is already tomorrow.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { shanghaiDate, toIso } from '../../../cloudfunctions/common/domain/shanghai-time';

dayjs.extend(utc);
dayjs.extend(timezone);

describe('Asia/Shanghai dates', () => {
  it('rolls over at 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
    expect(shanghaiDate(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });
  it('writes times with the +08:00 offset', () => {
    expect(toIso(new Date('2026-11-22T01:30:00Z'))).toBe('2026-11-22T09:30:00+08:00');
    expect(toIso(new Date('2026-12-31T16:00:00.999Z'))).toBe('2027-01-01T00:00:00+08:00');
  });
  it('agrees with the time-zone database every three days and some hours, from 1992 to 2040 (the fixed offset), and before it', () => {
    const tz = (at: Date) => [dayjs(at).tz('Asia/Shanghai').format('YYYY-MM-DD'), dayjs(at).tz('Asia/Shanghai').format('YYYY-MM-DDTHH:mm:ssZ')];
    const wrong: string[] = [];
    for (let t = Date.UTC(1992, 0, 1); t < Date.UTC(2040, 0, 1); t += 86_400_000 * 3 + 3_599_123) {
      const at = new Date(t);
      const [date, iso] = tz(at);
      if (shanghaiDate(at) !== date || toIso(at) !== iso) wrong.push(at.toISOString());
    }
    expect(wrong.slice(0, 3)).toEqual([]);
    // 1988 had daylight saving (+09:00 in summer): earlier instants go through the database.
    const summer1988 = new Date('1988-07-01T15:30:00Z');
    expect(toIso(summer1988)).toBe(tz(summer1988)[1]);
    expect(toIso(summer1988)).toBe('1988-07-02T00:30:00+09:00');
  });
});
