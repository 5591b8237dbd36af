import { type OgcCollection, ogcCollectionIds, ogcCollections } from './collections.ts';
import { bilingual } from './documents.ts';
import { ITEMS_LIMIT_DEFAULT, ITEMS_LIMIT_MAX } from './items-query.ts';
import { mediaTypes } from './links.ts';

const ref = (name: string) => ({ $ref: `#/components/parameters/${name}` });

/** A 200 answer in the given media types, each with an optional schema reference. */
function ok(description: string, types: readonly string[], schema?: string) {
  return {
    description,
    content: Object.fromEntries(
      types.map((type) => [
        type,
        schema && type !== mediaTypes.html ? { schema: { $ref: `#/components/schemas/${schema}` } } : {},
      ]),
    ),
  };
}

const errors = {
  '400': { $ref: '#/components/responses/BadRequest' },
  '404': { $ref: '#/components/responses/NotFound' },
};

const jsonOrHtml = [mediaTypes.json, mediaTypes.html];

/** Query parameter of one queryable, with the same allow-list or pattern the server checks. */
function queryableParameter(collection: OgcCollection, name: string) {
  const property = collection.properties.find((candidate) => candidate.name === name);
  const rule = property?.queryable;
  return {
    name,
    in: 'query',
    required: false,
    description: `${property?.title_vi} / ${property?.title_en}: ${property?.description}`,
    schema:
      rule?.kind === 'enum'
        ? { type: 'string', enum: [...rule.values] }
        : { type: 'string', pattern: rule?.pattern },
    style: 'form',
    explode: false,
  };
}

function collectionPaths(collection: OgcCollection) {
  const base = `/collections/${collection.id}`;
  const title = bilingual(collection.title);
  const tag = collection.id;
  const queryables = collection.properties.filter((property) => property.queryable);
  return {
    [base]: {
      get: {
        tags: [tag],
        summary: `${title}: mô tả tập dữ liệu / collection`,
        operationId: `describe-${collection.id}`,
        parameters: [ref('f')],
        responses: { '200': ok('Collection', jsonOrHtml, 'Collection'), ...errors },
      },
    },
    [`${base}/items`]: {
      get: {
        tags: [tag],
        summary: `${title}: các đối tượng / features`,
        description: collection.description.en,
        operationId: `get-${collection.id}-features`,
        parameters: [
          ref('f'),
          ref('bbox'),
          ref('limit'),
          ref('offset'),
          ...queryables.map((property) => queryableParameter(collection, property.name)),
        ],
        responses: {
          '200': ok('Features, one page', [mediaTypes.geojson, mediaTypes.html], 'FeatureCollection'),
          ...errors,
        },
      },
    },
    [`${base}/items/{featureId}`]: {
      get: {
        tags: [tag],
        summary: `${title}: một đối tượng / one feature`,
        operationId: `get-${collection.id}-feature`,
        parameters: [ref('featureId'), ref('f')],
        responses: { '200': ok('Feature', [mediaTypes.geojson, mediaTypes.html], 'Feature'), ...errors },
      },
    },
    [`${base}/queryables`]: {
      get: {
        tags: [tag],
        summary: `${title}: thuộc tính lọc được / queryables`,
        operationId: `get-${collection.id}-queryables`,
        parameters: [ref('f')],
        responses: { '200': ok('Queryables (JSON Schema)', [mediaTypes.schema, mediaTypes.html]), ...errors },
      },
    },
    [`${base}/schema`]: {
      get: {
        tags: [tag],
        summary: `${title}: lược đồ đối tượng / feature schema`,
        operationId: `get-${collection.id}-schema`,
        parameters: [ref('f')],
        responses: { '200': ok('JSON Schema of a feature', [mediaTypes.schema, mediaTypes.html]), ...errors },
      },
    },
  };
}

/**
 * The OpenAPI 3.0 document of `/ogc`, generated from the collection catalog the routes serve, so
 * the two cannot drift apart (a test checks every path answers and every route is described).
 */
