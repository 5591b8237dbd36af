/**
 * VN-2000, the national datum official Vietnamese survey data is in (hệ tọa độ quốc gia VN-2000),
 * and its provincial Transverse Mercator zones of 3° (múi chiếu 3°), in which official areas are
 * measured.
 */

/**
 * VN-2000 → WGS84 as proj4 `+towgs84` parameters (EPSG:4756, from `epsg-index`): translations in m,
 * rotations in arc-seconds, scale in ppm. The datum uses the WGS84 ellipsoid.
 *
 * The rotation convention only moves a point by decimetres and does not change an area; check it
 * against the transformation the survey used before comparing coordinates point by point.
 */
export const vn2000Towgs84 = [
  -191.90441429, -39.30318279, -111.45032835, -0.00928836, 0.01975479, -0.00427372, 0.252906278,
] as const;

/** The VN-2000 datum as a proj4 fragment: WGS84 ellipsoid with the 7-parameter shift to WGS84. */
export const vn2000DatumProj4 = `+ellps=WGS84 +towgs84=${vn2000Towgs84.join(',')}`;

/** Scale factor on the central meridian of a provincial 3° zone (VN-2000 TM-3). */
export const vn2000Tm3ScaleFactor = 0.9999;

/** False easting of a VN-2000 TM-3 zone, in metres; the false northing is 0. */
export const vn2000Tm3FalseEastingMetres = 500_000;

/**
 * The proj4 definition of the VN-2000 provincial 3° Transverse Mercator zone (TM-3) with the given
 * central meridian: k = 0.9999, x₀ = 500 000 m, y₀ = 0, metres.
 *
 * @throws RangeError when the central meridian is not a finite longitude in [-180, 180].
 * @example vn2000Tm3Proj4(108.25)
 * // '+proj=tmerc +lat_0=0 +lon_0=108.25 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=… +units=m +no_defs'
 */
export function vn2000Tm3Proj4(centralMeridianDegrees: number): string {
  if (!Number.isFinite(centralMeridianDegrees) || Math.abs(centralMeridianDegrees) > 180) {
    throw new RangeError(`Not a central meridian: ${centralMeridianDegrees}`);
  }
  return [
    '+proj=tmerc',
    '+lat_0=0',
    `+lon_0=${centralMeridianDegrees}`,
    `+k=${vn2000Tm3ScaleFactor}`,
    `+x_0=${vn2000Tm3FalseEastingMetres}`,
    '+y_0=0',
    vn2000DatumProj4,
    '+units=m',
    '+no_defs',
  ].join(' ');
}

/**
 * Central meridian of each province's VN-2000 TM-3 zone, in decimal degrees, keyed by province id.
 * Only the provinces whose meridian has been checked are listed: Khánh Hòa 108°15′, Hòa Bình 106°00′.
 */
export const provinceCentralMeridians: Readonly<Record<string, number>> = Object.freeze({
  'khanh-hoa': 108.25,
  'hoa-binh': 106,
});

/**
 * The central meridian of a province's VN-2000 TM-3 zone in decimal degrees, or null when unknown.
 *
 * @example provinceCentralMeridian('khanh-hoa') // 108.25
 * @example provinceCentralMeridian('ha-noi') // null: not checked yet
 */
export function provinceCentralMeridian(provinceId: string): number | null {
  return Object.hasOwn(provinceCentralMeridians, provinceId)
    ? (provinceCentralMeridians[provinceId] ?? null)
    : null;
}
