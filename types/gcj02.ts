// WGS-84 → GCJ-02 for the h5 client, whose geolocation speaks WGS-84 while activity points are GCJ-02
// (ARCHITECTURE.md, Coordinates): without it a scan lands 100–700 m off. The canonical public formula
// (Krasovsky 1940 ellipsoid), accurate to about a metre against the official transform.

const A = 6378245.0; // semi-major axis of the Krasovsky 1940 ellipsoid
const EE = 0.006693421622965943; // its first eccentricity squared (0.00669342162296594323 as a double)

/**
 * The rough box the canonical formula treats as China. It also covers Hong Kong, Macau, Taiwan and
 * border areas of neighbouring countries, which get shifted too; every implementation of the formula does so.
 */
export function outOfChina(lat: number, lng: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function transformLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** The GCJ-02 point of a WGS-84 one; other fields (e.g. `accuracy`) are kept, points outside China come back unchanged. */
export function wgs84ToGcj02<T extends { lat: number; lng: number }>(p: T): T {
  if (outOfChina(p.lat, p.lng)) return { ...p };
  const radLat = (p.lat / 180.0) * Math.PI;
  const sin = Math.sin(radLat);
  const magic = 1 - EE * sin * sin;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (transformLat(p.lng - 105.0, p.lat - 35.0) * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (transformLng(p.lng - 105.0, p.lat - 35.0) * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { ...p, lat: p.lat + dLat, lng: p.lng + dLng };
}
