/**
 * Builds the offline basemap (geodata/basemap/*.geojson) from Natural Earth 1:10m data as packaged
 * by `world-atlas` v2. Run with `npm run basemap` (tsx geodata/scripts/build-basemap.ts).
 *
 * Natural Earth draws the Hoàng Sa (Paracel) islets inside China's multipolygon and the Trường Sa
 * (Spratly) islets as a separate "Spratly Is." feature. A map published on a Vietnamese government
 * site must show both archipelagos as Viet Nam's, so this script moves those islet polygons into the
 * Viet Nam feature and removes them from every other country. See geodata/basemap/README.md.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point } from 'geojson';
import * as topojson from 'topojson-client';
import { type BBox, bboxIntersects, bboxOf, bboxWithin, clipLine, clipPolygon, type XY } from './clip.ts';

type Topology = Parameters<typeof topojson.mesh>[0];
/**
 * A geometry object as topojson-client's mesh/neighbors accept it. (Its typings want properties
 * typed `{}`, while a Topology's objects carry GeoJSON properties, which may be null.)
 */
type TopoGeometry = NonNullable<Parameters<typeof topojson.mesh>[1]>;
/** Polygon coordinates: outer ring first, then holes. */
type Rings = XY[][];

// ---------------------------------------------------------------------------------------------
// Parameters

/** The region shown by the basemap: [lon min, lat min, lon max, lat max]. */
const REGION: BBox = [92, -2, 128, 30];
/** Every polygon part, of any country, lying wholly inside this box is a Hoàng Sa (Paracel) islet. */
const PARACEL_BOX: BBox = [111, 15.6, 113.2, 17.3];
/** Small polygon parts lying wholly inside this box are Trường Sa (Spratly) islets. */
const SPRATLY_BOX: BBox = [111.3, 7, 117.5, 12];
/**
 * A part in SPRATLY_BOX counts as a Spratly islet only if its bbox is smaller than this (degrees) in
 * both dimensions. Natural Earth's Spratly islets measure at most ~0.025°; the coastal islands of
 * Palawan/Balabac (Philippines) and Banggi (Malaysia, off Sabah) that also fall in the box measure
 * 0.05° and more and stay with their countries.
 */
const SPRATLY_ISLET_MAX_DEG = 0.04;
/** Natural Earth's name for its separate Spratly feature: all of its parts go to Viet Nam. */
const NE_SPRATLY_NAME = 'Spratly Is.';
const NE_VIETNAM_NAME = 'Vietnam';
/**
 * Natural Earth features in the region that belong to no country here; their land stays in
 * land.geojson as neutral land and they are left out of countries.geojson.
 */
const NE_UNASSIGNED = new Set(['Scarborough Reef']);
/**
 * Land parts smaller than this in both dimensions (degrees) are dropped from land.geojson to keep it
 * small, except Hoàng Sa and Trường Sa islets, which are always kept. 0 keeps everything.
 */
const MIN_LAND_PART_DEG = 0;
/** Coordinates are rounded to this many decimals (1e-4° ≈ 11 m). */
const DECIMALS = 4;

const VIETNAM_NAMES = { name_vi: 'Việt Nam', name_en: 'Viet Nam' } as const;

/** Vietnamese and English names of the other countries (by Natural Earth `name`) in the region. */
const COUNTRY_NAMES: Record<string, { name_vi: string; name_en: string }> = {
  China: { name_vi: 'Trung Quốc', name_en: 'China' },
  Laos: { name_vi: 'Lào', name_en: 'Laos' },
  Cambodia: { name_vi: 'Campuchia', name_en: 'Cambodia' },
  Thailand: { name_vi: 'Thái Lan', name_en: 'Thailand' },
  Myanmar: { name_vi: 'Myanmar', name_en: 'Myanmar' },
  Malaysia: { name_vi: 'Malaysia', name_en: 'Malaysia' },
  Philippines: { name_vi: 'Philippines', name_en: 'Philippines' },
  Indonesia: { name_vi: 'Indonesia', name_en: 'Indonesia' },
  Brunei: { name_vi: 'Brunei', name_en: 'Brunei' },
  Singapore: { name_vi: 'Singapore', name_en: 'Singapore' },
  Taiwan: { name_vi: 'Đài Loan', name_en: 'Taiwan' },
  'Hong Kong': { name_vi: 'Hồng Kông (Trung Quốc)', name_en: 'Hong Kong (China)' },
  Macao: { name_vi: 'Ma Cao (Trung Quốc)', name_en: 'Macao (China)' },
  Japan: { name_vi: 'Nhật Bản', name_en: 'Japan' },
  India: { name_vi: 'Ấn Độ', name_en: 'India' },
  Bangladesh: { name_vi: 'Bangladesh', name_en: 'Bangladesh' },
  Bhutan: { name_vi: 'Bhutan', name_en: 'Bhutan' },
};

