import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Symbols drawn on a canvas when the style first asks for them (the missing-image resolver), so they
 * survive style changes and need no sprite file: the hatch for unknown areas, the hatched dot for
 * a cluster whose figure is unknown, and the wastewater-plant droplet in each class colour.
 */
const PIXEL_RATIO = 2;

function canvas(size: number) {
  const element = document.createElement('canvas');
  element.width = size * PIXEL_RATIO;
  element.height = size * PIXEL_RATIO;
  const context = element.getContext('2d');
  if (!context) throw new Error('2d canvas unavailable');
  context.scale(PIXEL_RATIO, PIXEL_RATIO);
  return { element, context };
}

function hatch(context: CanvasRenderingContext2D, size: number, spacing: number) {
  context.strokeStyle = '#6f6f6f';
  context.lineWidth = 1.2;
  for (let offset = -size; offset < size * 2; offset += spacing) {
    context.beginPath();
    context.moveTo(offset, size);
    context.lineTo(offset + size, 0);
    context.stroke();
  }
}

function drawHatchPattern() {
  const { element, context } = canvas(8);
  context.fillStyle = 'rgba(200,200,200,0.55)';
  context.fillRect(0, 0, 8, 8);
  hatch(context, 8, 4);
  return element;
}

function drawUnknownDot() {
  const size = 18;
  const { element, context } = canvas(size);
  const center = size / 2;
  context.beginPath();
  context.arc(center, center, 7, 0, Math.PI * 2);
  context.fillStyle = '#e0e0e0';
  context.fill();
  context.save();
  context.clip();
  hatch(context, size, 3);
  context.restore();
  context.lineWidth = 1.5;
  context.strokeStyle = '#ffffff';
  context.stroke();
  return element;
}

function dropletPath(context: CanvasRenderingContext2D) {
  context.beginPath();
  context.moveTo(11, 2);
  context.bezierCurveTo(11, 2, 3, 11, 3, 15.5);
  context.arc(11, 15.5, 8, Math.PI, 0, true);
  context.bezierCurveTo(19, 11, 11, 2, 11, 2);
  context.closePath();
}

function drawDroplet(color: string | null) {
  const { element, context } = canvas(22);
  dropletPath(context);
  context.fillStyle = color ?? '#e0e0e0';
  context.fill();
  if (color === null) {
    context.save();
    context.clip();
    hatch(context, 22, 3);
    context.restore();
  }
  context.lineWidth = 1.5;
  context.strokeStyle = '#ffffff';
  context.stroke();
  return element;
}

export const HATCH_PATTERN = 'hatch';
export const UNKNOWN_DOT = 'unknown-dot';
/** `droplet-<hex without #>`, or `droplet-unknown`. */
export const dropletImageId = (color: string | null) =>
  `droplet-${color ? color.slice(1).toLowerCase() : 'unknown'}`;

function drawImage(id: string): HTMLCanvasElement | null {
  if (id === HATCH_PATTERN) return drawHatchPattern();
  if (id === UNKNOWN_DOT) return drawUnknownDot();
  const droplet = /^droplet-(unknown|[0-9a-f]{6})$/.exec(id);
  if (droplet) return drawDroplet(droplet[1] === 'unknown' ? null : `#${droplet[1]}`);
  return null;
}

const provided = new WeakSet<MapLibreMap>();

export function provideSymbolImages(map: MapLibreMap) {
  if (provided.has(map)) return;
  provided.add(map);
  map.setMissingStyleImageResolver((id) => {
    if (map.hasImage(id)) return;
    const image = drawImage(id);
    const context = image?.getContext('2d');
    if (!image || !context) return;
    map.addImage(id, context.getImageData(0, 0, image.width, image.height), { pixelRatio: PIXEL_RATIO });
  });
}
