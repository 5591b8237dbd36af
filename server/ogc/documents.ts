import type { LocalizedText } from '../../domain/text.ts';
import { vietNamBounds } from '../tiles/tile-layers.ts';
import type { LonLatBounds } from '../tiles/tile-source.ts';
import { type OgcCollection, type OgcProperty, ogcCollectionIds, ogcCollections } from './collections.ts';
import { CRS84, conformanceClasses } from './conformance.ts';
import type { ItemsQuery } from './feature-source.ts';
import type { OgcFeature } from './features.ts';
import { type Link, mediaTypes, ogcUrl, selfAndAlternate } from './links.ts';

/** Vietnamese first, then English, as every title of this API reads. */
export const bilingual = (text: LocalizedText, separator = ' — ') => `${text.vi}${separator}${text.en}`;

const API_TITLE: LocalizedText = {
  vi: 'CCN Atlas — Cụm công nghiệp Việt Nam',
  en: "Viet Nam's industrial clusters",
};
const API_DESCRIPTION: LocalizedText = {
  vi: 'Cụm công nghiệp, lô đất và trạm xử lý nước thải theo chuẩn OGC API – Features, đọc được bằng QGIS và GDAL.',
  en: 'Industrial clusters, plots and wastewater plants as OGC API – Features, readable by QGIS and GDAL.',
};

export type LandingPage = { title: string; description: string; links: Link[] };

/** `GET /ogc`: what this API is and where everything is. */
export function landingPage(origin: string): LandingPage {
  return {
    title: bilingual(API_TITLE),
    description: bilingual(API_DESCRIPTION, '\n'),
    links: [
      ...selfAndAlternate(origin, '', mediaTypes.json, 'Trang đầu / Landing page'),
      {
        href: ogcUrl(origin, '/api'),
        rel: 'service-desc',
        type: mediaTypes.openapi,
        title: 'Mô tả API (OpenAPI 3.0) / API definition (OpenAPI 3.0)',
      },
      {
        href: ogcUrl(origin, '/api.html'),
        rel: 'service-doc',
        type: mediaTypes.html,
        title: 'Tài liệu API / API documentation',
      },
      {
        href: ogcUrl(origin, '/conformance'),
        rel: 'conformance',
        type: mediaTypes.json,
        title: 'Các lớp tuân thủ / Conformance classes',
      },
      {
        href: ogcUrl(origin, '/collections'),
        rel: 'data',
        type: mediaTypes.json,
        title: 'Các tập dữ liệu / Collections',
      },
    ],
  };
}

/** `GET /ogc/conformance` */
export function conformanceDocument(origin: string) {
  return {
    conformsTo: [...conformanceClasses],
    links: selfAndAlternate(
      origin,
      '/conformance',
      mediaTypes.json,
      'Các lớp tuân thủ / Conformance classes',
    ),
  };
}

// Outward to 6 decimals (~0.1 m), so the extent still holds every feature.
const down = (value: number) => Math.floor(value * 1e6) / 1e6;
const up = (value: number) => Math.ceil(value * 1e6) / 1e6;

export type CollectionDocument = {
  id: string;
  title: string;
  description: string;
  itemType: 'feature';
  crs: string[];
  extent: {
    spatial: { bbox: LonLatBounds[]; crs: string };
    temporal: { interval: [[null, null]] };
  };
  links: Link[];
};

/**
 * One collection: title, description, extent (the data's bbox in CRS84, or Viet Nam's when the
 * collection is empty; no time extent, as the features carry no time dimension) and its links.
 */
export function collectionDocument(
  origin: string,
  collection: OgcCollection,
  dataBounds: LonLatBounds | null,
): CollectionDocument {
  const path = `/collections/${collection.id}`;
  const title = bilingual(collection.title);
  const bbox: LonLatBounds = dataBounds
    ? [down(dataBounds[0]), down(dataBounds[1]), up(dataBounds[2]), up(dataBounds[3])]
    : [...vietNamBounds];
  const links: Link[] = [
    ...selfAndAlternate(origin, path, mediaTypes.json, title),
    { href: ogcUrl(origin, `${path}/items`), rel: 'items', type: mediaTypes.geojson, title },
    { href: ogcUrl(origin, `${path}/items`, { f: 'html' }), rel: 'items', type: mediaTypes.html, title },
    {
      href: ogcUrl(origin, `${path}/queryables`),
      rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables',
      type: mediaTypes.schema,
      title: 'Thuộc tính lọc được / Queryables',
    },
    // RFC 8288 relation types are case-insensitive; GDAL 3.6 matches "describedBy" exactly and
    // takes the field types from this schema rather than guessing them from the first page.
    {
      href: ogcUrl(origin, `${path}/schema`),
      rel: 'describedBy',
      type: mediaTypes.schema,
      title: 'Lược đồ JSON của đối tượng / JSON Schema of a feature',
    },
  ];
  if (collection.tileLayer) {
    links.push({
      href: `${origin}/tiles/${collection.tileLayer}.json`,
      rel: 'tiles',
      type: mediaTypes.json,
      title: 'Ô bản đồ vector (TileJSON) / Vector tiles (TileJSON)',
    });
  }
  return {
    id: collection.id,
    title,
    description: bilingual(collection.description, '\n'),
    itemType: 'feature',
    crs: [CRS84],
    extent: { spatial: { bbox: [bbox], crs: CRS84 }, temporal: { interval: [[null, null]] } },
    links,
  };
}

