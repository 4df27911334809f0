// Scan flags: poor reported accuracy (500 m is fine, 501 m is not) and a position exactly on the activity's point.
import { POOR_ACCURACY_M, scanFlags, withFlags } from '../../../cloudfunctions/common/domain/scan-flags';

describe('scan-flags', () => {
  it('flags an accuracy worse than 500 m, not 500 m itself, nor a scan that reports none', () => {
    expect(POOR_ACCURACY_M).toBe(500);
    expect(scanFlags({ accuracy: 500 }, 120)).toEqual([]);
    expect(scanFlags({ accuracy: 500.5 }, 120)).toEqual(['poor_accuracy']);
    expect(scanFlags({ accuracy: 5000 }, 120)).toEqual(['poor_accuracy']);
    expect(scanFlags({}, 120)).toEqual([]);
  });

  it('flags a position on the activity’s point to the metre (0 m), not one a metre away', () => {
    expect(scanFlags({ accuracy: 10 }, 0)).toEqual(['exact_point']);
    expect(scanFlags({ accuracy: 10 }, 1)).toEqual([]);
    expect(scanFlags({ accuracy: 800 }, 0)).toEqual(['poor_accuracy', 'exact_point']);
  });

  it('keeps earlier flags and adds each flag once', () => {
    expect(withFlags(['exact_point'], [])).toEqual(['exact_point']);
    expect(withFlags(['poor_accuracy'], ['poor_accuracy', 'exact_point'])).toEqual(['poor_accuracy', 'exact_point']);
    expect(withFlags(undefined, [])).toEqual([]);
  });
});
