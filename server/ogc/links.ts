/** Media types OGC API – Features clients check, GDAL's OAPIF driver most strictly. */
export const mediaTypes = {
  json: 'application/json',
  geojson: 'application/geo+json',
  openapi: 'application/vnd.oai.openapi+json;version=3.0',
  schema: 'application/schema+json',
  html: 'text/html',
} as const;

/** A link of an OGC API document: absolute `href`, relation, media type, title. */
export type Link = { href: string; rel: string; type: string; title: string };

/** Query parameters of a link; undefined ones are left out. */
export type LinkQuery = Record<string, string | number | undefined>;

/**
 * An absolute URL under `/ogc` on this server, as the client reached it.
 *
 * @example ogcUrl('http://127.0.0.1:8080', '/collections/plots/items', { limit: 10, offset: 20 })
 * // → 'http://127.0.0.1:8080/ogc/collections/plots/items?limit=10&offset=20'
 */
export function ogcUrl(origin: string, path: string, query: LinkQuery = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) search.set(name, String(value));
  }
  const text = search.toString();
  return `${origin}/ogc${path}${text ? `?${text}` : ''}`;
}

/**
 * The `self` link in JSON and the `alternate` link to the same resource as an HTML page.
 * JSON links carry no `f`: clients such as GDAL ask for JSON by Accept, and `*\/*` gets JSON.
 */
export function selfAndAlternate(
  origin: string,
  path: string,
  type: string,
  title: string,
  query: LinkQuery = {},
): Link[] {
  return [
    { href: ogcUrl(origin, path, query), rel: 'self', type, title },
    { href: ogcUrl(origin, path, { ...query, f: 'html' }), rel: 'alternate', type: mediaTypes.html, title },
  ];
}
