/**
 * The coordinate reference systems an import file may be in: WGS84, or VN-2000 geographic, in a
 * UTM zone, or in a provincial 3° zone (TM-3). Written as short codes a planner can type
 * (`vn2000-tm3:108.25`, `vn2000-tm3-province:khanh-hoa`) and turned into proj4 definitions.
 */
import { provinceCentralMeridian, vn2000DatumProj4, vn2000Tm3Proj4 } from './vn2000.ts';

/** A CRS an import can be read in, as a tagged object. */
export type CrsChoice =
  | { kind: 'wgs84' }
  | { kind: 'vn2000-geographic' }
  | { kind: 'vn2000-utm'; zone: 48 | 49 }
  | { kind: 'vn2000-tm3'; centralMeridianDegrees: number; provinceId?: string };

/** The fixed codes; TM-3 zones are `vn2000-tm3:<central meridian>` or `vn2000-tm3-province:<id>`. */
export const fixedCrsCodes = ['wgs84', 'vn2000-geographic', 'vn2000-utm-48n', 'vn2000-utm-49n'] as const;

/** Why a CRS code was not understood, in both languages. */
export class CrsCodeError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/**
 * Reads a CRS code. TM-3 zones take a central meridian in decimal degrees, or a province whose
 * meridian is known (domain/vn2000.ts).
 *
 * @throws CrsCodeError when the code, the meridian or the province is not known.
 * @example parseCrsCode('vn2000-tm3-province:khanh-hoa') // { kind: 'vn2000-tm3', centralMeridianDegrees: 108.25, provinceId: 'khanh-hoa' }
 * @example parseCrsCode('vn2000-utm-48n') // { kind: 'vn2000-utm', zone: 48 }
 */
export function parseCrsCode(code: string): CrsChoice {
  const trimmed = code.trim().toLowerCase();
  if (trimmed === 'wgs84' || trimmed === 'epsg:4326') return { kind: 'wgs84' };
  if (trimmed === 'vn2000-geographic' || trimmed === 'epsg:4756') return { kind: 'vn2000-geographic' };
  if (trimmed === 'vn2000-utm-48n' || trimmed === 'epsg:3405') return { kind: 'vn2000-utm', zone: 48 };
  if (trimmed === 'vn2000-utm-49n' || trimmed === 'epsg:3406') return { kind: 'vn2000-utm', zone: 49 };
  const meridian = /^vn2000-tm3:(-?\d+(?:\.\d+)?)$/.exec(trimmed)?.[1];
  if (meridian !== undefined) {
    const centralMeridianDegrees = Number(meridian);
    if (centralMeridianDegrees < 100 || centralMeridianDegrees > 120) {
      throw new CrsCodeError(
        `Kinh tuyến trục ${meridian} không thuộc Việt Nam (100°–120°).`,
        `Central meridian ${meridian} is not in Viet Nam (100°–120°).`,
      );
    }
    return { kind: 'vn2000-tm3', centralMeridianDegrees };
  }
  const provinceId = /^vn2000-tm3-province:([a-z0-9-]+)$/.exec(trimmed)?.[1];
  if (provinceId !== undefined) {
    const centralMeridianDegrees = provinceCentralMeridian(provinceId);
    if (centralMeridianDegrees === null) {
      throw new CrsCodeError(
        `Chưa biết kinh tuyến trục VN-2000 của tỉnh "${provinceId}"; hãy dùng vn2000-tm3:<kinh tuyến>.`,
        `The VN-2000 central meridian of province "${provinceId}" is not known; use vn2000-tm3:<meridian>.`,
      );
    }
    return { kind: 'vn2000-tm3', centralMeridianDegrees, provinceId };
  }
  throw new CrsCodeError(
    `Không hiểu hệ tọa độ "${code}". Dùng: ${fixedCrsCodes.join(', ')}, vn2000-tm3:<kinh tuyến>, vn2000-tm3-province:<mã tỉnh>.`,
    `Unknown CRS "${code}". Use: ${fixedCrsCodes.join(', ')}, vn2000-tm3:<meridian>, vn2000-tm3-province:<province id>.`,
  );
}

/** The code of a CRS, as `parseCrsCode` reads it back. */
export function crsCode(crs: CrsChoice): string {
  switch (crs.kind) {
    case 'wgs84':
    case 'vn2000-geographic':
      return crs.kind;
    case 'vn2000-utm':
      return `vn2000-utm-${crs.zone}n`;
    case 'vn2000-tm3':
      return crs.provinceId
        ? `vn2000-tm3-province:${crs.provinceId}`
        : `vn2000-tm3:${crs.centralMeridianDegrees}`;
  }
}

const dms = (degrees: number) => {
  const whole = Math.trunc(degrees);
  const minutes = Math.round((degrees - whole) * 60);
  return `${whole}°${String(minutes).padStart(2, '0')}′`;
};

/**
 * A CRS's name for a report, in both languages.
 *
 * @example crsLabel({ kind: 'vn2000-tm3', centralMeridianDegrees: 108.25 }).en // 'VN-2000 TM-3, central meridian 108°15′'
 */
export function crsLabel(crs: CrsChoice): { vi: string; en: string } {
  switch (crs.kind) {
    case 'wgs84':
      return { vi: 'WGS84 (kinh độ, vĩ độ)', en: 'WGS84 (longitude, latitude)' };
    case 'vn2000-geographic':
      return { vi: 'VN-2000 (kinh độ, vĩ độ)', en: 'VN-2000 (longitude, latitude)' };
    case 'vn2000-utm':
      return { vi: `VN-2000 UTM múi ${crs.zone}N`, en: `VN-2000 UTM zone ${crs.zone}N` };
    case 'vn2000-tm3':
      return {
        vi: `VN-2000 múi chiếu 3°, kinh tuyến trục ${dms(crs.centralMeridianDegrees)}`,
        en: `VN-2000 TM-3, central meridian ${dms(crs.centralMeridianDegrees)}`,
      };
  }
}

/**
 * The proj4 definition of a CRS. VN-2000 UTM zones keep UTM's k = 0.9996 (EPSG:3405/3406);
 * TM-3 zones have k = 0.9999 and x₀ = 500 000 m.
 */
export function crsProj4(crs: CrsChoice): string {
  switch (crs.kind) {
    case 'wgs84':
      return '+proj=longlat +datum=WGS84 +no_defs';
    case 'vn2000-geographic':
      return `+proj=longlat ${vn2000DatumProj4} +no_defs`;
    case 'vn2000-utm':
      return `+proj=utm +zone=${crs.zone} ${vn2000DatumProj4} +units=m +no_defs`;
    case 'vn2000-tm3':
      return vn2000Tm3Proj4(crs.centralMeridianDegrees);
  }
}

/** Whether coordinates in the CRS are eastings and northings in metres rather than degrees. */
export const isProjected = (crs: CrsChoice) => crs.kind === 'vn2000-utm' || crs.kind === 'vn2000-tm3';
