/**
 * Child entry: the baselines of bench/hot-path.ts, answering each path with the status, headers and
 * body bytes the app sent for it, held in memory.
 * - `node`: a plain `node:http` server, a Map lookup and one `writeHead().end()`: what serving these
 *   bytes costs at the least (the bare baseline).
 * - `express`: the same lookup as the only middleware of an empty Express 5 app (no router, no
 *   logging, no ETag computing): what Express itself costs before the app adds anything.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import express from 'express';
import { announce, fail, onStop, receiveSetup } from './child-server.ts';

/** One captured answer: headers as `[name, value]` pairs, in the app's order. */
export type CapturedResponse = {
  path: string;
  status: number;
  headers: [string, string][];
  body: Uint8Array;
};

export type ReplaySetup = { server: 'node' | 'express'; answers: CapturedResponse[] };

try {
  const setup = await receiveSetup<ReplaySetup>();
  const byPath = new Map(
    setup.answers.map((answer) => [answer.path, { ...answer, body: Buffer.from(answer.body) }] as const),
  );
  const replay = (request: IncomingMessage, response: ServerResponse) => {
    const answer = byPath.get(request.url ?? '');
    if (!answer) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(answer.status, answer.headers.flat()).end(answer.body);
  };
  let handler = replay;
  if (setup.server === 'express') {
    const app = express();
    app.disable('x-powered-by');
    app.disable('etag');
    app.set('query parser', 'simple');
    app.use((request, response) => replay(request, response));
    handler = app;
  }
  const server = createServer(handler);
  onStop(() => new Promise((resolve) => server.close(() => resolve())));
  await announce(server);
} catch (error) {
  fail(error);
}
