/**
 * Conformance classes this API declares: OGC API – Features Part 1 (Core, GeoJSON, HTML, OpenAPI
 * 3.0) and Part 3's Queryables with queryables as query parameters (`?stage=operating`).
 */
export const conformanceClasses = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters',
] as const;

/** The coordinate reference system of every geometry and bbox: WGS 84 longitude, latitude. */
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