export function openApiDocument(origin: string) {
  return {
    openapi: '3.0.3',
    info: {
      title: 'CCN Atlas — OGC API – Features',
      version: '1.0.0',
      description:
        'Cụm công nghiệp, lô đất và trạm xử lý nước thải của Việt Nam. / ' +
        "Viet Nam's industrial clusters, plots and wastewater plants.",
      license: { name: 'See the geodata README for sources and licence' },
    },
    servers: [{ url: `${origin}/ogc` }],
    tags: ogcCollectionIds.map((id) => ({ name: id, description: bilingual(ogcCollections[id].title) })),
    paths: {
      '/': {
        get: {
          summary: 'Trang đầu / Landing page',
          operationId: 'getLandingPage',
          parameters: [ref('f')],
          responses: { '200': ok('Landing page', jsonOrHtml, 'LandingPage'), '400': errors['400'] },
        },
      },
      '/conformance': {
        get: {
          summary: 'Các lớp tuân thủ / Conformance classes',
          operationId: 'getConformance',
          parameters: [ref('f')],
          responses: { '200': ok('Conformance classes', jsonOrHtml, 'Conformance'), '400': errors['400'] },
        },
      },
      '/api': {
        get: {
          summary: 'Tài liệu này (OpenAPI 3.0) / This document (OpenAPI 3.0)',
          operationId: 'getApiDefinition',
          parameters: [ref('f')],
          responses: {
            '200': ok('API definition', [mediaTypes.openapi, mediaTypes.html]),
            '400': errors['400'],
          },
        },
      },
      '/api.html': {
        get: {
          summary: 'Tài liệu API cho người đọc / API documentation for people',
          operationId: 'getApiDocumentation',
          responses: { '200': ok('API documentation', [mediaTypes.html]) },
        },
      },
      '/collections': {
        get: {
          summary: 'Các tập dữ liệu / Collections',
          operationId: 'getCollections',
          parameters: [ref('f')],
          responses: { '200': ok('Collections', jsonOrHtml, 'Collections'), '400': errors['400'] },
        },
      },
      ...Object.assign({}, ...ogcCollectionIds.map((id) => collectionPaths(ogcCollections[id]))),
    },
    components: {
      parameters: {
        f: {
          name: 'f',
          in: 'query',
          required: false,
          description:
            'json hoặc html; mặc định theo tiêu đề Accept. / json or html; by default, the Accept header decides.',
          schema: { type: 'string', enum: ['json', 'html'] },
        },
        bbox: {
          name: 'bbox',
          in: 'query',
          required: false,
          description: 'Tây,nam,đông,bắc (CRS84). / West,south,east,north in CRS84 longitude/latitude.',
          schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } },
          style: 'form',
          explode: false,
        },
        limit: {
          name: 'limit',
          in: 'query',
          required: false,
          description: `Số đối tượng mỗi trang, tối đa ${ITEMS_LIMIT_MAX}; lớn hơn bị từ chối (400). / Features per page, at most ${ITEMS_LIMIT_MAX}; more is refused (400).`,
          schema: { type: 'integer', minimum: 1, maximum: ITEMS_LIMIT_MAX, default: ITEMS_LIMIT_DEFAULT },
          style: 'form',
          explode: false,
        },
        offset: {
          name: 'offset',
          in: 'query',
          required: false,
          description: 'Bỏ qua bấy nhiêu đối tượng đầu (theo thứ tự mã). / Features to skip, in id order.',
          schema: { type: 'integer', minimum: 0, default: 0 },
          style: 'form',
          explode: false,
        },
        featureId: {
          name: 'featureId',
          in: 'path',
          required: true,
          description: 'Mã đối tượng / Feature id',
          schema: { type: 'string' },
        },
      },
      schemas: {
        Link: {
          type: 'object',
          required: ['href', 'rel'],
          properties: {
            href: { type: 'string' },
            rel: { type: 'string' },
            type: { type: 'string' },
            title: { type: 'string' },
          },
        },
        LandingPage: {
          type: 'object',
          required: ['links'],
          properties: {
            title: { type: 'string' },
            description: { type: 'string' },
            links: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
          },
        },
        Conformance: {
          type: 'object',
          required: ['conformsTo'],
          properties: { conformsTo: { type: 'array', items: { type: 'string' } } },
        },
        Collection: {
          type: 'object',
          required: ['id', 'links'],
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            description: { type: 'string' },
            extent: { type: 'object' },
            itemType: { type: 'string' },
            crs: { type: 'array', items: { type: 'string' } },
            links: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
          },
        },
        Collections: {
          type: 'object',
          required: ['links', 'collections'],
          properties: {
            links: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
            collections: { type: 'array', items: { $ref: '#/components/schemas/Collection' } },
          },
        },
        Feature: {
          type: 'object',
          required: ['type', 'geometry', 'properties'],
          properties: {
            type: { type: 'string', enum: ['Feature'] },
            id: { type: 'string' },
            geometry: { type: 'object' },
            properties: { type: 'object' },
          },
        },
        FeatureCollection: {
          type: 'object',
          required: ['type', 'features'],
          properties: {
            type: { type: 'string', enum: ['FeatureCollection'] },
            features: { type: 'array', items: { $ref: '#/components/schemas/Feature' } },
            links: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
            timeStamp: { type: 'string', format: 'date-time' },
            numberMatched: { type: 'integer', minimum: 0 },
            numberReturned: { type: 'integer', minimum: 0 },
          },
        },
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                message_vi: { type: 'string' },
                message_en: { type: 'string' },
              },
            },
          },
        },
      },
      responses: {
        BadRequest: {
          description: 'Tham số không hợp lệ / Invalid parameter',
          content: { [mediaTypes.json]: { schema: { $ref: '#/components/schemas/Error' } } },
        },
        NotFound: {
          description: 'Không tìm thấy / Not found',
          content: { [mediaTypes.json]: { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  };
}
