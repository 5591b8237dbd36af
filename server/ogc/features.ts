import type { Geometry } from 'geojson';
import type { ClusterFeature } from '../../domain/cluster.ts';
import { infrastructureCompleteness } from '../../domain/infrastructure.ts';
import { occupancyPercent } from '../../domain/occupancy.ts';
import type { PlotGeometry } from '../../domain/plot.ts';
import { stages } from '../../domain/vocabulary.ts';
import type { PlotRecord, WastewaterPlantRecord } from '../store/store.ts';
import type {
  clusterProperties,
  PropertyName,
  plotProperties,
  wastewaterPlantProperties,
} from './collections.ts';

/** A flat property value: what GIS fields hold. Null is unknown. */
export type FlatValue = string | number | boolean | null;

/** A GeoJSON feature with a string id and flat properties, as OGC API – Features serves it. */
export type OgcFeature = {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: Record<string, FlatValue>;
};

/** Rounds away floating-point noise (0.30000000000000004) without losing a reported digit. */
const tidy = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/**
 * A cluster as a flat feature: reported figures as numbers or null, derived figures (infrastructure
 * completeness, occupancy) from the domain's own functions. Unknown stays null, never 0.
 *
 * @example clusterFeature(songCau).properties.occupancy_percent // null: no areas reported
 */
export function clusterFeature(feature: ClusterFeature): OgcFeature {
  const cluster = feature.properties;
  const completeness = infrastructureCompleteness(cluster.infrastructure);
  const figures = cluster.figures;
  const occupancy = occupancyPercent(
    figures.leasedIndustrialLandHa?.value,
    figures.leasableIndustrialLandHa?.value,
  );
  const properties: Record<PropertyName<typeof clusterProperties>, FlatValue> = {
    id: cluster.id,
    name_vi: cluster.name.vi,
    name_en: cluster.name.en,
    province_id: cluster.provinceId,
    stage: cluster.stage,
    stage_vi: stages.label(cluster.stage, 'vi'),
    locality_vi: cluster.locality?.value.vi ?? null,
    infrastructure_investor: cluster.infrastructureInvestor?.value.kind ?? null,
    infrastructure_percent: completeness.percent === null ? null : Math.round(completeness.percent),
    infrastructure_minimum_percent: Math.round(completeness.minimumPercent),
    wastewater_state: cluster.wastewaterPlant?.value.state ?? null,
    wastewater_capacity_m3_per_day: cluster.wastewaterPlant?.value.capacityM3PerDay ?? null,
    planned_area_ha: figures.plannedAreaHa?.value ?? null,
    established_area_ha: figures.establishedAreaHa?.value ?? null,
    leasable_area_ha: figures.leasableIndustrialLandHa?.value ?? null,
    leased_area_ha: figures.leasedIndustrialLandHa?.value ?? null,
    occupancy_percent: occupancy === null ? null : tidy(occupancy, 2),
    cleared_share_percent: figures.clearedSharePercent?.value ?? null,
    geometry_source: cluster.geometrySource,
    source_ids: cluster.sourceIds.join(','),
  };
  return { type: 'Feature', id: cluster.id, geometry: feature.geometry, properties };
}

/** A plot as a flat feature, with its measured area in hectares and square metres. */
export function plotFeature(plot: PlotRecord & { geometry: PlotGeometry }): OgcFeature {
  const record = plot.properties;
  const properties: Record<PropertyName<typeof plotProperties>, FlatValue> = {
    id: record.id,
    label: record.label,
    cluster_id: record.clusterId,
    province_id: record.provinceId,
    status: record.status,
    origin: record.origin,
    area_ha: tidy(plot.areaM2 / 10_000, 6),
    area_m2: tidy(plot.areaM2, 2),
    area_measure: plot.areaMeasure,
    permitted_industries: record.permittedIndustries.length > 0 ? record.permittedIndustries.join(';') : null,
    tenant: record.tenant,
    source_id: record.sourceId,
    as_of: record.asOf,
  };
  return { type: 'Feature', id: record.id, geometry: plot.geometry, properties };
}

/** The id of a cluster's wastewater plant feature. */
export const wastewaterPlantId = (clusterId: string) => `${clusterId}-wwtp`;

/** The cluster id of a wastewater plant feature id, or null when it is not one. */
export function clusterIdOfPlant(featureId: string): string | null {
  return featureId.endsWith('-wwtp') ? featureId.slice(0, -'-wwtp'.length) : null;
}

/** A cluster's wastewater plant as a point feature inside the cluster. */
export function wastewaterPlantFeature({ cluster, point }: WastewaterPlantRecord): OgcFeature {
  const plant = cluster.wastewaterPlant;
  // The store lists only clusters with a plant; say so plainly rather than send half a record.
  if (!plant) throw new Error(`cluster ${cluster.id} has no wastewater plant`);
  const properties: Record<PropertyName<typeof wastewaterPlantProperties>, FlatValue> = {
    id: wastewaterPlantId(cluster.id),
    cluster_id: cluster.id,
    cluster_name_vi: cluster.name.vi,
    province_id: cluster.provinceId,
    state: plant.value.state,
    capacity_m3_per_day: plant.value.capacityM3PerDay ?? null,
    source_id: plant.sourceId,
    geometry_source: cluster.geometrySource,
  };
  return {
    type: 'Feature',
    id: wastewaterPlantId(cluster.id),
    geometry: { type: 'Point', coordinates: point },
    properties,
  };
}
