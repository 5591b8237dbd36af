import { crsLabel, fixedCrsCodes, parseCrsCode } from '../../../../domain/crs.ts';
import type { LocalizedText } from '../../../../domain/text.ts';
import { provinceCentralMeridian } from '../../../../domain/vn2000.ts';

/** A CRS a planner may say the file is in. */
export type CrsOption = { code: string; label: LocalizedText; provinceZone: boolean };

/**
 * The CRS choices for a province's import: WGS84, VN-2000 geographic, UTM 48N and 49N, and the
 * province's own 3° zone (TM-3) when its central meridian is known.
 */
export function importCrsOptions(provinceId: string): CrsOption[] {
  const codes: string[] = [...fixedCrsCodes];
  if (provinceCentralMeridian(provinceId) !== null) codes.push(`vn2000-tm3-province:${provinceId}`);
  return codes.map((code) => ({
    code,
    label: crsLabel(parseCrsCode(code)),
    provinceZone: code.startsWith('vn2000-tm3-province:'),
  }));
}
