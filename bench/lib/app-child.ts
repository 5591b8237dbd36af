/**
 * Child entry: the real app (`createApp`, every middleware main.ts has) over a store that already
 * holds the synthetic national set, on a free loopback port. The parent (bench/lib/child-server.ts)
 * sends where the store is; request logs are off (pino at `silent`, as with LOG_LEVEL=silent), so a
 * benchmark measures the app, not a log pipe.
 */
import { pino } from 'pino';
import { createAtlasServer } from '../../server/atlas-server.ts';
import { openStore } from '../../server/store/open-store.ts';
import { type NationalOptions, nationalBundle } from '../national/dataset.ts';
import { announce, fail, onStop, profileOnRequest, receiveSetup } from './child-server.ts';

export type AppChildSetup = {
  /** The PGlite folder the store is in (ignored when `databaseUrl` is set). */
  dataDir: string;
  databaseUrl?: string | null;
  /** The set the store was loaded with: same bundle, same content hash, so nothing is loaded again. */
  national: NationalOptions;
};

try {
  const setup = await receiveSetup<AppChildSetup>();
  const logger = pino({ level: 'silent' });
  const store = await openStore({
    databaseUrl: setup.databaseUrl ?? undefined,
    dataDir: setup.dataDir,
    logger,
    geodata: nationalBundle(setup.national),
  });
  // As main.ts serves: the front door before the app.
  const { server } = createAtlasServer({ store: Promise.resolve(store), logger });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  profileOnRequest();
  onStop(async () => {
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  });
  await announce(server);
} catch (error) {
  fail(error);
}
