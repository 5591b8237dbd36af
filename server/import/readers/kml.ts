import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { CrsChoice } from '../../../domain/crs.ts';
import { ImportFileError } from '../problems.ts';
import type { SourceFeature } from '../reproject.ts';

/** KML's own styling and metadata, which togeojson turns into properties; not reported as unknown. */
export const kmlStyleProperties = [
  'styleUrl',
  'styleHash',
  'styleMap',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'fill',
  'fill-opacity',
  'visibility',
  'icon',
  'icon-scale',
  'icon-color',
  'icon-opacity',
  'label-scale',
  'label-color',
  'label-opacity',
  'timespan',
  'timestamp',
] as const;

/**
 * Reads a KML document into features. KML is WGS84 longitude/latitude by definition, so no CRS is
 * taken from the user. A document type declaration (`<!DOCTYPE`, `<!ENTITY`) is refused before any
 * parsing: it is how external entities (reading files, calling the network) and entity expansion
 * ("billion laughs") get in, and real KML never needs one. Nothing is ever fetched.
 */
export function readKml(source: string): { features: SourceFeature[]; crs: CrsChoice; crsFrom: 'file' } {
  if (/<!\s*(DOCTYPE|ENTITY)/i.test(source)) {
    throw new ImportFileError(
      'Tệp KML có khai báo DOCTYPE/ENTITY — bị từ chối vì có thể đọc tệp hệ thống hoặc nở dung lượng (XXE, "billion laughs").',
      'The KML has a DOCTYPE/ENTITY declaration — refused: it can read server files or blow up in size (XXE, "billion laughs").',
    );
  }
  const errors: string[] = [];
  let document: ReturnType<DOMParser['parseFromString']> | null = null;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(source, 'text/xml');
  } catch (error) {
    errors.push((error as Error).message);
  }
  const root = document?.documentElement;
  if (errors.length > 0 || !document || !root || root.localName !== 'kml') {
    const detail = errors[0] ?? `root element <${root?.nodeName ?? '?'}>`;
    throw new ImportFileError(`Tệp KML không đọc được: ${detail}`, `The KML cannot be read: ${detail}`);
  }
  const collection = kml(document as unknown as Document);
  const features = collection.features.map((feature) => ({
    geometry: feature.geometry ?? null,
    properties: { ...feature.properties },
  }));
  return { features, crs: { kind: 'wgs84' }, crsFrom: 'file' };
}
