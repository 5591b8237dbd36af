import type { Map as MapLibreMap } from 'maplibre-gl';

/** What the title strip above the map image says. */
export type MapImageCaption = {
  /** e.g. "Khánh Hòa — Giai đoạn". */
  title: string;
  /** e.g. "Ngày 22/11/2026". */
  date: string;
  /** The illustrative-geometry note, or null when every shape is a boundary. */
  note: string | null;
  attribution: string;
};

/** Height of the title strip in CSS pixels; the image is the map's size plus this. */
const TITLE_STRIP_CSS_PX = 64;

/**
 * A copy of what the map shows now. MapLibre's WebGL canvas keeps its drawing buffer only until the
 * frame is composited (no `preserveDrawingBuffer`, which costs on every frame), so the copy is made
 * inside the `render` event of a repaint asked for here, while the frame is still in the buffer.
 */
function captureMapCanvas(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      const source = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      const context = copy.getContext('2d');
      if (!context) {
        reject(new Error('no 2d canvas context'));
        return;
      }
      context.drawImage(source, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

const FONT = '"Be Vietnam Pro", system-ui, "Segoe UI", Roboto, Arial, sans-serif';

/**
 * The map image under a title strip: province and layer, the date, the illustrative note (in red,
 * as the map's legend says it) and the basemap attribution. Sizes follow the map canvas's pixel
 * ratio, so a high-density screen gives a sharp image.
 */
function composeMapImage(mapImage: HTMLCanvasElement, caption: MapImageCaption, pixelRatio: number) {
  const strip = Math.round(TITLE_STRIP_CSS_PX * pixelRatio);
  const canvas = document.createElement('canvas');
  canvas.width = mapImage.width;
  canvas.height = mapImage.height + strip;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas context');
  const px = (value: number) => value * pixelRatio;

  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, strip);
  context.fillStyle = '#d0d7de';
  context.fillRect(0, strip - px(1), canvas.width, px(1));
  context.drawImage(mapImage, 0, strip);

  context.textBaseline = 'alphabetic';
  context.fillStyle = '#1b1f24';
  context.font = `600 ${px(18)}px ${FONT}`;
  context.fillText(caption.title, px(12), px(26), canvas.width - px(24));
  context.font = `${px(13)}px ${FONT}`;
  context.fillStyle = '#57606a';
  context.fillText(caption.date, px(12), px(50));
  const dateWidth = context.measureText(caption.date).width;
  if (caption.note) {
    context.fillStyle = '#b00020';
    context.fillText(`· ${caption.note}`, px(12) + dateWidth + px(8), px(50));
  }
  context.fillStyle = '#57606a';
  context.font = `${px(11)}px ${FONT}`;
  context.textAlign = 'right';
  context.fillText(caption.attribution, canvas.width - px(12), px(26));
  context.textAlign = 'left';
  return canvas;
}

/** Saves a canvas as a PNG file through a temporary link. */
function downloadCanvas(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) {
        reject(new Error('the map image could not be encoded'));
        return;
      }
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // Let the download start before the blob goes.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      resolve();
    }, 'image/png');
  });
}

/**
 * The file name of a map image: `ccn-<province>-<layer>-<YYYY-MM-DD>.png`.
 *
 * @example mapImageFileName('khanh-hoa', 'stage', '2026-11-22') // 'ccn-khanh-hoa-stage-2026-11-22.png'
 */
export const mapImageFileName = (provinceId: string, layerId: string, isoDate: string) =>
  `ccn-${provinceId}-${layerId}-${isoDate}.png`;

/** The current map view as a PNG download, titled: the one call the export menu makes. */
export async function exportMapPng(map: MapLibreMap, caption: MapImageCaption, fileName: string) {
  const mapImage = await captureMapCanvas(map);
  await downloadCanvas(composeMapImage(mapImage, caption, map.getPixelRatio()), fileName);
}
