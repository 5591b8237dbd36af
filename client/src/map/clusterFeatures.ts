import centroid from '@turf/centroid';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { ClusterFeatureCollection } from '../../../domain/cluster.ts';

/** What the map layers read: flat properties, since style expressions cannot reach nested objects. */
export type ClusterMapProperties = {
  id: string;
  stage: string;
  name_vi: string;
  name_en: string;
  geometrySource: string;
};

function mapProperties(feature: ClusterFeatureCollection['features'][number]): ClusterMapProperties {
  const { id, stage, name, geometrySource } = feature.properties;
  return { id, stage, name_vi: name.vi, name_en: name.en, geometrySource };
}

/** Cluster outlines for the fill and line layers. */
export function clusterAreas(
  collection: ClusterFeatureCollection,
): FeatureCollection<Polygon | MultiPolygon, ClusterMapProperties> {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => ({
      type: 'Feature',
      id: feature.properties.id,
      geometry: feature.geometry,
      properties: mapProperties(feature),
    })),
  };
}

/** One point per cluster, so a cluster a few hundred metres wide stays visible at province zoom. */
export function clusterPoints(
  collection: ClusterFeatureCollection,
): FeatureCollection<Point, ClusterMapProperties> {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => ({
      type: 'Feature',
      id: feature.properties.id,
      geometry: centroid(feature.geometry).geometry,
      properties: mapProperties(feature),
    })),
  };
}
