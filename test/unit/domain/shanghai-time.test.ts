// Day keys are Asia/Shanghai dates: 16:00 UTC is already tomorrow.
import { shanghaiDate, toIso } from '../../../cloudfunctions/common/domain/shanghai-time';

describe('Asia/Shanghai dates', () => {
  it('rolls over at 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
    expect(shanghaiDate(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });
  it('writes times with the +08:00 offset', () => {
    expect(toIso(new Date('2026-11-22T01:30:00Z'))).toBe('2026-11-22T09:30:00+08:00');
  });
});
