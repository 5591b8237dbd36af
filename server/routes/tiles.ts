import { Router } from 'express';
import { FrontDoor } from '../front-door.ts';
import type { AtlasStore } from '../store/store.ts';
import { invalidTile, parseTileAddress, parseTileLayer } from '../tiles/tile-address.ts';
import { TileCache } from '../tiles/tile-cache.ts';
import type { LonLatBounds, TileLayerId } from '../tiles/tile-source.ts';
import { tileJson } from '../tiles/tilejson.ts';
import { requestOrigin } from './request-origin.ts';

/** Media type of Mapbox Vector Tiles (IANA). */
const mvtMediaType = 'application/vnd.mapbox-vector-tile';

/**
 * Tiles and TileJSON may be kept by browsers and CDNs but must be revalidated, so an edit shows on
 * the next map move; the ETag makes revalidating an unchanged tile a 304.
 */
const cacheControl = 'public, no-cache';

/**
 * `/tiles`: `/{layer}/{z}/{x}/{y}.mvt` (Mapbox Vector Tile v2, extent 4096) and `/{layer}.json`
 * (TileJSON 3.0.0) for the layers `clusters` and `plots`.
 *
 * Encoded tiles are kept in memory until the data version changes; a cached tile is served with no
 * SQL and no encoding. A tile with no feature is a 200 with an empty body (a valid MVT with no
 * layer), cached and revalidated like any other, which MapLibre draws as nothing.
 */
export function tileRoutes(getStore: () => Promise<AtlasStore>): Router {
  const router = Router();
  const tiles = new TileCache();
  let boundsVersion: number | null = null;
  const boundsByLayer = new Map<TileLayerId, Promise<LonLatBounds | null>>();

  router.get('/:layer/:z/:x/:file', async (request, response) => {
    const { layer, z, x, y } = parseTileAddress(request.params);
    const store = await getStore();
    const version = store.dataVersion();
    const tile = await tiles.get(`${layer}/${z}/${x}/${y}`, version, () =>
      store.tiles.encodeTile(layer, z, x, y),
    );
    FrontDoor.markCacheable(response, version);
    const served = tile.gzip && request.acceptsEncodings('gzip') === 'gzip' ? tile.gzip : null;
    response.set({
      'Content-Type': mvtMediaType,
      'Cache-Control': cacheControl,
      Vary: 'Accept-Encoding',
      ETag: served?.etag ?? tile.etag,
    });
    if (served) response.set('Content-Encoding', 'gzip');
    // `fresh` compares If-None-Match with the ETag just set.
    if (request.fresh) {
      response.status(304).end();
      return;
    }
    const body = served?.bytes ?? tile.bytes;
    response.set('Content-Length', String(body.length)).end(body);
  });

  router.get('/:file', async (request, response) => {
    const name = /^(.*)\.json$/.exec(request.params.file)?.[1];
    if (name === undefined) throw invalidTile('thiếu z/x/y', 'z/x/y missing');
    const layer = parseTileLayer(name);
    const origin = requestOrigin(request);
    const store = await getStore();
    if (boundsVersion !== store.dataVersion()) {
      boundsByLayer.clear();
      boundsVersion = store.dataVersion();
    }
    let bounds = boundsByLayer.get(layer);
    if (!bounds) {
      bounds = store.tiles.bounds(layer);
      boundsByLayer.set(layer, bounds);
      bounds.catch(() => boundsByLayer.delete(layer));
    }
    response.set('Cache-Control', cacheControl);
    // Express sets an ETag on the body and answers a matching If-None-Match with a 304.
    response.json(tileJson(layer, origin, await bounds));
  });

  // Whatever else is asked under /tiles (`../`, a missing z, a trailing segment) is a malformed tile.
  router.use((request, _response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    throw invalidTile('đường dẫn không đúng dạng', 'the path is not of that form');
  });
  return router;
}