/**
 * Boundaries between these Natural Earth features and China are internal (special administrative
 * regions), not international land borders, and are left out of borders.geojson.
 */
const CHINA_SARS = new Set(['Hong Kong', 'Macao']);

type LabelKind = 'country' | 'capital' | 'archipelago' | 'sea';
interface Label {
  name_vi: string;
  name_en: string;
  kind: LabelKind;
  lon: number;
  lat: number;
  /** For country labels: the Natural Earth name of the country the point must fall inside. */
  inside?: string;
}

/** Hand-placed, approximate label points. Country points are checked to lie inside their land. */
const LABELS: Label[] = [
  { ...VIETNAM_NAMES, kind: 'country', lon: 107.9, lat: 14.3, inside: NE_VIETNAM_NAME },
  {
    name_vi: 'Hà Nội',
    name_en: 'Hanoi',
    kind: 'capital',
    lon: 105.8542,
    lat: 21.0285,
    inside: NE_VIETNAM_NAME,
  },
  {
    name_vi: 'Quần đảo Hoàng Sa (Việt Nam)',
    name_en: 'Paracel Islands (Viet Nam)',
    kind: 'archipelago',
    lon: 112.0,
    lat: 16.5,
  },
  {
    name_vi: 'Quần đảo Trường Sa (Việt Nam)',
    name_en: 'Spratly Islands (Viet Nam)',
    kind: 'archipelago',
    lon: 114.3,
    lat: 10.0,
  },
  { name_vi: 'Biển Đông', name_en: 'East Sea', kind: 'sea', lon: 113.5, lat: 13.5 },
  { ...country('Laos'), kind: 'country', lon: 102.9, lat: 19.6, inside: 'Laos' },
  { ...country('Cambodia'), kind: 'country', lon: 104.9, lat: 12.7, inside: 'Cambodia' },
  { ...country('Thailand'), kind: 'country', lon: 101.0, lat: 15.5, inside: 'Thailand' },
  { ...country('China'), kind: 'country', lon: 110.0, lat: 26.0, inside: 'China' },
  { ...country('Myanmar'), kind: 'country', lon: 96.0, lat: 20.5, inside: 'Myanmar' },
  { ...country('Malaysia'), kind: 'country', lon: 102.2, lat: 4.2, inside: 'Malaysia' },
  { ...country('Indonesia'), kind: 'country', lon: 114.0, lat: 0.0, inside: 'Indonesia' },
  { ...country('Philippines'), kind: 'country', lon: 121.0, lat: 16.5, inside: 'Philippines' },
  { ...country('Brunei'), kind: 'country', lon: 114.7, lat: 4.6, inside: 'Brunei' },
  { ...country('India'), kind: 'country', lon: 93.6, lat: 25.6, inside: 'India' },
];

function country(neName: string): { name_vi: string; name_en: string } {
  const names = COUNTRY_NAMES[neName];
  if (!names) throw new Error(`no names for ${neName}`);
  return names;
}

// ---------------------------------------------------------------------------------------------
// Paths and input

const geodataDir = new URL('..', import.meta.url);
const worldAtlasDir = new URL('../node_modules/world-atlas/', geodataDir);
const outDir = new URL('basemap/', geodataDir);

