import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';
import { FrontDoor } from '../front-door.ts';

/** Bytes as served, with their ETag: weak, as Express makes one (`W/"<length>-<sha1>"`). */
type Encoded = { bytes: Buffer; etag: string };

/** An answer held: its JSON text, and, once asked for, its bytes and gzipped bytes. */
type Entry = { text: string; identity?: Encoded; gzip?: Encoded | null };

function encoded(bytes: Buffer, suffix = ''): Encoded {
  const hash = createHash('sha1').update(bytes).digest('base64').slice(0, 27);
  return { bytes, etag: `W/"${bytes.length.toString(16)}-${hash}${suffix}"` };
}

/** Gzip at the compression middleware's level, kept only when it is smaller. */
function gzipped(identity: Encoded): Encoded | null {
  const bytes = gzipSync(identity.bytes, { level: 6 });
  return bytes.length < identity.bytes.length ? encoded(bytes, '-gz') : null;
}

/**
 * Serialized API answers kept in memory, keyed by what the request asked for after validation (never
 * the raw URL, so junk parameters cannot fill it). The data changes only through the store, which
 * bumps its version; a new version empties the cache. Bounded: the oldest entry goes first.
 *
 * `send` serves an answer as held: hashed for its ETag and gzipped once, on first use, not per
 * request (per request, gzip and hashing a 130 KB layer cost far more than everything else).
 */
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private version: number | null = null;

  constructor(private readonly maxEntries = 500) {}

  /** The answer's JSON text, computed once per key and data version. */
  async get(key: string, dataVersion: number, compute: () => Promise<unknown>): Promise<string> {
    return (await this.entry(key, dataVersion, compute)).text;
  }

  /**
   * Sends the answer as `type` (UTF-8): gzipped when the client accepts gzip, with the ETag of the
   * bytes sent and `Vary: Accept-Encoding`; a 304 when If-None-Match matches that ETag. The
   * compression middleware leaves a body that already has a Content-Encoding alone.
   */
  async send(
    request: Request,
    response: Response,
    type: string,
    key: string,
    dataVersion: number,
    compute: () => Promise<unknown>,
  ): Promise<void> {
    const entry = await this.entry(key, dataVersion, compute);
    entry.identity ??= encoded(Buffer.from(entry.text));
    const wantsGzip = request.acceptsEncodings('gzip') === 'gzip';
    if (wantsGzip && entry.gzip === undefined) entry.gzip = gzipped(entry.identity);
    const served = (wantsGzip && entry.gzip) || entry.identity;
    FrontDoor.markCacheable(response, dataVersion);
    response.vary('Accept-Encoding');
    response.set({ 'Content-Type': `${type}; charset=utf-8`, ETag: served.etag });
    if (served === entry.gzip) response.set('Content-Encoding', 'gzip');
    // `fresh` compares If-None-Match with the ETag just set.
    if (request.fresh) {
      response.status(304).end();
      return;
    }
    response.set('Content-Length', String(served.bytes.length)).end(served.bytes);
  }

  private async entry(key: string, dataVersion: number, compute: () => Promise<unknown>): Promise<Entry> {
    if (this.version !== dataVersion) {
      this.entries.clear();
      this.version = dataVersion;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const entry: Entry = { text: JSON.stringify(await compute()) };
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, entry);
    return entry;
  }
}
