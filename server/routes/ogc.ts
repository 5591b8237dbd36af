import { type Request, type Response, Router } from 'express';
import { notFound } from '../errors.ts';
import { findCollection, type OgcCollection, ogcCollectionIds } from '../ogc/collections.ts';
import { conformanceClasses } from '../ogc/conformance.ts';
import {
  collectionDocument,
  collectionsDocument,
  conformanceDocument,
  featureSchemaDocument,
  itemDocument,
  itemsDocument,
  landingPage,
  queryablesDocument,
} from '../ogc/documents.ts';
import { readFeature, readFeatures } from '../ogc/feature-source.ts';
import { responseFormat } from '../ogc/format.ts';
import {
  apiHtml,
  collectionHtml,
  collectionsHtml,
  conformanceHtml,
  itemHtml,
  itemsHtml,
  landingHtml,
  schemaHtml,
} from '../ogc/html.ts';
import { parseItemsQuery } from '../ogc/items-query.ts';
import { mediaTypes } from '../ogc/links.ts';
import { openApiDocument } from '../ogc/openapi.ts';
import type { AtlasStore, FeatureLayerId } from '../store/store.ts';
import type { LonLatBounds } from '../tiles/tile-source.ts';
import { rejectUnknownParameters } from './query-params.ts';
import { requestOrigin } from './request-origin.ts';
import { ResponseCache } from './response-cache.ts';

const sendHtml = (response: Response, html: string) => response.type('text/html').send(html);

function collectionOf(request: Request): OgcCollection {
  const id = String(request.params.collectionId);
  const collection = findCollection(id);
  if (!collection) {
    const allowed = ogcCollectionIds.join(', ');
    throw notFound({
      vi: `tập dữ liệu "${id.slice(0, 64)}" (có: ${allowed})`,
      en: `Collection "${id.slice(0, 64)}" (there are: ${allowed})`,
    });
  }
  return collection;
}

/**
 * `/ogc`: OGC API – Features Part 1 (Core, GeoJSON, HTML, OpenAPI 3.0) with Part 3 queryables, so
 * QGIS and GDAL read the clusters, plots and wastewater plants directly. Programs get JSON
 * (`application/geo+json` for features), browsers get simple HTML pages; `?f=json|html` overrides.
 * JSON answers are kept in memory until the data version changes, keyed by origin and checked query.
 */
