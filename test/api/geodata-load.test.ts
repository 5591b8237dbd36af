import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadGeodata } from '../../server/geodata/load-geodata.ts';
import { readGeodata } from '../../server/geodata/read-geodata.ts';
import { openPgClient } from '../../server/store/pg-client.ts';
import { openPgliteClient } from '../../server/store/pglite-client.ts';
import type { SqlClient } from '../../server/store/sql-client.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { databaseKind, databaseUrl, openFreshStore } from './test-store.ts';

let store: AtlasStore;
let dataDir: string;
let cleanup: () => Promise<void>;
let client: SqlClient;

beforeAll(async () => {
  ({ store, dataDir, cleanup } = await openFreshStore());
  if (databaseUrl) client = await openPgClient(databaseUrl);
  else {
    // PGlite takes one process per data dir: close the store and reopen the folder, as a restart would.
    await store.close();
    client = await openPgliteClient(dataDir);
  }
});
afterAll(async () => {
  await client.close();
  await cleanup();
});

const snapshot = async (sql: SqlClient) =>
  sql.query<{ id: string; doc: unknown; geom: string }>(
    'select id, doc, ST_AsText(geom) as geom from clusters order by id',
  );

describe(`geodata load on ${databaseKind}`, () => {
  test('loading the same bundle again changes nothing', async () => {
    const before = await snapshot(client);
    expect(before).toHaveLength(11);
    const again = await loadGeodata(client, readGeodata());
    expect(again.loaded).toBe(false);
    expect(await snapshot(client)).toEqual(before);
  });

  test('a changed bundle adds what is new but never overwrites a record already held', async () => {
    const bundle = readGeodata();
    const edited = structuredClone(bundle);
    const first = edited.clusters.features[0];
    if (!first) throw new Error('no cluster in geodata');
    first.properties.name.vi = 'Tên đã sửa';
    edited.contentHash = 'changed';
    const before = await snapshot(client);
    const result = await loadGeodata(client, edited);
    expect(result.loaded).toBe(true);
    expect(await snapshot(client)).toEqual(before);
  });

  test('a bundle with an invalid geometry is refused whole, naming the cluster', async () => {
    const bundle = structuredClone(readGeodata());
    bundle.contentHash = 'bowtie';
    const [source] = bundle.sources;
    const [feature] = bundle.clusters.features;
    if (!source || !feature) throw new Error('geodata is empty');
    bundle.sources = [...bundle.sources, { ...source, id: 'new-source' }];
    const bad = structuredClone(feature);
    bad.properties.id = 'bowtie';
    bad.geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [109, 12],
          [109.01, 12.01],
          [109.01, 12],
          [109, 12.01],
          [109, 12],
        ],
      ],
    };
    bundle.clusters.features.push(bad);
    await expect(loadGeodata(client, bundle)).rejects.toThrow(/bowtie.*Self-intersection/);
    const sources = await client.query('select id from sources where id = $1', ['new-source']);
    expect(sources).toHaveLength(0);
  });
});
