import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import type { RequestHandler, Response } from 'express';
import fresh from 'fresh';

/** An answer as Express sent it: status 200, every header it set, the bytes on the wire. */
type Recorded = { version: number; headers: OutgoingHttpHeaders; bytes: Buffer };

/** Headers whose presence makes an answer personal or partial: such requests always go to Express. */
const PERSONAL_HEADERS = ['cookie', 'authorization', 'range'] as const;

/** Headers a 304 must not carry (RFC 9110 §15.4.5: it has no body). */
const BODY_HEADERS = new Set(['content-length', 'content-type']);

/**
 * The cached public answers, served in front of Express.
 *
 * Why: on an answer the app already holds (a province's cluster GeoJSON, a plot tile), Express's
 * own per-request work — its request and response objects, the router, the middleware chain —
 * costs three times what writing the bytes does (bench/hot-path.ts: an empty Express app keeps
 * ~0.3× of bare node:http). Anonymous readers of provincial sites ask the same few answers again
 * and again, so those are written straight from here, with the exact headers Express sent the
 * first time (security headers, CORS, ETag, Content-Encoding), until the data version changes.
 *
 * Only what a route marks (`markCacheable`) is recorded, only a 200 sent in one piece, and only for
 * requests with no cookie, credentials or range, so nothing personal is ever replayed. The key is
 * the raw URL and the Accept-Encoding header as received, so the same request gets the same
 * bytes; a request this does not serve goes to Express unchanged. Hits are not logged per request
 * (the access log of nginx or a CDN in front is the place for that); `hits` counts them.
 */
export class FrontDoor {
  private readonly entries = new Map<string, Recorded>();
  private bytes = 0;
  hits = 0;

  constructor(
    /** The store's data version, or null while it is opening: then nothing is served from here. */
    private readonly currentVersion: () => number | null,
    private readonly limits = { entries: 5000, bytes: 64 * 1024 * 1024 },
  ) {}

  /** Marks this answer, computed at `version` of the data, as one the front door may replay. */
  static markCacheable(response: Response, version: number): void {
    response.locals.frontDoorVersion = version;
  }

  /** The listener to give `http.createServer`: a recorded answer, else the app. */
  listener(app: RequestListener): RequestListener {
    return (request, response) => {
      const key = requestKey(request);
      // The recorder reads the key computed here, once per request, before Express rewrites the URL.
      keys.set(request, key);
      if (key === null || !this.serve(key, request, response)) app(request, response);
    };
  }

  /**
   * Express middleware, mounted before compression so that it sees the bytes as sent: records a
   * marked answer when Express ends it.
   */
  recorder(): RequestHandler {
    return (request, response, next) => {
      const key = keys.has(request) ? keys.get(request) : requestKey(request);
      if (key === null || key === undefined) return next();
      const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
      let wroteInPieces = false;
      const write = response.write.bind(response) as (...args: unknown[]) => boolean;
      response.write = ((...args: unknown[]) => {
        wroteInPieces = true;
        return write(...args);
      }) as typeof response.write;
      response.end = ((...args: unknown[]) => {
        const version = response.locals.frontDoorVersion as number | undefined;
        const [chunk] = args;
        if (
          version !== undefined &&
          !wroteInPieces &&
          response.statusCode === 200 &&
          (Buffer.isBuffer(chunk) || typeof chunk === 'string') &&
          response.getHeader('set-cookie') === undefined
        ) {
          this.remember(key, { version, headers: response.getHeaders(), bytes: Buffer.from(chunk) });
        }
        return end(...args);
      }) as typeof response.end;
      next();
    };
  }

  private remember(key: string, answer: Recorded): void {
    if (answer.bytes.length > this.limits.bytes / 16) return;
    this.forget(key);
    while (
      this.entries.size > 0 &&
      (this.entries.size >= this.limits.entries || this.bytes + answer.bytes.length > this.limits.bytes)
    ) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.forget(oldest);
    }
    this.entries.set(key, answer);
    this.bytes += answer.bytes.length;
  }

  private forget(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.bytes.length;
  }

  /** Writes the recorded answer (or a 304 to its ETag) when there is a current one; true if it did. */
  private serve(key: string, request: IncomingMessage, response: ServerResponse): boolean {
    const answer = this.entries.get(key);
    if (!answer) return false;
    if (answer.version !== this.currentVersion()) {
      this.forget(key);
      return false;
    }
    this.hits += 1;
    if (fresh(request.headers, { etag: answer.headers.etag as string | undefined })) {
      const headers: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (!BODY_HEADERS.has(name)) headers[name] = value;
      }
      response.writeHead(304, headers).end();
      return true;
    }
    response.writeHead(200, answer.headers).end(answer.bytes);
    return true;
  }
}

/** Each request's key, from the listener to the recorder (null: never replayed). */
const keys = new WeakMap<IncomingMessage, string | null>();

/** What identifies a replayable request, or null for one that must reach Express. */
function requestKey(request: IncomingMessage): string | null {
  if (request.method !== 'GET' || request.url === undefined) return null;
  for (const name of PERSONAL_HEADERS) if (request.headers[name] !== undefined) return null;
  return `${request.url}\n${request.headers['accept-encoding'] ?? ''}`;
}
