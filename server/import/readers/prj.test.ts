import { describe, expect, test } from 'vitest';
import { readPrj } from './prj.ts';

const gdalTowgs84Datum =
  'DATUM["D_Unknown_based_on_WGS84_ellipsoid_using_towgs84_-191_90441429_-39_30318279_-111_45032835_-0_00928836_0_01975479_-0_00427372_0_252906278",SPHEROID["WGS_1984",6378137.0,298.257223563]]';
const gdalProjected = (centralMeridian: number, scale: number) =>
  `PROJCS["unknown",GEOGCS["GCS_unknown",${gdalTowgs84Datum},PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${centralMeridian}],PARAMETER["Scale_Factor",${scale}],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;

describe('reading a .prj', () => {
  test('a VN-2000 TM-3 zone as GDAL writes it, with its central meridian', () => {
    expect(readPrj(gdalProjected(108.25, 0.9999))).toEqual({
      crs: { kind: 'vn2000-tm3', centralMeridianDegrees: 108.25 },
    });
  });

  test('VN-2000 / UTM 48N and 49N from their parameters or their EPSG code', () => {
    expect(readPrj(gdalProjected(111, 0.9996))).toEqual({ crs: { kind: 'vn2000-utm', zone: 49 } });
    const esri =
      'PROJCS["VN_2000_UTM_Zone_48N",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(readPrj(esri)).toEqual({ crs: { kind: 'vn2000-utm', zone: 48 } });
    expect(readPrj('PROJCS["VN-2000 / UTM zone 49N",GEOGCS["VN-2000"],AUTHORITY["EPSG","3406"]]')).toEqual({
      crs: { kind: 'vn2000-utm', zone: 49 },
    });
  });

  test('WGS84 and VN-2000 geographic', () => {
    const wgs84 =
      'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
    expect(readPrj(wgs84)).toEqual({ crs: { kind: 'wgs84' } });
    const vn2000 = `GEOGCS["GCS_unknown",${gdalTowgs84Datum},PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]`;
    expect(readPrj(vn2000)).toEqual({ crs: { kind: 'vn2000-geographic' } });
  });

  test('anything else is unrecognised, with the name the file gives it', () => {
    const lambert =
      'PROJCS["RGF93_Lambert_93",GEOGCS["GCS_RGF_1993",DATUM["D_RGF_1993",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",700000.0],PARAMETER["False_Northing",6600000.0],PARAMETER["Central_Meridian",3.0],PARAMETER["Standard_Parallel_1",49.0],PARAMETER["Standard_Parallel_2",44.0],PARAMETER["Latitude_Of_Origin",46.5],UNIT["Meter",1.0]]';
    expect(readPrj(lambert)).toEqual({ unrecognised: 'RGF93_Lambert_93' });
    // Transverse Mercator on WGS84 (not VN-2000) is not a VN-2000 zone.
    expect(
      readPrj(
        gdalProjected(108.25, 0.9999).replace(
          gdalTowgs84Datum,
          'DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]',
        ),
      ),
    ).toEqual({
      unrecognised: 'unknown',
    });
    expect(readPrj('not wkt at all')).toEqual({ unrecognised: 'not wkt at all' });
  });
});
