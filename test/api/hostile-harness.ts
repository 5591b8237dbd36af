import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import { SessionInfo } from '../../domain/account.ts';
import { ApiError } from '../../domain/api.ts';
import { createApp } from '../../server/app.ts';
import { loadGeodata } from '../../server/geodata/load-geodata.ts';
import type { GeodataBundle } from '../../server/geodata/read-geodata.ts';
import { migrate } from '../../server/store/migrate.ts';
import { openPgClient } from '../../server/store/pg-client.ts';
import { openPgliteClient } from '../../server/store/pglite-client.ts';
import { createPostgisStore } from '../../server/store/postgis-store.ts';
import type { SqlClient } from '../../server/store/sql-client.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { bundleWithTestProvince } from './fixtures/test-province.ts';
import { databaseUrl, silentLogger } from './test-store.ts';

// Issue 9: what the hostile-input suites share. The store is opened over a client the test holds
// too, so counts (clusters, plots, audit rows) are read from the database itself, not the API.

export const PASSWORD = 'mật-khẩu-thử-nghiệm-2026';

export type Harness = {
  client: SqlClient;
  store: AtlasStore;
  app: Express;
  close: () => Promise<void>;
};

/** A fresh database (migrated, geodata loaded), its store, and the app over it. */
export async function openHarness(geodata: GeodataBundle = bundleWithTestProvince()): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ccn-hostile-'));
  const client = databaseUrl ? await openPgClient(databaseUrl) : await openPgliteClient(dataDir);
  if (client.kind === 'postgresql') {
    await client.exec('drop schema if exists public cascade; create schema public');
  }
  await migrate(client);
  await loadGeodata(client, geodata);
  const [row] = await client.query<{ version: string }>('select version::text as version from data_version');
  const store = createPostgisStore(client, Number(row?.version ?? 1));
  const app = createApp({ store: Promise.resolve(store), logger: silentLogger });
  return {
    client,
    store,
    app,
    close: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Session = { cookie: string; csrfToken: string };

export async function createEditor(
  store: AtlasStore,
  username: string,
  provinceIds: string[],
  role: 'editor' | 'viewer' | 'admin' = 'editor',
) {
  await store.accounts.create({
    username,
    displayName: `Người ${username}`,
    role,
    provinceIds,
    password: PASSWORD,
  });
}

export async function signIn(app: Express, username: string): Promise<Session> {
  const response = await request(app)
    .post('/api/auth/login')
    .send({ username, password: PASSWORD })
    .expect(200);
  const cookie = (response.headers['set-cookie'] as unknown as string[])[0]?.split(';')[0] ?? '';
  return { cookie, csrfToken: SessionInfo.parse(response.body).csrfToken ?? '' };
}

/** Everything a hostile request could have changed, read from the database. */
export async function storeCounts(client: SqlClient) {
  const [row] = await client.query<Record<string, number>>(
    `select (select count(*)::int from clusters) as clusters,
            (select count(*)::int from plots) as plots,
            (select count(*)::int from sources) as sources,
            (select count(*)::int from provinces) as provinces,
            (select count(*)::int from accounts) as accounts,
            (select count(*)::int from audit_log) as audit,
            (select coalesce(sum(version), 0)::int from clusters) as cluster_versions,
            (select version::int from data_version) as data_version`,
  );
  return row;
}

/** Audit rows about one entity, counted in the database. */
export async function auditCount(client: SqlClient, entity: 'cluster' | 'plot', entityId: string) {
  const [row] = await client.query<{ n: number }>(
    'select count(*)::int as n from audit_log where entity = $1 and entity_id = $2',
    [entity, entityId],
  );
  return row?.n ?? 0;
}

/** The bilingual error of a 4xx: both messages present, Vietnamese and English. */
export function bilingualError(body: unknown) {
  const { error } = ApiError.parse(body);
  expect(error.message_vi.length).toBeGreaterThan(0);
  expect(error.message_en.length).toBeGreaterThan(0);
  expect(error.message_vi).not.toBe(error.message_en);
  return error;
}

/** A listening server for raw HTTP (paths sent exactly as written, `../` included). */
export async function listen(app: Express) {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** GET `path` byte for byte as given (no normalisation of `..` or percent-escapes). */
export function rawGet(port: number, path: string): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: '127.0.0.1', port, path, method: 'GET' }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('latin1'),
          type: String(response.headers['content-type'] ?? ''),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
