import * as shapefile from 'shapefile';
import type { CrsChoice } from '../../../domain/crs.ts';
import { ImportFileError } from '../problems.ts';
import type { SourceFeature } from '../reproject.ts';
import { readPrj } from './prj.ts';
import { defaultUnzipLimits, safeUnzip, type UnzipLimits } from './safe-unzip.ts';

/** The parts of a Shapefile read from an archive; anything else in it is never inflated. */
const partExtensions = ['.shp', '.dbf', '.prj', '.cpg', '.shx'] as const;

const extensionOf = (name: string) => name.slice(name.lastIndexOf('.')).toLowerCase();
const stemOf = (name: string) => name.slice(0, name.lastIndexOf('.'));

/** The text encoding a .cpg names: UTF-8 (the default) or windows-1258, the Vietnamese code page. */
function encodingOf(cpg: string | undefined): 'utf-8' | 'windows-1258' {
  if (cpg === undefined) return 'utf-8';
  const name = cpg
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  if (['utf8', '65001', ''].includes(name)) return 'utf-8';
  if (['cp1258', '1258', 'windows1258', 'ansi1258'].includes(name)) return 'windows-1258';
  throw new ImportFileError(
    `Bảng mã "${cpg.trim()}" trong tệp .cpg không được hỗ trợ; dùng UTF-8 hoặc windows-1258.`,
    `The .cpg names encoding "${cpg.trim()}", which is not supported; use UTF-8 or windows-1258.`,
  );
}

const arrayBuffer = (bytes: Uint8Array) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/**
 * The CRS of the layer: the user's choice when given (it wins over the .prj), else the .prj's,
 * which must be one an import understands.
 */
function layerCrs(prj: string | undefined, chosen: CrsChoice | undefined, prjName: string): CrsChoice {
  if (chosen) return chosen;
  if (prj === undefined) {
    throw new ImportFileError(
      'Tệp Shapefile không có .prj: hãy chọn hệ tọa độ (ví dụ --crs vn2000-tm3-province:khanh-hoa).',
      'The Shapefile has no .prj: choose its CRS (e.g. --crs vn2000-tm3-province:khanh-hoa).',
    );
  }
  const read = readPrj(prj);
  if ('crs' in read) return read.crs;
  throw new ImportFileError(
    `Không nhận ra hệ tọa độ "${read.unrecognised}" trong ${prjName}: chỉ nhận WGS84, VN-2000 (địa lý, UTM 48N/49N, múi 3° k = 0,9999). Hãy chọn hệ tọa độ nếu chắc chắn.`,
    `Unrecognised CRS "${read.unrecognised}" in ${prjName}: only WGS84 and VN-2000 (geographic, UTM 48N/49N, TM-3 k = 0.9999) are read. Choose the CRS explicitly if you are sure.`,
  );
}

/**
 * Reads a zipped Shapefile (.shp and .dbf, with .prj and .cpg when present) into features in its
 * own CRS, and that CRS. The archive is unpacked under `safeUnzip`'s limits; only the Shapefile's
 * parts are inflated, and the archive must hold exactly one layer.
 */
export async function readShapefileZip(
  bytes: Uint8Array,
  options: { crs?: CrsChoice; limits?: UnzipLimits } = {},
): Promise<{ features: SourceFeature[]; crs: CrsChoice; crsFrom: 'file' | 'user' }> {
  const parts = safeUnzip(
    bytes,
    (name) => (partExtensions as readonly string[]).includes(extensionOf(name)),
    options.limits ?? defaultUnzipLimits,
  );
  const shpNames = [...parts.keys()].filter((name) => extensionOf(name) === '.shp');
  if (shpNames.length === 0) {
    throw new ImportFileError('Tệp ZIP không có tệp .shp.', 'The archive holds no .shp file.');
  }
  if (shpNames.length > 1) {
    throw new ImportFileError(
      `Tệp ZIP có nhiều lớp (${shpNames.join(', ')}); hãy nén mỗi lớp một tệp.`,
      `The archive holds several layers (${shpNames.join(', ')}); zip one layer per file.`,
    );
  }
  const shpName = shpNames[0] ?? '';
  const part = (extension: string) => {
    const name = [...parts.keys()].find(
      (candidate) => stemOf(candidate) === stemOf(shpName) && extensionOf(candidate) === extension,
    );
    return name === undefined ? undefined : { name, bytes: parts.get(name) ?? new Uint8Array() };
  };
  const dbf = part('.dbf');
  if (!dbf) {
    throw new ImportFileError(
      `Thiếu tệp .dbf đi kèm ${shpName}: không có thuộc tính (tên, mã cụm) thì không đối chiếu được.`,
      `${shpName} has no .dbf beside it: without attributes (name, cluster id) nothing can be matched.`,
    );
  }
  const decode = (entry: { bytes: Uint8Array } | undefined) =>
    entry && new TextDecoder('utf-8').decode(entry.bytes);
  const prj = part('.prj');
  const crs = layerCrs(decode(prj), options.crs, prj?.name ?? '.prj');
  const encoding = encodingOf(decode(part('.cpg')));

  const features: SourceFeature[] = [];
  try {
    const source = await shapefile.open(
      arrayBuffer(parts.get(shpName) ?? new Uint8Array()),
      arrayBuffer(dbf.bytes),
      {
        encoding,
      },
    );
    for (let record = await source.read(); !record.done; record = await source.read()) {
      features.push({ geometry: record.value.geometry ?? null, properties: { ...record.value.properties } });
    }
  } catch (error) {
    throw new ImportFileError(
      `Không đọc được ${shpName}: ${(error as Error).message}`,
      `${shpName} cannot be read: ${(error as Error).message}`,
    );
  }
  return { features, crs, crsFrom: options.crs ? 'user' : 'file' };
}