function readTopology(file: string): Topology {
  const url = new URL(file, worldAtlasDir);
  const parsed: unknown = JSON.parse(fs.readFileSync(url, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || (parsed as { type?: unknown }).type !== 'Topology') {
    throw new Error(`${fileURLToPath(url)} is not a TopoJSON topology`);
  }
  return parsed as Topology;
}

function topoObject(topology: Topology, name: string): TopoGeometry {
  const object = topology.objects[name];
  if (!object) throw new Error(`topology has no object "${name}"`);
  return object as TopoGeometry;
}

/** The features of a topology's geometry collection. */
function featuresOf(topology: Topology, name: string): Feature[] {
  const result = topojson.feature(topology, topoObject(topology, name));
  if (result.type !== 'FeatureCollection') throw new Error(`object "${name}" is not a collection`);
  return result.features;
}

function neName(feature: { properties?: unknown }): string {
  const props = feature.properties;
  if (typeof props === 'object' && props !== null) {
    const name = (props as { name?: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return '';
}

function toXY(position: readonly number[]): XY {
  const [x, y] = position;
  if (x === undefined || y === undefined) throw new Error('position with fewer than two coordinates');
  return [x, y];
}

/** The polygon parts of a feature (Polygon or MultiPolygon; anything else has none). */
function polygonParts(feature: Feature): Rings[] {
  const g = feature.geometry;
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates.map((ring) => ring.map(toXY))];
  if (g.type === 'MultiPolygon') return g.coordinates.map((poly) => poly.map((ring) => ring.map(toXY)));
  return [];
}

// ---------------------------------------------------------------------------------------------
// Geometry helpers

const factor = 10 ** DECIMALS;
function round(v: number): number {
  const r = Math.round(v * factor) / factor;
  return r === 0 ? 0 : r; // no -0
}

function partBBox(rings: Rings): BBox {
  const b = bboxOf(rings[0] ?? []);
  if (!b) throw new Error('empty polygon');
  return b;
}

function bboxSize(b: BBox): [number, number] {
  return [b[2] - b[0], b[3] - b[1]];
}

/** Twice the signed planar area; positive for counter-clockwise rings. */
function signedArea2(ring: readonly XY[]): number {
  let s = 0;
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1] as XY;
    const b = ring[i] as XY;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s;
}

/** Rounds a closed ring, drops repeated points; returns null if fewer than 3 distinct points remain. */
function roundRing(ring: readonly XY[]): XY[] | null {
  const out: XY[] = [];
  for (const p of ring) {
    const q: XY = [round(p[0]), round(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  if (out.length < 4 || signedArea2(out) === 0) return null;
  return out;
}

/**
 * Rounds a polygon and winds it per RFC 7946 (outer ring counter-clockwise, holes clockwise).
 * Returns null when the outer ring collapses.
 */
function finishPolygon(rings: Rings): Rings | null {
  const out: Rings = [];
  for (const [i, ring] of rings.entries()) {
    const r = roundRing(ring);
    if (!r) {
      if (i === 0) return null;
      continue;
    }
    const ccw = signedArea2(r) > 0;
    if ((i === 0) !== ccw) r.reverse();
    out.push(r);
  }
  return out;
}

function finishLine(line: readonly XY[]): XY[] | null {
  const out: XY[] = [];
  for (const p of line) {
    const q: XY = [round(p[0]), round(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out.length >= 2 ? out : null;
}

function pointInRing(p: XY, ring: readonly XY[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i] as XY;
    const b = ring[j] as XY;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) {
      inside = !inside;
    }
  }
  return inside;
}

function pointInParts(p: XY, parts: readonly Rings[]): boolean {
  return parts.some(
    ([outer, ...holes]) =>
      outer !== undefined && pointInRing(p, outer) && !holes.some((h) => pointInRing(p, h)),
  );
}

function clipParts(parts: readonly Rings[]): Rings[] {
  const out: Rings[] = [];
  for (const part of parts) {
    if (!bboxIntersects(partBBox(part), REGION)) continue;
    const clipped = clipPolygon(part, REGION);
    if (clipped) out.push(clipped);
  }
  return out;
}

function finishParts(parts: readonly Rings[]): Rings[] {
  return parts.map(finishPolygon).filter((p): p is Rings => p !== null);
}

function writeGeoJSON(file: string, fc: FeatureCollection): number {
  const url = new URL(file, outDir);
  const text = JSON.stringify(fc);
  fs.writeFileSync(url, text);
  return Buffer.byteLength(text);
}

const fmtBBox = (b: BBox) => `[${b.map((v) => v.toFixed(3)).join(', ')}]`;

// ---------------------------------------------------------------------------------------------
// Build

fs.mkdirSync(outDir, { recursive: true });
const sizes: Record<string, number> = {};

// Countries: find the Hoàng Sa and Trường Sa islets and move them to Viet Nam.
const countriesTopo = readTopology('countries-10m.json');
const countryFeatures = featuresOf(countriesTopo, 'countries');

type Archipelago = 'Hoàng Sa' | 'Trường Sa';
interface Islet {
  archipelago: Archipelago;
  from: string;
  index: number;
  part: Rings;
}
const islets: Islet[] = [];
/** Country parts that stay with their country (islets removed), by Natural Earth name. */
const keptParts = new Map<string, Rings[]>();
let vietnamParts: Rings[] | null = null;

for (const f of countryFeatures) {
  const name = neName(f);
  const parts = polygonParts(f);
  if (name === NE_VIETNAM_NAME) {
    vietnamParts = parts;
    continue;
  }
  const kept: Rings[] = [];
  for (const [index, part] of parts.entries()) {
    const b = partBBox(part);
    const [w, h] = bboxSize(b);
    let archipelago: Archipelago | null = null;
    if (bboxWithin(b, PARACEL_BOX)) archipelago = 'Hoàng Sa';
    else if (name === NE_SPRATLY_NAME) archipelago = 'Trường Sa';
    else if (bboxWithin(b, SPRATLY_BOX)) {
      if (w < SPRATLY_ISLET_MAX_DEG && h < SPRATLY_ISLET_MAX_DEG) archipelago = 'Trường Sa';
      else console.log(`  kept with ${name}: part ${index} ${fmtBBox(b)} (too large for a Spratly islet)`);
    }
    if (archipelago) islets.push({ archipelago, from: name, index, part });
    else kept.push(part);
  }
  if (name === NE_SPRATLY_NAME && kept.length > 0) throw new Error('Spratly parts left behind');
  if (kept.length > 0) keptParts.set(name, kept);
}
if (!vietnamParts) throw new Error(`no "${NE_VIETNAM_NAME}" feature in countries-10m`);

console.log('Islet parts moved to Viet Nam:');
for (const a of ['Hoàng Sa', 'Trường Sa'] as const) {
  const list = islets.filter((i) => i.archipelago === a);
  console.log(`  ${a}: ${list.length}`);
  for (const i of list) console.log(`    ${i.from} part ${i.index} ${fmtBBox(partBBox(i.part))}`);
}
if (!islets.some((i) => i.archipelago === 'Hoàng Sa') || !islets.some((i) => i.archipelago === 'Trường Sa')) {
  throw new Error('found no Hoàng Sa or no Trường Sa islets: has the source data changed?');
}

// vietnam.geojson — not clipped: all of it lies inside the region.
const vietnamAll = [...vietnamParts, ...islets.map((i) => i.part)];
for (const part of vietnamAll) {
  if (!bboxWithin(partBBox(part), REGION)) throw new Error('part of Viet Nam lies outside the region');
}
const vietnamFinished = finishParts(vietnamAll);
if (vietnamFinished.length !== vietnamAll.length) throw new Error('a Viet Nam part collapsed when rounding');
const vietnamFeature: Feature<MultiPolygon> = {
  type: 'Feature',
  properties: { ...VIETNAM_NAMES },
  geometry: { type: 'MultiPolygon', coordinates: vietnamFinished },
};
sizes['vietnam.geojson'] = writeGeoJSON('vietnam.geojson', {
  type: 'FeatureCollection',
  features: [vietnamFeature],
});

// The other countries, clipped, islets removed.
const clippedByName = new Map<string, Rings[]>();
for (const [name, parts] of keptParts) {
  const clipped = finishParts(clipParts(parts));
  if (clipped.length === 0) continue;
  if (NE_UNASSIGNED.has(name)) {
    console.log(`  left out of countries.geojson (neutral land only): ${name}`);
    continue;
  }
  const names = COUNTRY_NAMES[name];
  if (!names) throw new Error(`no Vietnamese/English names for "${name}", which lies in the region`);
  clippedByName.set(name, clipped);
}
// Not written out: the style fills land once and draws borders; the clipped countries only serve to
// check that each label point lies inside its own country.

// land.geojson — neutral land, clipped.
// land-10m is quantized separately from countries-10m, so islets are matched by box, with a margin.
const margin = 0.005;
const isletBoxes: BBox[] = islets.map((i) => {
  const b = partBBox(i.part);
  return [b[0] - margin, b[1] - margin, b[2] + margin, b[3] + margin];
});
const isIslet = (b: BBox) => isletBoxes.some((ib) => bboxWithin(b, ib));
const landTopo = readTopology('land-10m.json');
const landParts = featuresOf(landTopo, 'land').flatMap(polygonParts);
let droppedSmall = 0;
const landKept = clipParts(landParts).filter((part) => {
  if (MIN_LAND_PART_DEG <= 0) return true;
  const b = partBBox(part);
  const [w, h] = bboxSize(b);
  if (w >= MIN_LAND_PART_DEG || h >= MIN_LAND_PART_DEG || isIslet(b)) return true;
  droppedSmall++;
  return false;
});
// Some islets of countries-10m have no counterpart in land-10m: add them, so that land.geojson
// holds every Hoàng Sa and Trường Sa islet too.
const landBoxes = landKept.map(partBBox);
for (const [k, islet] of islets.entries()) {
  const ib = isletBoxes[k] as BBox;
  if (!landBoxes.some((lb) => bboxWithin(lb, ib))) {
    console.log(
      `  added to land (missing from land-10m): ${islet.archipelago} ${fmtBBox(partBBox(islet.part))}`,
    );
    landKept.push(islet.part);
  }
}
const landFinished = finishParts(landKept);
sizes['land.geojson'] = writeGeoJSON('land.geojson', {
  type: 'FeatureCollection',
  features: landFinished.map((coordinates) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates },
  })),
});

// borders.geojson — shared land boundaries, one feature per pair of countries, clipped.
const countriesObject = topoObject(countriesTopo, 'countries');
if (countriesObject.type !== 'GeometryCollection') throw new Error('countries is not a GeometryCollection');
const geometries = countriesObject.geometries;
const neighbourLists = topojson.neighbors(geometries);
const displayNames = (name: string) =>
  name === NE_VIETNAM_NAME ? VIETNAM_NAMES : (COUNTRY_NAMES[name] ?? { name_vi: name, name_en: name });
const borderOut: Feature<MultiLineString>[] = [];
for (const [i, list] of neighbourLists.entries()) {
  for (const j of list) {
    if (j <= i) continue;
    const a = geometries[i];
    const b = geometries[j];
    if (!a || !b) continue;
    const nameA = neName(a);
    const nameB = neName(b);
    const pair = [nameA, nameB];
    if (pair.includes('China') && pair.some((n) => CHINA_SARS.has(n))) {
      console.log(`  not a border: ${nameA} – ${nameB}`);
      continue;
    }
    const mesh = topojson.mesh(
      countriesTopo,
      countriesObject,
      (x, y) => (x === a && y === b) || (x === b && y === a),
    );
    const lines = mesh.coordinates
      .flatMap((line) => clipLine(line.map(toXY), REGION))
      .map(finishLine)
      .filter((l): l is XY[] => l !== null);
    if (lines.length === 0) continue;
    if (NE_UNASSIGNED.has(nameA) || NE_UNASSIGNED.has(nameB) || [nameA, nameB].includes(NE_SPRATLY_NAME)) {
      throw new Error(`unexpected land border ${nameA} – ${nameB}`);
    }
    const [first, second] = [displayNames(nameA), displayNames(nameB)].sort((p, q) =>
      p.name_en.localeCompare(q.name_en),
    ) as [{ name_vi: string; name_en: string }, { name_vi: string; name_en: string }];
    borderOut.push({
      type: 'Feature',
      properties: {
        name_vi: `${first.name_vi} – ${second.name_vi}`,
        name_en: `${first.name_en} – ${second.name_en}`,
        vietnam: nameA === NE_VIETNAM_NAME || nameB === NE_VIETNAM_NAME,
      },
      geometry: { type: 'MultiLineString', coordinates: lines },
    });
  }
}
borderOut.sort((p, q) => String(p.properties?.name_en).localeCompare(String(q.properties?.name_en)));
sizes['borders.geojson'] = writeGeoJSON('borders.geojson', {
  type: 'FeatureCollection',
  features: borderOut,
});

// labels.geojson — hand-placed points, checked against the land they name.
const labelOut: Feature<Point>[] = [];
for (const label of LABELS) {
  const p: XY = [label.lon, label.lat];
  if (label.inside) {
    const parts = label.inside === NE_VIETNAM_NAME ? vietnamFinished : clippedByName.get(label.inside);
    if (!parts || !pointInParts(p, parts)) {
      throw new Error(`label "${label.name_en}" at ${label.lon}, ${label.lat} is not inside ${label.inside}`);
    }
  }
  labelOut.push({
    type: 'Feature',
    properties: { name_vi: label.name_vi, name_en: label.name_en, kind: label.kind },
    geometry: { type: 'Point', coordinates: [round(label.lon), round(label.lat)] },
  });
}
sizes['labels.geojson'] = writeGeoJSON('labels.geojson', { type: 'FeatureCollection', features: labelOut });

console.log('Wrote geodata/basemap/:');
const counts: Record<string, number> = {
  'land.geojson': landFinished.length,
  'vietnam.geojson': 1,
  'borders.geojson': borderOut.length,
  'labels.geojson': labelOut.length,
};
for (const [file, bytes] of Object.entries(sizes)) {
  console.log(`  ${file.padEnd(18)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB  ${counts[file]} features`);
}
if (droppedSmall > 0)
  console.log(`  (dropped ${droppedSmall} land parts smaller than ${MIN_LAND_PART_DEG}°)`);
console.log(`  countries: ${[...clippedByName.keys()].join(', ')}`);
console.log(`  borders: ${borderOut.map((f) => f.properties?.name_en).join('; ')}`);
