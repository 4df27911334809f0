// WGS-84 → GCJ-02 on the h5 client: the canonical formula's known answers, and points outside China left alone.
import { getDistance } from 'geolib';
import { outOfChina, wgs84ToGcj02 } from '@contract/gcj02';

const metres = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
  getDistance({ latitude: a.lat, longitude: a.lng }, { latitude: b.lat, longitude: b.lng }, 0.01);

describe('wgs84ToGcj02', () => {
  it('moves 天安门 to its GCJ-02 point within 1 m', () => {
    const g = wgs84ToGcj02({ lat: 39.908823, lng: 116.39747 });
    expect(metres(g, { lat: 39.910225, lng: 116.403714 })).toBeLessThan(1);
  });
  it("matches the canonical formula's published answer (wandergis/coordtransform: 116.404, 39.915)", () => {
    const g = wgs84ToGcj02({ lat: 39.915, lng: 116.404 });
    expect(g.lat).toBeCloseTo(39.91640428150164, 10);
    expect(g.lng).toBeCloseTo(116.41024449916938, 10);
  });
  it('shifts a point in 兰州 by a few hundred metres, the error it exists to remove', () => {
    const wgs = { lat: 36.0611, lng: 103.8343 };
    const shift = metres(wgs, wgs84ToGcj02(wgs));
    expect(shift).toBeGreaterThan(100);
    expect(shift).toBeLessThan(700);
  });
  it('returns points outside China unchanged', () => {
    expect(wgs84ToGcj02({ lat: 48.8566, lng: 2.3522 })).toEqual({ lat: 48.8566, lng: 2.3522 }); // Paris
    expect(wgs84ToGcj02({ lat: 35.6762, lng: 139.6503 })).toEqual({ lat: 35.6762, lng: 139.6503 }); // Tokyo
    expect(wgs84ToGcj02({ lat: -33.8688, lng: 151.2093 })).toEqual({ lat: -33.8688, lng: 151.2093 }); // Sydney
    expect(outOfChina(39.9, 116.4)).toBe(false);
  });
  it('keeps other fields and leaves its input alone', () => {
    const wgs = { lat: 39.908823, lng: 116.39747, accuracy: 35 };
    const g = wgs84ToGcj02(wgs);
    expect(g.accuracy).toBe(35);
    expect(wgs).toEqual({ lat: 39.908823, lng: 116.39747, accuracy: 35 });
  });
});
