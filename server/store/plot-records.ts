import { geodesicSquareMetres, vn2000PlaneSquareMetres } from '../../domain/area.ts';
import { PlotGeometry, PlotProperties } from '../../domain/plot.ts';
import { provinceCentralMeridian } from '../../domain/vn2000.ts';
import type { PlotAuditRecord, PlotAuditRow, PlotRecord } from './store.ts';

/** A plot row as the SQL of plot-queries.ts returns it. */
export type PlotRow = {
  doc: unknown;
  area_m2: number;
  area_measure: string;
  x: number;
  y: number;
  west: number;
  south: number;
  east: number;
  north: number;
};

export function plotRecordFromRow(row: PlotRow): PlotRecord {
  return {
    properties: PlotProperties.parse(row.doc),
    areaM2: row.area_m2,
    areaMeasure: row.area_measure === 'vn2000-plane' ? 'vn2000-plane' : 'ellipsoid',
    centroid: [row.x, row.y],
    bbox: [row.west, row.south, row.east, row.north],
  };
}

export function plotGeometryFromText(text: string) {
  return PlotGeometry.parse(JSON.parse(text));
}

/**
 * The area a plot is listed with: in the province's VN-2000 plane, as official Vietnamese areas
 * are measured, or on the WGS84 ellipsoid where the province's central meridian is not known.
 */
export function officialPlotArea(
  geometry: PlotGeometry,
  provinceId: string,
): { areaM2: number; areaMeasure: PlotRecord['areaMeasure'] } {
  // Only the one measure listed: an import measures 100,000 plots.
  const meridian = provinceCentralMeridian(provinceId);
  return meridian === null
    ? { areaM2: geodesicSquareMetres(geometry), areaMeasure: 'ellipsoid' }
    : { areaM2: vn2000PlaneSquareMetres(geometry, meridian), areaMeasure: 'vn2000-plane' };
}

/** A plot's audit row as plot-queries.ts `plotHistory` returns it. */
export type PlotAuditSqlRow = {
  at: Date | string;
  account_id: string | null;
  account_name: string | null;
  action: PlotAuditRow['action'];
  source_id: string | null;
  before: { doc: unknown; version: number; geometry: unknown } | null;
  after: { doc: unknown; version: number; geometry: unknown } | null;
};

const auditRecord = (record: PlotAuditSqlRow['before']): PlotAuditRecord | null =>
  record && {
    doc: PlotProperties.parse(record.doc),
    version: record.version,
    geometry: PlotGeometry.parse(record.geometry),
  };

/** Re-validated on the way out, as every record the store reads: the database is an edge too. */
export function plotAuditRowFromSql(row: PlotAuditSqlRow): PlotAuditRow {
  return {
    at: new Date(row.at).toISOString(),
    accountId: row.account_id,
    accountName: row.account_name,
    action: row.action,
    sourceId: row.source_id,
    before: auditRecord(row.before),
    after: auditRecord(row.after),
  };
}