export function ogcRoutes(getStore: () => Promise<AtlasStore>): Router {
  const router = Router();
  const cache = new ResponseCache();

  async function extents(store: AtlasStore): Promise<Record<FeatureLayerId, LonLatBounds | null>> {
    const text = await cache.get('extents', store.dataVersion(), async () => {
      const entries = await Promise.all(
        ogcCollectionIds.map(async (id) => [id, await store.featureLayerExtent(id)] as const),
      );
      return Object.fromEntries(entries);
    });
    return JSON.parse(text);
  }

  router.get('/', (request, response) => {
    rejectUnknownParameters(request, ['f']);
    const origin = requestOrigin(request);
    const landing = landingPage(origin);
    if (responseFormat(request, [mediaTypes.json]) === 'html')
      return sendHtml(response, landingHtml(origin, landing));
    response.type(mediaTypes.json).send(JSON.stringify(landing));
  });

  router.get('/conformance', (request, response) => {
    rejectUnknownParameters(request, ['f']);
    const origin = requestOrigin(request);
    if (responseFormat(request, [mediaTypes.json]) === 'html') {
      return sendHtml(response, conformanceHtml(origin, conformanceClasses));
    }
    response.type(mediaTypes.json).send(JSON.stringify(conformanceDocument(origin)));
  });

  router.get('/api', (request, response) => {
    rejectUnknownParameters(request, ['f']);
    const origin = requestOrigin(request);
    const document = openApiDocument(origin);
    if (responseFormat(request, [mediaTypes.openapi, mediaTypes.json]) === 'html') {
      return sendHtml(response, apiHtml(origin, document));
    }
    response.type(mediaTypes.openapi).send(JSON.stringify(document));
  });

  router.get('/api.html', (request, response) => {
    rejectUnknownParameters(request, []);
    const origin = requestOrigin(request);
    sendHtml(response, apiHtml(origin, openApiDocument(origin)));
  });

  router.get('/collections', async (request, response) => {
    rejectUnknownParameters(request, ['f']);
    const origin = requestOrigin(request);
    const store = await getStore();
    const document = collectionsDocument(origin, await extents(store));
    if (responseFormat(request, [mediaTypes.json]) === 'html') {
      return sendHtml(response, collectionsHtml(origin, document.collections));
    }
    response.type(mediaTypes.json).send(JSON.stringify(document));
  });

  router.get('/collections/:collectionId', async (request, response) => {
    const collection = collectionOf(request);
    rejectUnknownParameters(request, ['f']);
    const origin = requestOrigin(request);
    const store = await getStore();
    const document = collectionDocument(origin, collection, (await extents(store))[collection.id]);
    if (responseFormat(request, [mediaTypes.json]) === 'html') {
      return sendHtml(response, collectionHtml(origin, collection, document));
    }
    response.type(mediaTypes.json).send(JSON.stringify(document));
  });

  router.get('/collections/:collectionId/items', async (request, response) => {
    const collection = collectionOf(request);
    const query = parseItemsQuery(request, collection);
    const format = responseFormat(request, [mediaTypes.geojson, mediaTypes.json]);
    const origin = requestOrigin(request);
    const store = await getStore();
    const build = async () =>
      itemsDocument(origin, collection, query, await readFeatures(store, collection.id, query));
    if (format === 'html')
      return sendHtml(response, itemsHtml(origin, collection, await build(), query.offset));
    const key = `items:${origin}:${collection.id}:${JSON.stringify(query)}`;
    response.type(mediaTypes.geojson).send(await cache.get(key, store.dataVersion(), build));
  });

  router.get('/collections/:collectionId/items/:featureId', async (request, response) => {
    const collection = collectionOf(request);
    rejectUnknownParameters(request, ['f']);
    const featureId = String(request.params.featureId);
    const format = responseFormat(request, [mediaTypes.geojson, mediaTypes.json]);
    const origin = requestOrigin(request);
    const store = await getStore();
    const build = async () => {
      const feature = await readFeature(store, collection.id, featureId);
      if (!feature) {
        throw notFound({
          vi: `đối tượng "${featureId.slice(0, 90)}" trong tập "${collection.id}"`,
          en: `Feature "${featureId.slice(0, 90)}" in collection "${collection.id}"`,
        });
      }
      return itemDocument(origin, collection, feature);
    };
    if (format === 'html') {
      const document = await build();
      return sendHtml(response, itemHtml(origin, collection, document));
    }
    const key = `item:${origin}:${collection.id}:${featureId}`;
    response.type(mediaTypes.geojson).send(await cache.get(key, store.dataVersion(), build));
  });

  router.get('/collections/:collectionId/queryables', (request, response) => {
    const collection = collectionOf(request);
    rejectUnknownParameters(request, ['f']);
    const origin = requestOrigin(request);
    const document = queryablesDocument(origin, collection);
    if (responseFormat(request, [mediaTypes.schema, mediaTypes.json]) === 'html') {
      return sendHtml(
        response,
        schemaHtml(origin, collection, 'Thuộc tính lọc được / Queryables', document.$id, document.properties),
      );
    }
    response.type(mediaTypes.schema).send(JSON.stringify(document));
  });

  router.get('/collections/:collectionId/schema', (request, response) => {
    const collection = collectionOf(request);
    rejectUnknownParameters(request, ['f']);
    const origin = requestOrigin(request);
    const document = featureSchemaDocument(origin, collection);
    if (responseFormat(request, [mediaTypes.schema, mediaTypes.json]) === 'html') {
      return sendHtml(
        response,
        schemaHtml(
          origin,
          collection,
          'Lược đồ đối tượng / Feature schema',
          document.$id,
          document.properties.properties.properties,
        ),
      );
    }
    response.type(mediaTypes.schema).send(JSON.stringify(document));
  });

  router.use((request) => {
    throw notFound({
      vi: `đường dẫn OGC API "${request.path.slice(0, 120)}"`,
      en: `OGC API path "${request.path.slice(0, 120)}"`,
    });
  });
  return router;
}
