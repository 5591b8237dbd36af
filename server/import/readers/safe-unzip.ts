import { Inflate } from 'fflate';
import { ImportFileError } from '../problems.ts';

/** Limits on what an archive may unpack to. */
export type UnzipLimits = {
  /** Total uncompressed bytes of the entries read. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of an entry over 1 MB: beyond it, a zip bomb. */
  maxRatio: number;
};

/** 200 MB in all; a ratio of 200 (real .shp/.dbf files compress 2–20×, padded .dbf up to ~100×). */
export const defaultUnzipLimits: UnzipLimits = { maxTotalBytes: 200 * 1024 * 1024, maxRatio: 200 };

/** An entry as the central directory declares it. */
export type ZipEntry = {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
};

const ratioFloorBytes = 1024 * 1024;
/**
 * Past this many declared bytes in all, the archive's overall ratio must be within the limit too:
 * otherwise many entries each just under `ratioFloorBytes` (1 MB of zeros deflates to ~1 KB) add up
 * to a zip bomb no single entry's ratio shows (180 MB from a 200 KB upload).
 */
const totalRatioFloorBytes = 8 * ratioFloorBytes;
/**
 * Compressed bytes fed to the inflater at a time. Deflate expands at most ~1032×, so each step
 * yields at most ~4 MB before the size check runs: an entry lying about its size is stopped within
 * a few MB of what it declared, not 64 MB (a 64 KB step) past it.
 */
const inflateStepBytes = 4 * 1024;

const refuse = (vi: string, en: string) => new ImportFileError(vi, en);
const notZip = () =>
  refuse('Tệp không phải một tệp ZIP đọc được.', 'The file is not a readable ZIP archive.');

/** Reads the central directory (no ZIP64, which a 200 MB cap never needs). Nothing is inflated. */
export function readCentralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let end = bytes.length - 22;
  const lowest = Math.max(0, bytes.length - 22 - 65_535);
  while (end >= lowest && u32(end) !== 0x06054b50) end--;
  if (end < lowest || bytes.length < 22) throw notZip();
  const count = u16(end + 10);
  let at = u32(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) throw notZip();
    const nameLength = u16(at + 28);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(at + 10),
      encrypted: (u16(at + 8) & 1) === 1,
      compressedSize: u32(at + 20),
      declaredSize: u32(at + 24),
      localHeaderOffset: u32(at + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff) {
      throw refuse('Tệp ZIP64 quá lớn, không được nhận.', 'ZIP64 archives are too large to accept.');
    }
    entries.push(entry);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return entries;
}

/** Whether an entry name could escape a folder or name one elsewhere: `..`, absolute, backslashes. */
export function isUnsafeEntryName(name: string): boolean {
  return (
    name.includes('\\') ||
    name.startsWith('/') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').includes('..') ||
    name.includes('\0')
  );
}

/** Inflates one entry, stopping as soon as it gives more bytes than allowed. */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry, allowedBytes: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw notZip();
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw notZip();
  const tooBig = () =>
    refuse(
      `"${entry.name}" giải nén ra nhiều hơn khai báo hoặc vượt giới hạn — tệp ZIP bị từ chối.`,
      `"${entry.name}" inflates to more than declared or allowed — archive refused.`,
    );
  if (entry.method === 0) {
    if (data.length > allowedBytes) throw tooBig();
    return data.slice();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > allowedBytes) throw tooBig();
    chunks.push(chunk);
  });
  try {
    for (let offset = 0; offset < data.length; offset += inflateStepBytes) {
      inflater.push(
        data.subarray(offset, offset + inflateStepBytes),
        offset + inflateStepBytes >= data.length,
      );
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw refuse(
      `"${entry.name}" bị hỏng, không giải nén được.`,
      `"${entry.name}" is corrupt and cannot be inflated.`,
    );
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * Unpacks the entries of a ZIP that `wanted` accepts, refusing hostile archives before and while
 * inflating: any entry name with `..`, an absolute path or a backslash; encrypted entries or
 * methods other than stored/deflate; declared sizes over the cap or ratios of a zip bomb, per entry
 * and for the archive as a whole (from the central directory, before anything is inflated); and entries that inflate to more than they
 * declared (checked while inflating, so a lying header cannot fill memory).
 *
 * @returns the wanted entries by name.
 */
export function safeUnzip(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: UnzipLimits = defaultUnzipLimits,
): Map<string, Uint8Array> {
  const entries = readCentralDirectory(bytes);
  const unsafe = entries.find((entry) => isUnsafeEntryName(entry.name));
  if (unsafe) {
    throw refuse(
      `Tệp ZIP có mục "${unsafe.name}" trỏ ra ngoài thư mục (.., đường dẫn tuyệt đối hoặc \\) — bị từ chối.`,
      `The archive has an entry "${unsafe.name}" pointing outside its folder (.., an absolute path or \\) — refused.`,
    );
  }
  const chosen = entries.filter((entry) => !entry.name.endsWith('/') && wanted(entry.name));
  let total = 0;
  let totalCompressed = 0;
  for (const entry of chosen) {
    if (entry.encrypted || (entry.method !== 0 && entry.method !== 8)) {
      throw refuse(
        `"${entry.name}" được mã hóa hoặc nén theo cách không hỗ trợ.`,
        `"${entry.name}" is encrypted or uses an unsupported compression method.`,
      );
    }
    total += entry.declaredSize;
    totalCompressed += entry.compressedSize;
    const ratio = entry.declaredSize / Math.max(1, entry.compressedSize);
    if (entry.declaredSize > ratioFloorBytes && ratio > limits.maxRatio) {
      throw refuse(
        `"${entry.name}" nén ${Math.round(ratio)} lần (giới hạn ${limits.maxRatio}) — nghi là bom ZIP, bị từ chối.`,
        `"${entry.name}" is compressed ${Math.round(ratio)}× (limit ${limits.maxRatio}) — a zip bomb? Refused.`,
      );
    }
  }
  const totalRatio = total / Math.max(1, totalCompressed);
  if (total > totalRatioFloorBytes && totalRatio > limits.maxRatio) {
    throw refuse(
      `Các tệp trong ZIP nén tổng cộng ${Math.round(totalRatio)} lần (giới hạn ${limits.maxRatio}) — nghi là bom ZIP, bị từ chối.`,
      `The archive's entries are compressed ${Math.round(totalRatio)}× in all (limit ${limits.maxRatio}) — a zip bomb? Refused.`,
    );
  }
  const megabytes = (value: number) => Math.round(value / 1024 / 1024);
  if (total > limits.maxTotalBytes) {
    throw refuse(
      `Tệp ZIP giải nén ra ${megabytes(total)} MB, quá giới hạn ${megabytes(limits.maxTotalBytes)} MB.`,
      `The archive unpacks to ${megabytes(total)} MB, over the ${megabytes(limits.maxTotalBytes)} MB limit.`,
    );
  }
  return new Map(chosen.map((entry) => [entry.name, inflateEntry(bytes, entry, entry.declaredSize)]));
}
