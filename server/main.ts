import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createAtlasServer } from './atlas-server.ts';
import { readConfig } from './config.ts';
import { openStore } from './store/open-store.ts';

const config = readConfig();
const logger = pino({ level: config.LOG_LEVEL });
const clientDir = fileURLToPath(new URL('../dist/client', import.meta.url));

// Listen at once so /healthz can say "starting"; the store opens (initdb, migrations, geodata) behind it.
const store = openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger });
const { server } = createAtlasServer({
  store,
  logger,
  clientDir,
  embedAllowedOrigins: config.EMBED_ALLOWED_ORIGINS,
  trustProxy: config.TRUST_PROXY,
});
if (config.EMBED_ALLOWED_ORIGINS.length === 0) {
  logger.info('EMBED_ALLOWED_ORIGINS is empty: /embed can be framed by this server only');
}
server.listen(config.PORT, config.HOST, () => {
  logger.info(
    `CCN Atlas on http://localhost:${config.PORT}/ (database: ${config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${config.DATA_DIR}`})`,
  );
});

store.catch((error: unknown) => {
  logger.fatal({ err: error }, 'could not open the store');
  process.exit(1);
});

async function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  server.close();
  await (await store).close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
