import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app.ts';
import type { GeodataBundle } from '../../server/geodata/read-geodata.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { openFreshStore, silentLogger } from '../api/test-store.ts';

const clientDir = fileURLToPath(new URL('../../dist/client', import.meta.url));

/** The real app (built client, API, basemap) on a free loopback port, over a fresh store. */
export async function startAppServer(
  options: {
    embedAllowedOrigins?: string[];
    /** Puts data into the fresh store before the app answers (plots, for the investor's journey). */
    seed?: (store: AtlasStore) => Promise<void>;
    /** Geodata to load instead of the shipped bundle (e.g. with the fictional test province). */
    geodata?: GeodataBundle;
  } = {},
) {
  if (!existsSync(`${clientDir}/index.html`))
    throw new Error('dist/client is missing: run "npm run build" first');
  const { store, cleanup } = await openFreshStore({ geodata: options.geodata });
  await options.seed?.(store);
  const app = createApp({
    store: Promise.resolve(store),
    logger: silentLogger,
    clientDir,
    embedAllowedOrigins: options.embedAllowedOrigins ?? [],
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await cleanup();
    },
  };
}
