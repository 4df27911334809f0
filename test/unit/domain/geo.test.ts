// The 5 km rule: distances in whole metres and the radius check, edge included, capped at 5000 m.
import { distanceM, withinRadius } from '../../../cloudfunctions/common/domain/geo';

const LANZHOU = { lat: 36.0611, lng: 103.8343 };
/** One degree of latitude on geolib's sphere (radius 6,378,137 m). */
const M_PER_DEG_LAT = (6_378_137 * Math.PI) / 180;
const north = (m: number) => ({ lat: LANZHOU.lat + m / M_PER_DEG_LAT, lng: LANZHOU.lng });

describe('distanceM', () => {
  it('measures whole metres along a meridian', () => {
    expect(distanceM(LANZHOU, north(4900))).toBe(4900);
    expect(distanceM(LANZHOU, north(5100))).toBe(5100);
    expect(distanceM(north(5100), LANZHOU)).toBe(5100);
    expect(distanceM(LANZHOU, LANZHOU)).toBe(0);
  });
  it('measures a real distance: 兰州 to 天水 is about 230 km', () => {
    const d = distanceM(LANZHOU, { lat: 34.5809, lng: 105.7249 });
    expect(d).toBeGreaterThan(220_000);
    expect(d).toBeLessThan(245_000);
  });
});

describe('withinRadius', () => {
  it('accepts a scan 4.9 km away within 5000 m and gives the distance', () => {
    expect(withinRadius(north(4900), LANZHOU, 5000)).toEqual({ ok: true, distanceM: 4900 });
  });
  it('refuses a scan 5.1 km away and gives the distance', () => {
    expect(withinRadius(north(5100), LANZHOU, 5000)).toEqual({ ok: false, distanceM: 5100 });
  });
  it('includes the edge', () => {
    expect(withinRadius(north(5000), LANZHOU, 5000)).toEqual({ ok: true, distanceM: 5000 });
    expect(withinRadius(north(5001), LANZHOU, 5000).ok).toBe(false);
  });
  it('applies a smaller radius set by the activity', () => {
    expect(withinRadius(north(600), LANZHOU, 500)).toEqual({ ok: false, distanceM: 600 });
    expect(withinRadius(north(400), LANZHOU, 500).ok).toBe(true);
  });
  it('never allows more than 5000 m, whatever the activity says', () => {
    expect(withinRadius(north(5100), LANZHOU, 10_000)).toEqual({ ok: false, distanceM: 5100 });
    expect(withinRadius(north(5100), LANZHOU).ok).toBe(false);
    expect(withinRadius(north(4900), LANZHOU).ok).toBe(true);
  });
  it('does not widen the radius by the accuracy a phone reports', () => {
    const reported = { ...north(5100), accuracy: 2000 };
    expect(withinRadius(reported, LANZHOU, 5000).ok).toBe(false);
  });
});
