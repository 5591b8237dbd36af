import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDeflateRaw, deflateRawSync } from 'node:zlib';
import type express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SessionInfo } from '../../domain/account.ts';
import { ApiError } from '../../domain/api.ts';
import { createApp } from '../../server/app.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { bundleWithTestProvince, testClusterId, testProvinceId } from './fixtures/test-province.ts';
import { databaseKind, openFreshStore, silentLogger } from './test-store.ts';

// Hostile import files sent through the real route as a signed-in editor would send them. The
// basic cases (one `../` entry, a DOCTYPE with a file entity, a thousandfold zip) are in
// import.test.ts and import-route.test.ts; these are the ones that try harder: reaching the
// network, expanding in memory, and lying about sizes.

const PASSWORD = 'mật-khẩu-thử-nghiệm-2026';
const MB = 1024 * 1024;

let store: AtlasStore;
let cleanup: () => Promise<void>;
let app: express.Express;
let session: { cookie: string; csrfToken: string };

/** A listener on loopback standing for an internal service an entity could name: it must hear nothing. */
let listener: Server;
let listenerOrigin: string;
const heard: string[] = [];

beforeAll(async () => {
  listener = createServer((incoming, response) => {
    heard.push(`${incoming.method} ${incoming.url}`);
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end('root:x:0:0:secret');
  });
  listener.listen(0, '127.0.0.1');
  await new Promise<void>((done) => listener.once('listening', done));
  listenerOrigin = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;

  ({ store, cleanup } = await openFreshStore({ geodata: bundleWithTestProvince() }));
  app = createApp({ store: Promise.resolve(store), logger: silentLogger });
  await store.accounts.create({
    username: 'thu',
    displayName: 'Ngô Thị Thu',
    role: 'editor',
    provinceIds: [testProvinceId],
    password: PASSWORD,
  });
  const response = await request(app)
    .post('/api/auth/login')
    .send({ username: 'thu', password: PASSWORD })
    .expect(200);
  session = {
    cookie: (response.headers['set-cookie'] as unknown as string[])[0]?.split(';')[0] ?? '',
    csrfToken: SessionInfo.parse(response.body).csrfToken ?? '',
  };
});
afterAll(async () => {
  await new Promise((done) => listener?.close(done));
  await cleanup?.();
});

/** Reads the answer as text whatever its type (the route streams NDJSON on success). */
const asText = (response: request.Response, callback: (error: Error | null, body: string) => void) => {
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    text += chunk;
  });
  response.on('end', () => callback(null, text));
};

function upload(bytes: Uint8Array, fileName: string, commit: boolean) {
  return request(app)
    .post(
      `/api/provinces/${testProvinceId}/imports?${new URLSearchParams({ fileName, commit: String(commit), source: 'test-fixture' })}`,
    )
    .set('Cookie', session.cookie)
    .set('X-CSRF-Token', session.csrfToken)
    .set('Content-Type', 'application/octet-stream')
    .buffer(true)
    .parse(asText as never)
    .send(Buffer.from(bytes));
}

/** Everything an import could change, to show a refused one changed nothing. */
async function snapshot() {
  return {
    version: store.dataVersion(),
    cluster: await store.getClusterVersioned(testClusterId),
    history: (await store.clusterHistory(testClusterId)).length,
  };
}

/** Sends the file as a dry run and as a commit; both must be a bilingual 422 matching `message`. */
async function refused(fileName: string, bytes: Uint8Array, message: RegExp, vi: RegExp) {
  const before = await snapshot();
  for (const commit of [false, true]) {
    const response = await upload(bytes, fileName, commit);
    expect(response.status, `${fileName} commit=${commit}: ${String(response.body).slice(0, 300)}`).toBe(422);
    const { error } = ApiError.parse(JSON.parse(String(response.body)));
    expect(error.code).toBe('unreadable_file');
    expect(error.message_en).toMatch(message);
    expect(error.message_vi).toMatch(vi);
    expect(String(response.body)).not.toContain('root:x');
  }
  expect(await snapshot()).toEqual(before);
}

/**
 * How far the process's resident memory can have grown while `run` ran, in MB: the process's peak
 * RSS afterwards less its RSS before. An upper bound (the peak may predate `run`), so a small
 * answer proves nothing large was ever held.
 */
/**
 * How far `run` pushed this process's memory above where it stood: its peak RSS after, less the
 * higher of the RSS now and the peak so far (maxRSS is the process's lifetime peak, so an earlier
 * spike — a store opened, a GC not yet run — must not count as the run's). An inflated bomb or an
 * expanded entity is hundreds of MB above both.
 */
