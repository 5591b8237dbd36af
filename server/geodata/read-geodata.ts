import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ClusterFeatureCollection } from '../../domain/cluster.ts';
import { Province } from '../../domain/province.ts';
import { Source } from '../../domain/source.ts';

export const defaultGeodataDir = new URL('../../geodata/', import.meta.url);

/** The bundle shipped in geodata/: sources, provinces and each province's clusters. */
export type GeodataBundle = {
  sources: Source[];
  provinces: Province[];
  clusters: ClusterFeatureCollection;
  /** Hash of the files as read, so the same bundle is loaded once. */
  contentHash: string;
};

/**
 * Reads and validates geodata/. Throws with the file and the field at fault, so a bad edit to the
 * shipped data stops the start instead of loading half of it.
 */
export function readGeodata(dir: URL = defaultGeodataDir): GeodataBundle {
  const hash = createHash('sha256');
  const read = <T extends z.ZodType>(path: string, schema: T): z.infer<T> => {
    const text = readFileSync(new URL(path, dir), 'utf8');
    hash.update(path).update(text);
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`geodata/${path}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  };
  const sources = read('sources.json', z.array(Source));
  const provinces = read('provinces.json', z.array(Province));
  const features = provinces.flatMap(
    (province) => read(`${province.id}/clusters.geojson`, ClusterFeatureCollection).features,
  );
  checkReferences(sources, provinces, features);
  return {
    sources,
    provinces,
    clusters: { type: 'FeatureCollection', features },
    contentHash: hash.digest('hex'),
  };
}

/** Every source id a record cites, at any depth (`sourceId`, `stageSourceId`, `sourceIds`). */
function citedSourceIds(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) citedSourceIds(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'sourceId' || key === 'stageSourceId') && typeof item === 'string') found.add(item);
      else if (key === 'sourceIds' && Array.isArray(item)) for (const id of item) found.add(String(id));
      else citedSourceIds(item, found);
    }
  }
  return found;
}

/** Every source a record cites must be in sources.json, every cluster in a listed province. */
function checkReferences(
  sources: Source[],
  provinces: Province[],
  features: ClusterFeatureCollection['features'],
) {
  const sourceIds = new Set(sources.map((source) => source.id));
  const provinceIds = new Set(provinces.map((province) => province.id));
  for (const record of [...provinces, ...features.map((feature) => feature.properties)]) {
    for (const id of citedSourceIds(record))
      if (!sourceIds.has(id)) throw new Error(`geodata: "${record.id}" cites unknown source "${id}"`);
  }
  for (const { properties } of features) {
    if (!provinceIds.has(properties.provinceId))
      throw new Error(
        `geodata: cluster "${properties.id}" is in unknown province "${properties.provinceId}"`,
      );
  }
}
