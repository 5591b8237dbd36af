import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * SVG path data for polygons, fitted into a `width` × `height` box with `padding`: longitudes are
 * scaled by the cosine of the mid latitude so a square plot stays square; north is up.
 *
 * @example miniMapPaths([square], 100, 100, 0) // ['M0,100L100,100L100,0L0,0Z']
 */
export function miniMapPaths(
  shapes: readonly (Polygon | MultiPolygon)[],
  width: number,
  height: number,
  padding: number,
): string[] {
  const rings = (shape: Polygon | MultiPolygon): Position[][] =>
    shape.type === 'Polygon' ? shape.coordinates : shape.coordinates.flat();
  const points = shapes.flatMap((shape) => rings(shape).flat());
  if (points.length === 0) return shapes.map(() => '');
  const longitudes = points.map(([lng = 0]) => lng);
  const latitudes = points.map(([, lat = 0]) => lat);
  const [west, east] = [Math.min(...longitudes), Math.max(...longitudes)];
  const [south, north] = [Math.min(...latitudes), Math.max(...latitudes)];
  const xScale = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * xScale, 1e-12);
  const spanY = Math.max(north - south, 1e-12);
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const round = (value: number) => Math.round(value * 10) / 10;
  const point = ([lng = 0, lat = 0]: Position) =>
    `${round(offsetX + (lng - west) * xScale * scale)},${round(offsetY + (north - lat) * scale)}`;
  return shapes.map((shape) =>
    rings(shape)
      .map((ring) => `M${ring.slice(0, -1).map(point).join('L')}Z`)
      .join(''),
  );
}
