import { createHash, type Hash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { GeodataBundle } from '../server/geodata/read-geodata.ts';
import { openStore } from '../server/store/open-store.ts';

/**
 * A first start on PGlite (initdb, PostGIS, migrations, the geodata) takes ~12 s on 2 cores; a copy
 * of a folder that has had one, opened, takes ~2 s. Test suites that each want a fresh store (the API
 * and browser suites open dozens) copy one template per run instead: same bytes a first start
 * writes, so nothing a test sees differs.
 *
 * The template is keyed by everything a first start's result depends on: the code that migrates and
 * loads (server/sql, server/store, server/geodata), the bundle's content hash, PGlite's version and
 * the day (history rows carry their date). Workers racing to build it each build their own and the
 * first rename wins.
 */
export async function copyOfFirstStart(dataDir: string, geodata: GeodataBundle): Promise<void> {
  const template = join(tmpdir(), `ccn-atlas-first-start-${templateKey(geodata)}`);
  if (!existsSync(join(template, 'ready'))) await buildTemplate(template, geodata);
  cpSync(join(template, 'data'), dataDir, { recursive: true });
}

async function buildTemplate(template: string, geodata: GeodataBundle) {
  const building = mkdtempSync(join(tmpdir(), 'ccn-atlas-first-start-building-'));
  const store = await openStore({
    dataDir: join(building, 'data'),
    logger: pino({ level: 'silent' }),
    geodata,
  });
  await store.close();
  writeFileSync(join(building, 'ready'), '');
  try {
    renameSync(building, template);
  } catch {
    // Another worker's template got there first: the same bytes; ours goes.
    rmSync(building, { recursive: true, force: true });
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));

function templateKey(geodata: GeodataBundle): string {
  const hash = createHash('sha256');
  for (const dir of ['server/sql', 'server/store', 'server/geodata']) hashTree(join(root, dir), hash);
  hash.update(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json')));
  hash.update(readFileSync(join(root, 'node_modules/@electric-sql/pglite-postgis/package.json')));
  hash.update(geodata.contentHash);
  hash.update(new Date().toISOString().slice(0, 10));
  return hash.digest('hex').slice(0, 16);
}

function hashTree(path: string, hash: Hash) {
  for (const name of readdirSync(path).sort()) {
    const child = join(path, name);
    if (statSync(child).isDirectory()) hashTree(child, hash);
    else hash.update(name).update(readFileSync(child));
  }
}
