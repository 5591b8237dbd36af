import type { OgcCollection } from './collections.ts';
import { bilingual, type CollectionDocument, type ItemsDocument, type LandingPage } from './documents.ts';
import type { FlatValue, OgcFeature } from './features.ts';
import type { Link } from './links.ts';

/** Escapes text for HTML content and double-quoted attributes: nothing from the data runs as markup. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const anchor = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

/** The same URL asking for JSON explicitly, for the page's "JSON" link. */
function asJson(href: string): string {
  const url = new URL(href);
  url.searchParams.set('f', 'json');
  return url.toString();
}

const style = `
  body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; color: #1d2630; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
  nav, .note { color: #51606f; font-size: 0.9rem; }
  table { border-collapse: collapse; font-size: 0.85rem; }
  th, td { border: 1px solid #ccd5de; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
  th { background: #eef2f6; }
  td.null { color: #8a96a3; font-style: italic; }
  code { background: #eef2f6; padding: 0 0.2rem; }`;

type Crumb = { href: string; label: string };

/**
 * A whole page: Vietnamese title first with English, breadcrumbs, the body, and a link to the same
 * resource as JSON. Every piece of text is escaped by the renderers before it gets here.
 */
function page(options: { title: string; crumbs: Crumb[]; jsonHref: string; body: string }): string {
  const crumbs = options.crumbs.map((crumb) => anchor(crumb.href, crumb.label)).join(' › ');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<style>${style}</style>
</head>
<body>
<nav>${crumbs}</nav>
<h1>${escapeHtml(options.title)}</h1>
${options.body}
<p class="note">${anchor(asJson(options.jsonHref), 'JSON')}</p>
</body>
</html>
`;
}

const rootCrumbs = (origin: string): Crumb[] => [{ href: `${origin}/ogc`, label: 'OGC API – Features' }];
const collectionsCrumbs = (origin: string): Crumb[] => [
  ...rootCrumbs(origin),
  { href: `${origin}/ogc/collections`, label: 'Tập dữ liệu / Collections' },
];

function linkList(links: readonly Link[]): string {
  const items = links.map(
    (link) => `<li>${anchor(link.href, link.title)} <code>${escapeHtml(link.rel)}</code></li>`,
  );
  return `<ul>${items.join('')}</ul>`;
}

const cell = (value: FlatValue) =>
  value === null
    ? '<td class="null">chưa có số liệu / unknown</td>'
    : `<td>${escapeHtml(String(value))}</td>`;

/** `/ogc` as a page. */
export function landingHtml(origin: string, landing: LandingPage): string {
  const [title = '', description = ''] = [landing.title, landing.description];
  return page({
    title,
    crumbs: rootCrumbs(origin),
    jsonHref: `${origin}/ogc`,
    body: `<p>${escapeHtml(description)}</p>${linkList(landing.links.filter((link) => link.rel !== 'self'))}
<h2>QGIS</h2>
<p>Layer → Add Layer → Add WFS / OGC API – Features Layer: <code>${escapeHtml(`${origin}/ogc`)}</code></p>`,
  });
}

/** `/ogc/conformance` as a page. */
export function conformanceHtml(origin: string, conformsTo: readonly string[]): string {
  return page({
    title: 'Các lớp tuân thủ / Conformance classes',
    crumbs: rootCrumbs(origin),
    jsonHref: `${origin}/ogc/conformance`,
    body: `<ul>${conformsTo.map((uri) => `<li>${anchor(uri, uri)}</li>`).join('')}</ul>`,
  });
}

function collectionSummary(document: CollectionDocument): string {
  const [west, south, east, north] = document.extent.spatial.bbox[0] ?? [];
  const items = document.links.find((link) => link.rel === 'items');
  return `<h2>${anchor(`${document.links[0]?.href ?? ''}`, document.title)}</h2>
<p>${escapeHtml(document.description)}</p>
<p>Phạm vi / Extent (CRS84): ${escapeHtml(`${west}, ${south}, ${east}, ${north}`)}</p>
<p>${items ? anchor(items.href, 'Các đối tượng / Features') : ''}</p>`;
}

/** `/ogc/collections` as a page. */
export function collectionsHtml(origin: string, collections: readonly CollectionDocument[]): string {
  return page({
    title: 'Các tập dữ liệu / Collections',
    crumbs: rootCrumbs(origin),
    jsonHref: `${origin}/ogc/collections`,
    body: collections.map(collectionSummary).join('\n'),
  });
}

/** `/ogc/collections/{id}` as a page: description, extent, links and the attribute table. */
export function collectionHtml(
  origin: string,
  collection: OgcCollection,
  document: CollectionDocument,
): string {
  const rows = collection.properties.map(
    (property) =>
      `<tr><td><code>${escapeHtml(property.name)}</code></td><td>${escapeHtml(property.title_vi)}</td><td>${escapeHtml(property.title_en)}</td><td>${escapeHtml(property.type)}</td><td>${property.queryable ? 'có / yes' : ''}</td><td>${escapeHtml(property.description)}</td></tr>`,
  );
  return page({
    title: document.title,
    crumbs: collectionsCrumbs(origin),
    jsonHref: `${origin}/ogc/collections/${collection.id}`,
    body: `${collectionSummary(document)}
${linkList(document.links.filter((link) => link.rel !== 'self'))}
<h2>Thuộc tính / Attributes</h2>
<table><tr><th>name</th><th>Tiếng Việt</th><th>English</th><th>type</th><th>Lọc được / Queryable</th><th>description</th></tr>${rows.join('')}</table>`,
  });
}

/** `/ogc/collections/{id}/items` as a page: one table row per feature, linking each. */
export function itemsHtml(
  origin: string,
  collection: OgcCollection,
  document: ItemsDocument,
  offset: number,
): string {
  const names = collection.properties.map((property) => property.name);
  const header = collection.properties
    .map((property) => `<th title="${escapeHtml(property.title_en)}">${escapeHtml(property.title_vi)}</th>`)
    .join('');
  const rows = document.features.map((feature) => {
    const href = `${origin}/ogc/collections/${collection.id}/items/${encodeURIComponent(feature.id)}`;
    const cells = names.map((name) =>
      name === 'id' ? `<td>${anchor(href, feature.id)}</td>` : cell(feature.properties[name] ?? null),
    );
    return `<tr>${cells.join('')}</tr>`;
  });
  const pager = document.links
    .filter((link) => link.rel === 'prev' || link.rel === 'next')
    .map((link) => anchor(link.href, link.title))
    .join(' · ');
  const from = document.numberReturned === 0 ? 0 : offset + 1;
  const to = from === 0 ? 0 : from + document.numberReturned - 1;
  return page({
    title: bilingual(collection.title),
    crumbs: [
      ...collectionsCrumbs(origin),
      { href: `${origin}/ogc/collections/${collection.id}`, label: bilingual(collection.title) },
    ],
    jsonHref: document.links[0]?.href ?? `${origin}/ogc/collections/${collection.id}/items`,
    body: `<p>${escapeHtml(`${from}–${to} / ${document.numberMatched}`)} ${pager}</p>
<table><tr>${header}</tr>${rows.join('')}</table>`,
  });
}

/** `/ogc/collections/{id}/items/{featureId}` as a page: its attributes, one per row. */
export function itemHtml(origin: string, collection: OgcCollection, feature: OgcFeature): string {
  const rows = collection.properties.map(
    (property) =>
      `<tr><th>${escapeHtml(property.title_vi)} / ${escapeHtml(property.title_en)}</th>${cell(feature.properties[property.name] ?? null)}</tr>`,
  );
  const title = String(feature.properties.name_vi ?? feature.properties.label ?? feature.id);
  return page({
    title,
    crumbs: [
      ...collectionsCrumbs(origin),
      { href: `${origin}/ogc/collections/${collection.id}`, label: bilingual(collection.title) },
      { href: `${origin}/ogc/collections/${collection.id}/items`, label: 'Các đối tượng / Features' },
    ],
    jsonHref: `${origin}/ogc/collections/${collection.id}/items/${encodeURIComponent(feature.id)}`,
    body: `<p>${escapeHtml(`${feature.geometry.type}`)}</p><table>${rows.join('')}</table>`,
  });
}

/** A JSON Schema (queryables, feature schema) as a page: property, title, type. */
export function schemaHtml(
  origin: string,
  collection: OgcCollection,
  title: string,
  jsonHref: string,
  properties: Record<string, { title: string; type: string; enum?: string[]; pattern?: string }>,
): string {
  const rows = Object.entries(properties).map(
    ([name, schema]) =>
      `<tr><td><code>${escapeHtml(name)}</code></td><td>${escapeHtml(schema.title)}</td><td>${escapeHtml(schema.type)}</td><td>${escapeHtml(schema.enum?.join(', ') ?? schema.pattern ?? '')}</td></tr>`,
  );
  return page({
    title: `${bilingual(collection.title)}: ${title}`,
    crumbs: [
      ...collectionsCrumbs(origin),
      { href: `${origin}/ogc/collections/${collection.id}`, label: bilingual(collection.title) },
    ],
    jsonHref,
    body: `<table><tr><th>name</th><th>title</th><th>type</th><th>giá trị / values</th></tr>${rows.join('')}</table>
<p class="note">Lọc bằng tham số, ví dụ / Filter with a parameter, e.g. <code>?${escapeHtml(Object.keys(properties)[0] ?? '')}=…</code></p>`,
  });
}

type OpenApiLike = {
  info: { title: string; description: string };
  servers: { url: string }[];
  paths: Record<string, { get: { summary: string; parameters?: { name?: string; $ref?: string }[] } }>;
};

/** The OpenAPI document as a page (`/ogc/api.html`): each path, what it is, its parameters. */
export function apiHtml(origin: string, document: OpenApiLike): string {
  const server = document.servers[0]?.url ?? `${origin}/ogc`;
  const rows = Object.entries(document.paths).map(([path, item]) => {
    const parameters = (item.get.parameters ?? [])
      .map((parameter) => parameter.name ?? parameter.$ref?.split('/').at(-1) ?? '')
      .join(', ');
    const href = path.includes('{') ? null : `${server}${path === '/' ? '' : path}`;
    return `<tr><td>GET <code>${href ? anchor(href, path) : escapeHtml(path)}</code></td><td>${escapeHtml(item.get.summary)}</td><td>${escapeHtml(parameters)}</td></tr>`;
  });
  return page({
    title: document.info.title,
    crumbs: rootCrumbs(origin),
    jsonHref: `${origin}/ogc/api`,
    body: `<p>${escapeHtml(document.info.description)}</p>
<table><tr><th>path</th><th>summary</th><th>parameters</th></tr>${rows.join('')}</table>`,
  });
}
