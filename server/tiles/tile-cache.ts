import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** An encoded tile as served: its bytes, gzipped too when that helps, each with its own ETag. */
type CachedTile = {
  bytes: Buffer;
  etag: string;
  gzip: { bytes: Buffer; etag: string } | null;
};

/**
 * Wraps freshly encoded bytes for serving. The ETag is a hash of the content, so it holds across
 * restarts and processes, and a tile an edit did not touch keeps it (the browser gets a 304).
 * Tiles are gzipped once here, not per request: the compression middleware does not know the type.
 */
export function cachedTile(encoded: Uint8Array): CachedTile {
  const bytes = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  const hash = createHash('sha1').update(bytes).digest('base64url').slice(0, 22);
  const zipped = bytes.length > 0 ? gzipSync(bytes, { level: 6 }) : null;
  return {
    bytes,
    etag: `"${hash}"`,
    gzip: zipped && zipped.length < bytes.length ? { bytes: zipped, etag: `"${hash}-gz"` } : null,
  };
}

const sizeOf = (tile: CachedTile) => tile.bytes.length + (tile.gzip?.bytes.length ?? 0) + 200;

/**
 * Encoded tiles in memory, least recently used out first, bounded by count and by bytes. Emptied
 * when the data version changes. Concurrent misses for one tile share one encode (PGlite runs one
 * query at a time, so a map opening with 20 tile requests must not queue the same tile twice).
 */
export class TileCache {
  private readonly entries = new Map<string, CachedTile>();
  private readonly pending = new Map<string, Promise<CachedTile>>();
  private version: number | null = null;
  private totalBytes = 0;

  constructor(
    private readonly maxEntries = 2_000,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  /** Entries and bytes held, for logs and tests. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.totalBytes };
  }

  async get(key: string, dataVersion: number, encode: () => Promise<Uint8Array>): Promise<CachedTile> {
    if (this.version !== dataVersion) {
      this.entries.clear();
      this.pending.clear();
      this.totalBytes = 0;
      this.version = dataVersion;
    }
    const hit = this.entries.get(key);
    if (hit) {
      // Map keeps insertion order: move the hit to the end, the most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const work = encode().then(cachedTile);
    this.pending.set(key, work);
    try {
      const tile = await work;
      // Data changed while encoding: serve this answer, but do not keep it for the new version.
      if (this.version === dataVersion) this.remember(key, tile);
      return tile;
    } finally {
      if (this.pending.get(key) === work) this.pending.delete(key);
    }
  }

  private remember(key: string, tile: CachedTile) {
    const previous = this.entries.get(key);
    if (previous) this.totalBytes -= sizeOf(previous);
    this.entries.set(key, tile);
    this.totalBytes += sizeOf(tile);
    for (const [oldKey, oldTile] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.totalBytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.totalBytes -= sizeOf(oldTile);
    }
  }
}
