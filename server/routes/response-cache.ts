/**
 * Serialized API answers kept in memory, keyed by what the request asked for after validation (never
 * the raw URL, so junk parameters cannot fill it). The data changes only through the store, which
 * bumps its version; a new version empties the cache. Bounded: the oldest entry goes first.
 */
export class ResponseCache {
  private readonly entries = new Map<string, string>();
  private version: number | null = null;

  constructor(private readonly maxEntries = 500) {}

  async get(key: string, dataVersion: number, compute: () => Promise<unknown>): Promise<string> {
    if (this.version !== dataVersion) {
      this.entries.clear();
      this.version = dataVersion;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const body = JSON.stringify(await compute());
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, body);
    return body;
  }
}
