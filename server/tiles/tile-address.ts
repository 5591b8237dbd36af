import { HttpError } from '../errors.ts';
import { maxRequestZoom } from './tile-layers.ts';
import { type TileLayerId, tileLayerIds } from './tile-source.ts';

/** One tile of one layer, checked to lie on the grid. */
type TileAddress = { layer: TileLayerId; z: number; x: number; y: number };

const INTEGER = /^(0|[1-9][0-9]{0,8})$/;
const TILE_FILE = /^(.*)\.mvt$/;

/** The layer id, or 404 naming the layers there are. Request text never reaches SQL. */
export function parseTileLayer(text: string): TileLayerId {
  const layer = tileLayerIds.find((id) => id === text);
  if (layer) return layer;
  const shown = text.slice(0, 64);
  throw new HttpError(
    404,
    'unknown_layer',
    `Không có lớp bản đồ "${shown}". Các lớp: ${tileLayerIds.join(', ')}.`,
    `No map layer "${shown}". Layers: ${tileLayerIds.join(', ')}.`,
  );
}

/** The 400 for any request under /tiles that is not a tile of the grid or a layer's TileJSON. */
export function invalidTile(detailVi: string, detailEn: string): HttpError {
  return new HttpError(
    400,
    'invalid_tile',
    `Ô bản đồ không hợp lệ: ${detailVi}. Dạng đúng: /tiles/{lớp}/{z}/{x}/{y}.mvt với z từ 0 đến ${maxRequestZoom}, x và y từ 0 đến 2^z − 1.`,
    `Invalid tile: ${detailEn}. Expected /tiles/{layer}/{z}/{x}/{y}.mvt with z from 0 to ${maxRequestZoom}, x and y from 0 to 2^z − 1.`,
  );
}

function coordinate(name: string, text: string, limit: number): number {
  const value = INTEGER.test(text) ? Number(text) : Number.NaN;
  if (Number.isInteger(value) && value <= limit) return value;
  const shown = text.slice(0, 32);
  throw invalidTile(
    `${name} = "${shown}" phải là số nguyên từ 0 đến ${limit}`,
    `${name} = "${shown}" must be an integer from 0 to ${limit}`,
  );
}

/**
 * Checks `/{layer}/{z}/{x}/{y}.mvt` as Express split it: the layer is known, z is an integer in
 * 0…22, x and y integers in 0…2^z − 1. Anything else (signs, decimals, `..`) is a 400, never a 500.
 *
 * @example
 * parseTileAddress({ layer: 'plots', z: '14', x: '13151', file: '7628.mvt' });
 * // → { layer: 'plots', z: 14, x: 13151, y: 7628 }
 */
export function parseTileAddress(params: { layer: string; z: string; x: string; file: string }): TileAddress {
  const layer = parseTileLayer(params.layer);
  const yText = TILE_FILE.exec(params.file)?.[1];
  if (yText === undefined) {
    throw invalidTile(
      `"${params.file.slice(0, 32)}" không kết thúc bằng .mvt`,
      `"${params.file.slice(0, 32)}" does not end in .mvt`,
    );
  }
  const z = coordinate('z', params.z, maxRequestZoom);
  const last = 2 ** z - 1;
  return { layer, z, x: coordinate('x', params.x, last), y: coordinate('y', yText, last) };
}
