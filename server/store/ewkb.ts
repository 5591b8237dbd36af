import type { Polygon } from 'geojson';

/** EWKB's flag for "an SRID follows the type". */
const EWKB_SRID_FLAG = 0x20000000;
const WKB_POLYGON = 3;

/**
 * A 2D polygon as hex EWKB (little-endian, with its SRID), the form PostGIS reads fastest:
 * `ST_GeomFromEWKB(decode($1, 'hex'))` costs a fraction of `ST_GeomFromGeoJSON`, and the doubles go
 * over unchanged (JSON.parse and PostGIS's GeoJSON reader round a coordinate to the same double).
 * Only x and y of each position are written: plot geometries are 2D (domain/cluster.ts).
 */
export function polygonEwkbHex(polygon: Polygon, srid = 4326): string {
  const rings = polygon.coordinates;
  let size = 1 + 4 + 4 + 4;
  for (const ring of rings) size += 4 + ring.length * 16;
  const bytes = Buffer.allocUnsafe(size);
  let offset = bytes.writeUInt8(1, 0);
  offset = bytes.writeUInt32LE((WKB_POLYGON | EWKB_SRID_FLAG) >>> 0, offset);
  offset = bytes.writeUInt32LE(srid, offset);
  offset = bytes.writeUInt32LE(rings.length, offset);
  for (const ring of rings) {
    offset = bytes.writeUInt32LE(ring.length, offset);
    for (const [x = Number.NaN, y = Number.NaN] of ring) {
      offset = bytes.writeDoubleLE(x, offset);
      offset = bytes.writeDoubleLE(y, offset);
    }
  }
  return bytes.toString('hex');
}
