import type { FeatureIndex } from './feature-index.ts';
import { type MvtFeature, writeMvt } from './mvt-writer.ts';
import { bufferedBox, pointInTile, polygonsInTile, tileFrame } from './tile-geometry.ts';
import { tileBuffer, tileExtent } from './tile-layers.ts';
import type { TileLayerId } from './tile-source.ts';

/**
 * Encodes a tile in Node, for PGlite, whose PostGIS has no ST_AsMVT: the features come from the
 * in-memory index (feature-index.ts), are clipped, simplified, snapped and wound in Node as
 * ST_AsMVTGeom would (tile-geometry.ts), and vt-pbf writes the protobuf (mvt-writer.ts). Same
 * layers, features, order and properties as the ST_AsMVT path; outlines agree within a tile unit.
 */
export async function encodeTileInNode(
  index: FeatureIndex,
  layer: TileLayerId,
  z: number,
  x: number,
  y: number,
): Promise<Uint8Array> {
  const frame = tileFrame(z, x, y, tileExtent, tileBuffer);
  const candidates = await index.query(layer, bufferedBox(frame));
  const shapes: MvtFeature[] = [];
  const labels: MvtFeature[] = [];
  for (const feature of candidates) {
    const rings = polygonsInTile(feature.polygons, frame);
    if (rings) shapes.push({ type: 3, geometry: rings, tags: feature.properties });
    // One label per plot, in the tile holding its point.
    const point = Number.isNaN(feature.labelX) ? null : pointInTile(feature.labelX, feature.labelY, frame);
    if (point) labels.push({ type: 1, geometry: [point], tags: feature.properties });
  }
  return writeMvt({ [layer]: shapes, plot_labels: labels }, tileExtent);
}
