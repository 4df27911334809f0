// Why: geo in the emulator (this folder) — db.Geo values stored as GeoJSON, $nearSphere/$geoWithin/$geoIntersects and the $geoNear stage, computed on a sphere the way MongoDB's 2dsphere index does (CloudBase runs MongoDB).
//
// Model (MongoDB 2dsphere, https://www.mongodb.com/docs/manual/geospatial-queries/#geospatial-models):
//  - coordinates are [longitude, latitude] in degrees (WGS84 "EPSG:4326"; GCJ-02 values are stored and compared as given);
//  - points are unit vectors, edges of lines and polygons are geodesics (great-circle arcs), not straight lines in
//    lng/lat: the edge from (-2, 2) to (2, 2) passes north of latitude 2;
//  - distances are central angles times 6378.1 km (mongo/db/geo/geoconstants.h kRadiusOfEarthInMeters), the angle as
//    S2 computes it, atan2(|a×b|, a·b): the SDK's aggregation test expects 6643.521654040738 m exactly and gets it;
//  - every polygon ring is "normalized" like S2Loop::Normalize in MongoDB's GeoJSON parser: its interior is the side
//    smaller than a hemisphere, whatever the winding. Big polygons (the strict-winding `crs` MongoDB offers for
//    $geoWithin/$geoIntersects) are refused NOT_IMPLEMENTED; the SDK cannot send them anyway.
//
// Approximations (documented, and small): a point within BOUNDARY_RAD (~6 mm) of an edge counts as on the boundary
// (MongoDB tests the ~1 cm S2 leaf cell of the point, geometry_container.cpp containsPoint), and boundaries are
// inclusive; "line/polygon within polygon" is "every vertex inside and no edge properly crosses the boundary", and
// "within a MultiPolygon" is "each part within one of its polygons"; "within $centerSphere" checks vertices (a cap
// no larger than a hemisphere is convex). Polygon validation checks closure, ≥ 3 distinct vertices, duplicate
// vertices, crossing edges and holes inside the shell, as MongoDB does, but not every S2 corner case.
export { EARTH_RADIUS_M } from './sphere';
export { checkGeoKeys } from './geojson';
export { GEO_OPERATORS, type GeoCollection, planNear, refuseNear, validateGeoOperand } from './query';
export { type GeoNearStage, parseGeoNearStage, runGeoNear } from './stage';