async function peakGrowthMb(run: () => Promise<void>): Promise<number> {
  // maxRSS is in kilobytes.
  const before = Math.max(process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  await run();
  return Math.max(0, process.resourceUsage().maxRSS * 1024 - before) / MB;
}

const encode = (text: string) => new TextEncoder().encode(text);
const placemark =
  '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&x;</name><Point><coordinates>106.5,10.5</coordinates></Point></Placemark></Document></kml>';

describe(`a KML never reaches out and never expands entities, on ${databaseKind}`, () => {
  test('external entities (file and http to a listener here), an external DTD and parameter entities are a bilingual 422; nothing is fetched', async () => {
    const cases: [string, string][] = [
      [
        'file entity',
        `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]>${placemark}`,
      ],
      [
        'http entity',
        `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "${listenerOrigin}/entity">]>${placemark}`,
      ],
      [
        'public http entity',
        `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x PUBLIC "-//X//Y" "${listenerOrigin}/public">]>${placemark}`,
      ],
      ['external DTD', `<?xml version="1.0"?><!DOCTYPE kml SYSTEM "${listenerOrigin}/kml.dtd">${placemark}`],
      [
        'parameter entity',
        `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY % remote SYSTEM "${listenerOrigin}/p.dtd"> %remote;]>${placemark}`,
      ],
      [
        'lower case, after a BOM and a comment',
        `\uFEFF<?xml version="1.0"?><!-- ok --><!doctype kml [<!entity x system "${listenerOrigin}/lower">]>${placemark}`,
      ],
    ];
    for (const [label, text] of cases) {
      await refused(`${label}.kml`, encode(text), /DOCTYPE\/ENTITY declaration — refused/, /DOCTYPE\/ENTITY/);
    }
    // Give any stray request time to arrive before saying none did.
    await new Promise((done) => setTimeout(done, 200));
    expect(heard).toEqual([]);
  });

  test('links a KML may hold (NetworkLink, Icon, XInclude, a stylesheet) are never followed', async () => {
    const linking = `<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="${listenerOrigin}/style.xsl"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:xi="http://www.w3.org/2001/XInclude"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/kml/2.2 ${listenerOrigin}/kml.xsd">
<Document>
  <xi:include href="${listenerOrigin}/include.xml"/>
  <NetworkLink><name>CCN Thử nghiệm</name><Link><href>${listenerOrigin}/network.kml</href><refreshMode>onInterval</refreshMode></Link></NetworkLink>
  <Style id="s"><IconStyle><Icon><href>${listenerOrigin}/icon.png</href></Icon></IconStyle></Style>
  <Placemark><name>CCN Thử nghiệm</name><styleUrl>${listenerOrigin}/styles.kml#s</styleUrl>
    <Point><coordinates>106.5,10.5</coordinates></Point></Placemark>
</Document></kml>`;
    const before = await snapshot();
    const response = await upload(encode(linking), 'links.kml', false);
    // Read as a plain KML: a dry run's plan, not an error and never a 500.
    expect(response.status, String(response.body).slice(0, 300)).toBe(200);
    expect(String(response.body)).toContain('"type":"plan"');
    await new Promise((done) => setTimeout(done, 200));
    expect(heard).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  test('billion laughs and a quadratic blow-up are refused at once, without expanding: quick, memory flat', async () => {
    // Ten levels of ten: 10^9 "lol"s (3 GB) if expanded.
    let declarations = '<!ENTITY l0 "lol">';
    for (let level = 1; level <= 9; level++)
      declarations += `<!ENTITY l${level} "${`&l${level - 1};`.repeat(10)}">`;
    const laughs = `<?xml version="1.0"?><!DOCTYPE kml [${declarations}<!ENTITY x "${'&l9;'.repeat(10)}">]>${placemark}`;
    // One 100 KB entity named 20 000 times: 2 GB if expanded, from a 180 KB file.
    const quadratic = `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x "${'a'.repeat(100_000)}">]>${placemark.replace('&x;', '&x;'.repeat(20_000))}`;
    for (const [name, text] of [
      ['laughs.kml', laughs],
      ['quadratic.kml', quadratic],
    ] as const) {
      const started = performance.now();
      const growth = await peakGrowthMb(() =>
        refused(name, encode(text), /billion laughs/, /billion laughs/),
      );
      expect(performance.now() - started, name).toBeLessThan(5_000);
      expect(growth, `${name}: peak RSS grew by ${growth.toFixed(0)} MB`).toBeLessThan(64);
    }
  });
});

/** A ZIP entry as written: `data` already compressed for method 8; sizes may lie. */
type RawEntry = {
  name: string;
  method: 0 | 8;
  data: Uint8Array;
  /** The uncompressed size the headers declare. */
  declaredSize: number;
};

/** Writes a ZIP byte for byte, so that names, methods and sizes can be whatever a hostile one says. */
function writeZip(entries: RawEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt16LE(0x21, 14);
    header.writeUInt32LE(entry.data.length, 20);
    header.writeUInt32LE(entry.declaredSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    parts.push(local, name, Buffer.from(entry.data));
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, directory, end]));
}

/** `total` zero bytes deflated as a stream, 1 MB at a time: never holds them. 1 GB gives ~1 MB. */
async function deflatedZeros(total: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((done) => deflate.once('end', done));
  const zeros = Buffer.alloc(MB);
  for (let written = 0; written < total; written += zeros.length) {
    if (!deflate.write(zeros)) await new Promise((done) => deflate.once('drain', done));
  }
  deflate.end();
  await ended;
  return new Uint8Array(Buffer.concat(out));
}

const smallDbf = { name: 'x.dbf', method: 0, data: new Uint8Array(64), declaredSize: 64 } as const;

describe(`an archive cannot inflate past the limits or write anywhere, on ${databaseKind}`, () => {
  let gigabyte: Uint8Array;
  beforeAll(async () => {
    gigabyte = await deflatedZeros(1024 * MB);
  });

  test('1 GB of zeros declared honestly is refused from the directory, before inflating', async () => {
    expect(gigabyte.length).toBeLessThan(2 * MB);
    const bomb = writeZip([{ name: 'x.shp', method: 8, data: gigabyte, declaredSize: 1024 * MB }, smallDbf]);
    const growth = await peakGrowthMb(() => refused('bomb.zip', bomb, /zip bomb/, /bom ZIP/));
    expect(growth, `peak RSS grew by ${growth.toFixed(0)} MB`).toBeLessThan(64);
  });

  test('1 GB of zeros declared as 100 KB stops inflating once past what it declared', async () => {
    const liar = writeZip([{ name: 'x.shp', method: 8, data: gigabyte, declaredSize: 100_000 }, smallDbf]);
    const growth = await peakGrowthMb(() =>
      refused('liar.zip', liar, /inflates to more than declared/, /giải nén ra nhiều hơn khai báo/),
    );
    expect(growth, `peak RSS grew by ${growth.toFixed(0)} MB`).toBeLessThan(64);
  });

  test('many entries each just under the per-entry check cannot add up to a bomb', async () => {
    // 180 entries of 1 MB of zeros, ~1 KB each compressed: 180 MB (under the 200 MB cap) from a
    // ~200 KB file. No entry is over the 1 MB floor the ratio check starts at, so only the
    // archive's overall ratio can catch it.
    const oneMegabyte = deflateRawSync(new Uint8Array(MB), { level: 9 });
    // One layer (x.shp, x.dbf) and parts it would read (.prj, .cpg, .shx), so every entry is inflated.
    const names = ['x.shp', 'x.dbf', ...Array.from({ length: 178 }, (_, index) => `x-${index}.prj`)];
    const entries: RawEntry[] = names.map((name) => ({
      name,
      method: 8,
      data: oneMegabyte,
      declaredSize: MB,
    }));
    const swarm = writeZip(entries);
    expect(swarm.length).toBeLessThan(400_000);
    const growth = await peakGrowthMb(() => refused('swarm.zip', swarm, /zip bomb/, /bom ZIP/));
    expect(growth, `peak RSS grew by ${growth.toFixed(0)} MB`).toBeLessThan(64);
  });

  test('entries with ../, absolute paths, drive letters or backslashes are refused, and nothing is written', async () => {
    const unique = `ccn-atlas-zip-slip-${process.pid}-${Date.now()}`;
    const names = [
      `../../../../../../tmp/${unique}.shp`,
      `/tmp/${unique}.shp`,
      `C:/Windows/Temp/${unique}.shp`,
      `..\\..\\${unique}.shp`,
      `layer/../../${unique}.dbf`,
      // Not a Shapefile part, so never inflated: the archive is refused all the same.
      `../${unique}.txt`,
    ];
    for (const name of names) {
      const zip = writeZip([
        { name, method: 0, data: encode('not really a shapefile'), declaredSize: 22 },
        { name: 'x.shp', method: 0, data: new Uint8Array(100), declaredSize: 100 },
        smallDbf,
      ]);
      await refused('slip.zip', zip, /pointing outside its folder/, /trỏ ra ngoài thư mục/);
    }
    const targets = [
      join('/tmp', `${unique}.shp`),
      join(tmpdir(), `${unique}.shp`),
      resolve(process.cwd(), '..', `${unique}.txt`),
      resolve(process.cwd(), '..', `${unique}.dbf`),
      resolve(process.cwd(), '..', '..', `${unique}.shp`),
    ];
    for (const target of targets) expect(existsSync(target), target).toBe(false);
  });
});
