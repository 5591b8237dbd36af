import { describe, expect, test } from 'vitest';
import { readKml } from './kml.ts';

const placemark = `<Placemark><name>CCN Song Cau</name><ExtendedData><Data name="ghi_chu"><value>thử</value></Data></ExtendedData>
  <Polygon><outerBoundaryIs><LinearRing><coordinates>108.97,12.28,0 108.98,12.28,0 108.98,12.29,0 108.97,12.28,0</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;
const document = (body: string, prologue = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${prologue}<kml xmlns="http://www.opengis.net/kml/2.2"><Document>${body}</Document></kml>`;

describe('KML reader', () => {
  test('reads placemarks as WGS84 features with their name and extended data', () => {
    const { features, crs } = readKml(document(placemark));
    expect(crs).toEqual({ kind: 'wgs84' });
    expect(features).toHaveLength(1);
    expect(features[0]?.properties).toMatchObject({ name: 'CCN Song Cau', ghi_chu: 'thử' });
    expect(features[0]?.geometry?.type).toBe('Polygon');
  });

  test('refuses an external entity before parsing, so no file is read', () => {
    const hostile = document(
      '<Placemark><name>&x;</name></Placemark>',
      '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    );
    expect(() => readKml(hostile)).toThrow(/DOCTYPE\/ENTITY declaration — refused/);
  });

  test('refuses entity expansion ("billion laughs")', () => {
    const laughs = [
      '<!DOCTYPE kml [',
      '<!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index || ''};`.repeat(10)}">`,
      ),
      ']>',
    ].join('');
    expect(() => readKml(document('<Placemark><name>&lol9;</name></Placemark>', laughs))).toThrow(/XXE/);
  });

  test('refuses what is not KML', () => {
    expect(() => readKml('<gpx></gpx>')).toThrow(/root element <gpx>/);
    expect(() => readKml('not xml')).toThrow(/cannot be read/);
  });
});