/** `GET /ogc/collections` */
export function collectionsDocument(
  origin: string,
  boundsById: Readonly<Record<string, LonLatBounds | null>>,
) {
  return {
    links: selfAndAlternate(origin, '/collections', mediaTypes.json, 'Các tập dữ liệu / Collections'),
    collections: ogcCollectionIds.map((id) =>
      collectionDocument(origin, ogcCollections[id], boundsById[id] ?? null),
    ),
  };
}

/** The query a page link repeats: filters and bbox as given, then limit and offset. */
function pageQuery(query: ItemsQuery, offset: number) {
  return {
    ...query.filters,
    bbox: query.bbox?.join(','),
    limit: query.limit,
    offset: offset === 0 ? undefined : offset,
  };
}

export type ItemsDocument = {
  type: 'FeatureCollection';
  features: OgcFeature[];
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
  links: Link[];
};

/** `GET /ogc/collections/{id}/items`: one page, with `next`/`prev` links while there are more. */
export function itemsDocument(
  origin: string,
  collection: OgcCollection,
  query: ItemsQuery,
  page: { features: OgcFeature[]; numberMatched: number },
): ItemsDocument {
  const path = `/collections/${collection.id}/items`;
  const title = bilingual(collection.title);
  const links: Link[] = [
    ...selfAndAlternate(origin, path, mediaTypes.geojson, title, pageQuery(query, query.offset)),
    {
      href: ogcUrl(origin, `/collections/${collection.id}`),
      rel: 'collection',
      type: mediaTypes.json,
      title,
    },
  ];
  if (query.offset + page.features.length < page.numberMatched) {
    links.push({
      href: ogcUrl(origin, path, pageQuery(query, query.offset + query.limit)),
      rel: 'next',
      type: mediaTypes.geojson,
      title: 'Trang sau / Next page',
    });
  }
  if (query.offset > 0) {
    links.push({
      href: ogcUrl(origin, path, pageQuery(query, Math.max(0, query.offset - query.limit))),
      rel: 'prev',
      type: mediaTypes.geojson,
      title: 'Trang trước / Previous page',
    });
  }
  return {
    type: 'FeatureCollection',
    features: page.features,
    numberMatched: page.numberMatched,
    numberReturned: page.features.length,
    timeStamp: new Date().toISOString(),
    links,
  };
}

/** `GET /ogc/collections/{id}/items/{featureId}`: the feature with its links. */
export function itemDocument(origin: string, collection: OgcCollection, feature: OgcFeature) {
  const path = `/collections/${collection.id}/items/${encodeURIComponent(feature.id)}`;
  const title = String(feature.properties.name_vi ?? feature.properties.label ?? feature.id);
  return {
    ...feature,
    links: [
      ...selfAndAlternate(origin, path, mediaTypes.geojson, title),
      {
        href: ogcUrl(origin, `/collections/${collection.id}`),
        rel: 'collection',
        type: mediaTypes.json,
        title: bilingual(collection.title),
      },
    ],
  };
}

const propertySchema = (property: OgcProperty) => ({
  title: `${property.title_vi} / ${property.title_en}`,
  description: property.description,
  type: property.type,
  ...(property.format ? { format: property.format } : {}),
});

/**
 * `GET /ogc/collections/{id}/queryables` (OGC API – Features Part 3): the properties a request may
 * filter on by equality, as a JSON Schema with their types, titles and allowed values.
 */
export function queryablesDocument(origin: string, collection: OgcCollection) {
  const properties = Object.fromEntries(
    collection.properties
      .filter((property) => property.queryable)
      .map((property) => {
        const rule = property.queryable;
        const values = rule?.kind === 'enum' ? { enum: [...rule.values] } : { pattern: rule?.pattern };
        return [property.name, { ...propertySchema(property), ...values }];
      }),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: ogcUrl(origin, `/collections/${collection.id}/queryables`),
    type: 'object',
    title: bilingual(collection.title),
    properties,
    additionalProperties: false,
  };
}

const geometrySchemas = {
  Point: { type: 'object', required: ['type', 'coordinates'], properties: { type: { enum: ['Point'] } } },
  Polygon: { type: 'object', required: ['type', 'coordinates'], properties: { type: { enum: ['Polygon'] } } },
  MultiPolygon: {
    type: 'object',
    required: ['type', 'coordinates'],
    properties: { type: { enum: ['MultiPolygon'] } },
  },
} as const;

/**
 * `GET /ogc/collections/{id}/schema`: the JSON Schema of one GeoJSON feature of the collection, every
 * property with its type (the id is the feature's `id` member). A null value means unknown; the `type` is kept a single name because
 * GDAL reads field types from it.
 */
export function featureSchemaDocument(origin: string, collection: OgcCollection) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: ogcUrl(origin, `/collections/${collection.id}/schema`),
    title: bilingual(collection.title),
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'string' },
      geometry: geometrySchemas[collection.geometryType],
      properties: {
        type: 'object',
        // `id` is left to the feature's own `id` member: GDAL 3.6 adds an `id` field from the data
        // first, and would add a second one from the schema.
        properties: Object.fromEntries(
          collection.properties
            .filter((property) => property.name !== 'id')
            .map((property) => [property.name, propertySchema(property)]),
        ),
      },
    },
  };
}
