/**
 * Child entry: the bare baseline of bench/features.ts. `GET /ogc/collections/plots/items?bbox=…&limit=…`
 * on plain `node:http` + `pg`: the same two statements the store runs for that query (the SQL text
 * of server/sql/ogc-queries.ts, the parameters `listPlotFeatures` passes), the same GeoJSON body
 * built by hand (no zod, no Express), a weak ETag of the body as Express makes it, and gzip with
 * zlib's default level as the compression middleware does. Nothing else: no validation beyond
 * parsing numbers, no cache, no logging.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import pg from 'pg';
import { ogcSql } from '../../server/sql/ogc-queries.ts';
import { announce, fail, onStop, receiveSetup } from './child-server.ts';

const gzipAsync = promisify(gzip);

type PlotDoc = {
  id: string;
  label: string;
  clusterId: string;
  provinceId: string;
  status: string;
  origin: string;
  permittedIndustries: string[];
  tenant: string | null;
  sourceId: string | null;
  asOf: string | null;
};
type Row = { doc: PlotDoc; area_m2: number; area_measure: string; geometry: string };

const tidy = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const TITLE = 'Lô đất — Plots';

function feature(row: Row) {
  const doc = row.doc;
  return {
    type: 'Feature',
    id: doc.id,
    geometry: JSON.parse(row.geometry),
    properties: {
      id: doc.id,
      label: doc.label,
      cluster_id: doc.clusterId,
      province_id: doc.provinceId,
      status: doc.status,
      origin: doc.origin,
      area_ha: tidy(row.area_m2 / 10_000, 6),
      area_m2: tidy(row.area_m2, 2),
      area_measure: row.area_measure === 'vn2000-plane' ? 'vn2000-plane' : 'ellipsoid',
      permitted_industries: doc.permittedIndustries.length > 0 ? doc.permittedIndustries.join(';') : null,
      tenant: doc.tenant,
      source_id: doc.sourceId,
      as_of: doc.asOf,
    },
  };
}

try {
  const { databaseUrl } = await receiveSetup<{ databaseUrl: string }>();
  // The app's pool: the same size and statement timeout (server/store/pg-client.ts).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, statement_timeout: 15_000 });
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
      const bbox = (url.searchParams.get('bbox') ?? '').split(',').map(Number);
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const [west, south, east, north] = bbox;
      // listPlotFeatures: plot filter $1–$11 (only the bbox set), $12 origin, $13 id; then limit, offset.
      const parameters = [null, null, null, null, null, null, null, west, south, east, north, null, null];
      const count = await pool.query<{ matched: number }>(ogcSql.countPlots, parameters);
      const matched = count.rows[0]?.matched ?? 0;
      const rows =
        matched > 0 ? (await pool.query<Row>(ogcSql.listPlots, [...parameters, limit, 0])).rows : [];
      const origin = `http://${request.headers.host}`;
      const path = `${origin}/ogc/collections/plots`;
      const query = `bbox=${encodeURIComponent(bbox.join(','))}&limit=${limit}`;
      const links = [
        { href: `${path}/items?${query}`, rel: 'self', type: 'application/geo+json', title: TITLE },
        { href: `${path}/items?${query}&f=html`, rel: 'alternate', type: 'text/html', title: TITLE },
        { href: path, rel: 'collection', type: 'application/json', title: TITLE },
      ];
      if (rows.length < matched) {
        links.push({
          href: `${path}/items?${query}&offset=${limit}`,
          rel: 'next',
          type: 'application/geo+json',
          title: 'Trang sau / Next page',
        });
      }
      const body = Buffer.from(
        JSON.stringify({
          type: 'FeatureCollection',
          features: rows.map(feature),
          numberMatched: matched,
          numberReturned: rows.length,
          timeStamp: new Date().toISOString(),
          links,
        }),
      );
      const hash = createHash('sha1').update(body).digest('base64').slice(0, 27);
      const zipped = await gzipAsync(body);
      response
        .writeHead(200, {
          'Content-Type': 'application/geo+json; charset=utf-8',
          'Cache-Control': 'no-cache',
          ETag: `W/"${body.length.toString(16)}-${hash}"`,
          Vary: 'Accept-Encoding',
          'Content-Encoding': 'gzip',
          'Content-Length': zipped.length,
        })
        .end(zipped);
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  onStop(async () => {
    await new Promise((resolve) => server.close(resolve));
    await pool.end();
  });
  await announce(server);
} catch (error) {
  fail(error);
}
