// The 5 km rule: the server alone measures how far a scan is from the activity's point (both GCJ-02).
import { getDistance } from 'geolib';
import { MAX_RADIUS_M, type GeoPoint } from '@contract/activity';

/**
 * Great-circle metres between two points, rounded to whole metres (geolib `getDistance`, accuracy 1).
 * geolib uses a sphere of radius 6,378,137 m: one degree of latitude is 111,319.49 m.
 */
export function distanceM(a: GeoPoint, b: GeoPoint): number {
  return getDistance({ latitude: a.lat, longitude: a.lng }, { latitude: b.lat, longitude: b.lng }, 1);
}

/**
 * Whether `point` lies within `radiusM` of `center`, edge included. The radius is capped at MAX_RADIUS_M
 * whatever the activity says, and the accuracy a client reports does not widen it (a phone can claim anything).
 */
export function withinRadius(point: GeoPoint, center: GeoPoint, radiusM: number = MAX_RADIUS_M): { ok: boolean; distanceM: number } {
  const d = distanceM(point, center);
  return { ok: d <= Math.min(radiusM, MAX_RADIUS_M), distanceM: d };
}
