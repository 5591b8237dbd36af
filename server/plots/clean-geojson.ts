/**
 * A fast path past check-geojson for the common case, a clean FeatureCollection of Polygons.
 * check-geojson builds a syntax tree with source ranges of the whole text (about 15 s for 100,000
 * plots): worth it to name a problem's line, wasted on a file with none. `parseCleanGeoJson` parses
 * with JSON.parse and checks the parsed value against every rule check-geojson applies to such a
 * collection; it answers the value only when check-geojson would find nothing, else `undefined`,
 * and the caller then runs check-geojson for the problems and their lines. So the answer for any
 * file is the same as before, only faster when there is nothing to report.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const has = (object: JsonObject, key: string) => Object.hasOwn(object, key);
const allNumbers = (values: readonly Json[]) => values.every((value) => typeof value === 'number');

/**
 * Members of objects in the text, counted as the colons outside strings. JSON.parse keeps the last
 * of two members with the same name; check-geojson refuses the duplicate. More colons in the text
 * than members in the parsed value means a duplicate somewhere.
 */
function membersInText(text: string): number {
  let count = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 92)
        index++; // a backslash: skip the escaped character
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 58) count++;
  }
  return count;
}

function membersInValue(value: Json): number {
  // Only objects and arrays hold members: numbers (most of a file, the coordinates) are not visited.
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'object' && item !== null) count += membersInValue(item);
    return count;
  }
  if (!isObject(value)) return 0;
  for (const key in value) {
    const member = value[key] as Json;
    count += typeof member === 'object' && member !== null ? 1 + membersInValue(member) : 1;
  }
  return count;
}

/** check-geojson's `enforceBbox`: when present, an array of 4 or 6 numbers. */
const bboxClean = (object: JsonObject) =>
  !has(object, 'bbox') ||
  (Array.isArray(object.bbox) &&
    (object.bbox.length === 4 || object.bbox.length === 6) &&
    allNumbers(object.bbox));

/** A ring as check-geojson wants it: positions of 2–3 numbers, at least four, first equal to last. */
function ringClean(ring: Json): boolean {
  if (!Array.isArray(ring) || ring.length < 4) return false;
  for (const position of ring) {
    if (!Array.isArray(position) || position.length < 2 || position.length > 3 || !allNumbers(position))
      return false;
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  return first.length === last.length && first.every((value, index) => value === last[index]);
}

/** A Polygon (the one geometry type a plot may have; any other goes the slow way). */
function polygonClean(geometry: Json): boolean {
  if (!isObject(geometry) || geometry.type !== 'Polygon') return false;
  if (has(geometry, 'properties') || has(geometry, 'geometry') || has(geometry, 'features')) return false;
  const { coordinates } = geometry;
  return Array.isArray(coordinates) && coordinates.every(ringClean) && bboxClean(geometry);
}

function featureClean(feature: Json): boolean {
  if (!isObject(feature) || feature.type !== 'Feature' || has(feature, 'features')) return false;
  const { geometry } = feature;
  if (geometry === undefined || !(geometry === null || polygonClean(geometry))) return false;
  if (has(feature, 'id') && typeof feature.id !== 'string' && typeof feature.id !== 'number') return false;
  if (!has(feature, 'properties')) return false;
  return (feature.properties === null || isObject(feature.properties)) && bboxClean(feature);
}

/**
 * The parsed value of a GeoJSON FeatureCollection of Polygon (or null-geometry) features when
 * check-geojson's `getIssues` would report nothing for the text; `undefined` when it might
 * (not JSON, another root type or geometry type, or any structural problem).
 */
export function parseCleanGeoJson(text: string): unknown {
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
  if (!isObject(value) || value.type !== 'FeatureCollection') return undefined;
  if (has(value, 'properties') || has(value, 'coordinates')) return undefined;
  if (!Array.isArray(value.features) || !value.features.every(featureClean)) return undefined;
  if (membersInText(text) !== membersInValue(value)) return undefined;
  return value;
}
