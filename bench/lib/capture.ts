import { request } from 'node:http';
import type { CapturedResponse } from './replay-child.ts';

/** Headers the HTTP layer writes per connection or per message, not part of the answer itself. */
const PER_MESSAGE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/**
 * One GET exactly as sent on the wire: status, headers in order, and the body bytes undecoded (still
 * gzipped when the server gzipped them). Framing headers are dropped and a Content-Length is set, so
 * a replay sends the same answer with no chunking.
 */
export function capture(origin: string, path: string, headers: Record<string, string>) {
  return new Promise<CapturedResponse>((resolve, reject) => {
    const outgoing = request(`${origin}${path}`, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        const pairs: [string, string][] = [];
        for (let index = 0; index < response.rawHeaders.length; index += 2) {
          const [name = '', value = ''] = response.rawHeaders.slice(index, index + 2);
          if (!PER_MESSAGE.has(name.toLowerCase())) pairs.push([name, value]);
        }
        if (!pairs.some(([name]) => name.toLowerCase() === 'content-length')) {
          pairs.push(['Content-Length', String(body.length)]);
        }
        resolve({ path, status: response.statusCode ?? 0, headers: pairs, body });
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** A header of a captured answer, by name in any case. */
export const headerOf = (answer: CapturedResponse, name: string) =>
  answer.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
