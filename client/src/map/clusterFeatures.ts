import centroid from '@turf/centroid';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { ClusterFeatureCollection, ClusterProperties } from '../../../domain/cluster.ts';
import { dropletImageId } from './symbolImages.ts';
import type { ThematicLayer } from './thematic/types.ts';
import { UNKNOWN_CLASS } from './thematic/types.ts';

/** What the map layers read: flat properties, since style expressions cannot reach nested objects. */
export type ClusterMapProperties = {
  id: string;
  stage: string;
  name_vi: string;
  name_en: string;
  geometrySource: string;
  /** The cluster's class in the active thematic layer, its colour, ring and symbol. */
  class: string;
  color: string;
  ring: boolean;
  symbol: 'dot' | 'droplet';
  icon: string;
};

function mapProperties(cluster: ClusterProperties, layer: ThematicLayer): ClusterMapProperties {
  const classKey = layer.classify(cluster);
  const known = classKey !== UNKNOWN_CLASS;
  const color = layer.classes.find((item) => item.key === classKey)?.color ?? '#444444';
  return {
    id: cluster.id,
    stage: cluster.stage,
    name_vi: cluster.name.vi,
    name_en: cluster.name.en,
    geometrySource: cluster.geometrySource,
    class: classKey,
    color,
    ring: layer.ring?.test(cluster) ?? false,
    symbol: layer.symbol,
    icon: layer.symbol === 'droplet' ? dropletImageId(known ? color : null) : '',
  };
}

/** Cluster outlines for the fill and line layers. */
export function clusterAreas(
  collection: ClusterFeatureCollection,
  layer: ThematicLayer,
): FeatureCollection<Polygon | MultiPolygon, ClusterMapProperties> {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => ({
      type: 'Feature',
      id: feature.properties.id,
      geometry: feature.geometry,
      properties: mapProperties(feature.properties, layer),
    })),
  };
}

/** One point per cluster, so a cluster a few hundred metres wide stays visible at province zoom. */
export function clusterPoints(
  collection: ClusterFeatureCollection,
  layer: ThematicLayer,
): FeatureCollection<Point, ClusterMapProperties> {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => ({
      type: 'Feature',
      id: feature.properties.id,
      geometry: centroid(feature.geometry).geometry,
      properties: mapProperties(feature.properties, layer),
    })),
  };
}
