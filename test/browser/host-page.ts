import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A provincial site on another origin: a plain HTTP server on its own loopback port serving one
 * page. The page records every message it receives in `window.received` and can send commands
 * with `window.sendToAtlas(command)`.
 */
export async function startHostPage(body: (appOrigin: string) => string, appOrigin: () => string) {
  const server: Server = createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Sở Công Thương</title></head>
<body><h1>Trang của Sở Công Thương (thử)</h1>${body(appOrigin())}
<script>
  window.received = [];
  window.addEventListener('message', (event) => {
    if (event.data && event.data.source === 'ccn-atlas') window.received.push({ origin: event.origin, data: event.data });
  });
  window.sendToAtlas = (command) => {
    const frame = document.querySelector('iframe');
    frame.contentWindow.postMessage(Object.assign({ source: 'ccn-atlas' }, command), '*');
  };
</script></body></html>`);
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
