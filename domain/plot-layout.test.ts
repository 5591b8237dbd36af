import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import turfArea from '@turf/area';
import intersect from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { ZodError } from 'zod';
import { measureArea } from './area.ts';
import type { PlotLayoutParametersInput } from './plot.ts';
import { type GeneratedPlot, generatePlotLayout } from './plot-layout.ts';

// Fixtures in Turf's style: `fixtures/plot-layout/in/<name>.geojson` (parameters in the properties) →
// `fixtures/plot-layout/out/<name>.json`, a FeatureCollection of the plots with the layout's figures as a
// foreign member. `REGEN=1 npx vitest run --project unit domain/plot-layout` rewrites the expected
// files; review the diff before committing it.
const fixturesUrl = new URL('./fixtures/plot-layout/', import.meta.url);
type LayoutFixture = Feature<Polygon | MultiPolygon, PlotLayoutParametersInput & { description: string }>;

const fixtures = readdirSync(new URL('in/', fixturesUrl))
  .filter((file) => file.endsWith('.geojson'))
  .sort()
  .map((file) => ({
    name: file.replace(/\.geojson$/, ''),
    feature: JSON.parse(readFileSync(new URL(`in/${file}`, fixturesUrl), 'utf8')) as LayoutFixture,
  }));

const fixture = (name: string) => {
  const found = fixtures.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found.feature;
};

/**
 * JSON as Biome formats it (so the expected files pass `biome check`): two spaces, objects spread over
 * lines, arrays of numbers or arrays on one line when that line fits in 110 columns.
 */
function asJson(value: unknown, indent = '', head = '', tail = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const oneLine = `${head}${JSON.stringify(value).replaceAll(',', ', ')}${tail}`;
    const flat = value.every((item) => typeof item === 'number' || Array.isArray(item));
    if (value.length === 0 || (flat && oneLine.length <= 110)) return oneLine;
    const items = value.map((item, index) => asJson(item, inner, inner, index < value.length - 1 ? ',' : ''));
    return `${head}[\n${items.join('\n')}\n${indent}]${tail}`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return `${head}{}${tail}`;
    const members = entries.map(([key, member], index) =>
      asJson(member, inner, `${inner}${JSON.stringify(key)}: `, index < entries.length - 1 ? ',' : ''),
    );
    return `${head}{\n${members.join('\n')}\n${indent}}${tail}`;
  }
  return `${head}${JSON.stringify(value)}${tail}`;
}

/** Coordinates to 6 decimals (~10 cm) and areas to 0.1 m², so the expected files do not churn. */
const truncate = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

function expectedOutput(feature: LayoutFixture) {
  const layout = generatePlotLayout(feature.geometry, feature.properties);
  return {
    type: 'FeatureCollection',
    layout: {
      plotCount: layout.plots.length,
      plotAreaM2: truncate(
        layout.plots.reduce((sum, plot) => sum + plot.areaM2, 0),
        1,
      ),
      roadAreaM2: truncate(layout.roadAreaM2, 1),
      boundaryAreaM2: truncate(layout.boundaryAreaM2, 1),
    },
    features: layout.plots.map((plot) => ({
      type: 'Feature',
      properties: { label: plot.label, areaM2: truncate(plot.areaM2, 1) },
      geometry: {
        type: 'Polygon',
        coordinates: plot.geometry.coordinates.map((ring) =>
          ring.map((position) => position.map((degrees) => truncate(degrees, 6))),
        ),
      },
    })),
  };
}

describe('generatePlotLayout fixtures', () => {
  test('there are fixtures to run', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
  });

  for (const { name, feature } of fixtures) {
    test(`${name}: ${feature.properties.description}`, () => {
      const actual = expectedOutput(feature);
      const outUrl = new URL(`out/${name}.json`, fixturesUrl);
      if (process.env.REGEN) {
        mkdirSync(new URL('out/', fixturesUrl), { recursive: true });
        writeFileSync(outUrl, `${asJson(actual)}\n`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(outUrl, 'utf8')));
    });
  }
});

// Helpers for the behaviour tests, in lon/lat with a local metre scale (good to well under 1% over a
// cluster, which is all a 1 cm tolerance needs).
const metresPerDegreeLatitude = 110_600;
const metresPerDegreeLongitude = (latitude: number) => 111_320 * Math.cos((latitude * Math.PI) / 180);

function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

/** Even–odd ray cast over all rings (holes and parts included). */
function insideRings([longitude = 0, latitude = 0]: Position, rings: Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
      const [x1 = 0, y1 = 0] = ring[index] ?? [];
      const [x2 = 0, y2 = 0] = ring[previous] ?? [];
      if (y1 > latitude !== y2 > latitude && longitude < ((x2 - x1) * (latitude - y1)) / (y2 - y1) + x1) {
        inside = !inside;
      }
    }
  }
  return inside;
}

/** Distance in metres from the point to the nearest edge of the rings. */
function distanceToRingsM([longitude = 0, latitude = 0]: Position, rings: Position[][]): number {
  const kx = metresPerDegreeLongitude(latitude);
  const ky = metresPerDegreeLatitude;
  let nearest = Number.POSITIVE_INFINITY;
  for (const ring of rings) {
    for (let index = 0; index + 1 < ring.length; index++) {
      const [ax = 0, ay = 0] = ring[index] ?? [];
      const [bx = 0, by = 0] = ring[index + 1] ?? [];
      const [px, py] = [(longitude - ax) * kx, (latitude - ay) * ky];
      const [dx, dy] = [(bx - ax) * kx, (by - ay) * ky];
      const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy || 1)));
      nearest = Math.min(nearest, Math.hypot(px - t * dx, py - t * dy));
    }
  }
  return nearest;
}

function signedRingArea(ring: Position[]): number {
  let twiceArea = 0;
  for (let index = 0; index + 1 < ring.length; index++) {
    const [x1 = 0, y1 = 0] = ring[index] ?? [];
    const [x2 = 0, y2 = 0] = ring[index + 1] ?? [];
    twiceArea += x1 * y2 - x2 * y1;
  }
  return twiceArea / 2;
}

/** Labels in layout order: block letters as spreadsheet columns (A…Z, AA…), then the plot number. */
function compareLabels(first: string, second: string): number {
  const [firstBlock = '', firstNumber = ''] = first.split('-');
  const [secondBlock = '', secondNumber = ''] = second.split('-');
  return (
    firstBlock.length - secondBlock.length ||
    firstBlock.localeCompare(secondBlock) ||
    Number(firstNumber) - Number(secondNumber)
  );
}

const isFullPlot = (plot: GeneratedPlot, parameters: PlotLayoutParametersInput) =>
  plot.areaM2 >= parameters.plotWidthM * parameters.plotDepthM * (1 - 1e-9);

/** An ellipse of about `areaHa` hectares near Khánh Hòa, 48 vertices, lon/lat. */
function ellipse(areaHa: number, aspect: number): Polygon {
  const [longitude, latitude] = [109.1, 12.3];
  const semiMinorM = Math.sqrt((areaHa * 10_000) / (Math.PI * aspect));
  const ring = Array.from({ length: 48 }, (_, index) => {
    const angle = (2 * Math.PI * index) / 48;
    return [
      longitude + (aspect * semiMinorM * Math.cos(angle)) / metresPerDegreeLongitude(latitude),
      latitude + (semiMinorM * Math.sin(angle)) / metresPerDegreeLatitude,
    ];
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0] ?? []]] };
}

describe('generatePlotLayout', () => {
  test('puts every vertex of every plot inside the boundary, to within 1 cm', () => {
    for (const { feature } of fixtures) {
      const rings = ringsOf(feature.geometry);
      for (const plot of generatePlotLayout(feature.geometry, feature.properties).plots) {
        for (const position of plot.geometry.coordinates.flat()) {
          const inside = insideRings(position, rings) || distanceToRingsM(position, rings) <= 0.01;
          expect(inside, `${plot.label} at ${position.join(', ')}`).toBe(true);
        }
      }
    }
  });

  test('makes plots that do not overlap', () => {
    for (const { feature } of fixtures) {
      const layout = generatePlotLayout(feature.geometry, feature.properties);
      const plotAreaM2 = layout.plots.reduce((sum, plot) => sum + plot.areaM2, 0);
      expect(plotAreaM2 + layout.roadAreaM2).toBeLessThanOrEqual(layout.boundaryAreaM2 + 1);
    }
    const { plots } = generatePlotLayout(
      fixture('song-cau-hexagon').geometry,
      fixture('song-cau-hexagon').properties,
    );
    const bounds = plots.map(({ geometry }) => {
      const positions = geometry.coordinates.flat();
      const longitudes = positions.map(([longitude = 0]) => longitude);
      const latitudes = positions.map(([, latitude = 0]) => latitude);
      return [
        Math.min(...longitudes),
        Math.min(...latitudes),
        Math.max(...longitudes),
        Math.max(...latitudes),
      ];
    });
    let pairsChecked = 0;
    plots.forEach((first, i) => {
      plots.forEach((second, j) => {
        const [a, b] = [bounds[i] ?? [], bounds[j] ?? []];
        if (j <= i || (a[2] ?? 0) < (b[0] ?? 0) || (b[2] ?? 0) < (a[0] ?? 0)) return;
        if ((a[3] ?? 0) < (b[1] ?? 0) || (b[3] ?? 0) < (a[1] ?? 0)) return;
        pairsChecked++;
        const shared = intersect({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: {}, geometry: first.geometry },
            { type: 'Feature', properties: {}, geometry: second.geometry },
          ],
        });
        // Rounding to 1 cm may leave a sliver of a few cm² along a shared side.
        expect(shared === null ? 0 : turfArea(shared), `${first.label} and ${second.label}`).toBeLessThan(
          0.05,
        );
      });
    });
    expect(pairsChecked).toBeGreaterThan(100);
  });

  test('makes full plots of width × depth, to within 0.5% on the ellipsoid', () => {
    for (const { feature } of fixtures) {
      const parameters = feature.properties;
      const fullAreaM2 = parameters.plotWidthM * parameters.plotDepthM;
      const full = generatePlotLayout(feature.geometry, parameters).plots.filter((plot) =>
        isFullPlot(plot, parameters),
      );
      for (const plot of full) {
        const { geodesicHectares } = measureArea(plot.geometry, { centralMeridianDegrees: null });
        expect(Math.abs((geodesicHectares * 10_000) / fullAreaM2 - 1), plot.label).toBeLessThan(0.005);
      }
      // Four corners, but for a plot whose corner the boundary nicks by less than 0.005 m².
      const rectangles = full.filter((plot) => plot.geometry.coordinates[0]?.length === 5);
      expect(rectangles.length).toBeGreaterThanOrEqual(full.length - 1);
    }
  });

  test('makes fewer plots when the roads are wider', () => {
    const { geometry, properties } = fixture('song-cau-hexagon');
    const counts = [6, 12, 24, 48].map(
      (roadWidthM) => generatePlotLayout(geometry, { ...properties, roadWidthM }).plots.length,
    );
    expect(counts).toEqual([...counts].sort((first, second) => second - first));
    expect(new Set(counts).size).toBe(counts.length);
  });

  test('keeps only full plots when minPlotShare is 1', () => {
    for (const { feature } of fixtures) {
      const parameters = { ...feature.properties, minPlotShare: 1 };
      const strict = generatePlotLayout(feature.geometry, parameters);
      const lenient = generatePlotLayout(feature.geometry, { ...parameters, minPlotShare: 0 });
      expect(strict.plots.every((plot) => isFullPlot(plot, parameters))).toBe(true);
      expect(strict.plots.length).toBe(lenient.plots.filter((plot) => isFullPlot(plot, parameters)).length);
    }
  });

  test('drops plots clipped to less than minPlotShare of a full plot', () => {
    for (const { feature } of fixtures) {
      const parameters = { minPlotShare: 0.5, ...feature.properties };
      const fullAreaM2 = parameters.plotWidthM * parameters.plotDepthM;
      for (const plot of generatePlotLayout(feature.geometry, parameters).plots) {
        expect(plot.areaM2).toBeGreaterThanOrEqual(parameters.minPlotShare * fullAreaM2 - 0.01);
      }
    }
  });

  test('labels plots uniquely, block letter then two-digit number, in label order', () => {
    for (const { feature } of fixtures) {
      const labels = generatePlotLayout(feature.geometry, feature.properties).plots.map((plot) => plot.label);
      expect(new Set(labels).size).toBe(labels.length);
      expect(labels).toEqual([...labels].sort(compareLabels));
      for (const label of labels) expect(label).toMatch(/^[A-Z]+-\d{2,}$/);
    }
  });

  test('letters blocks on past Z as AA, AB, …', () => {
    const { geometry } = fixture('song-cau-hexagon');
    const parameters = { plotWidthM: 10, plotDepthM: 10, roadWidthM: 4 };
    const labels = generatePlotLayout(geometry, parameters).plots.map((plot) => plot.label);
    expect(labels).toContain('Z-01');
    expect(labels).toContain('AA-01');
  });

  test('starts lettering at the north-west and numbering from 1 in each block', () => {
    const { geometry, properties } = fixture('rotated-rectangle');
    const { plots } = generatePlotLayout(geometry, properties);
    const northWestness = (plot: GeneratedPlot) => {
      const ring = plot.geometry.coordinates[0] ?? [];
      return Math.max(...ring.map(([longitude = 0, latitude = 0]) => latitude * 1.02 - longitude));
    };
    const first = plots[0];
    expect(first?.label).toBe('A-01');
    const mostNorthWestern = [...plots].sort((a, b) => northWestness(b) - northWestness(a))[0];
    expect(mostNorthWestern?.label.startsWith('A-')).toBe(true);
    const blocks = new Set(plots.map((plot) => plot.label.split('-')[0]));
    for (const block of blocks) expect(plots.some((plot) => plot.label === `${block}-01`)).toBe(true);
  });

  test('turns the grid with a rotated cluster: plot sides run 30° off north', () => {
    const { geometry, properties } = fixture('rotated-rectangle');
    const full = generatePlotLayout(geometry, properties).plots.filter((plot) =>
      isFullPlot(plot, properties),
    );
    expect(full.length).toBeGreaterThan(100);
    for (const plot of full) {
      const [[x1 = 0, y1 = 0] = [], [x2 = 0, y2 = 0] = []] = plot.geometry.coordinates[0] ?? [];
      const bearingDegrees =
        (Math.atan2((x2 - x1) * metresPerDegreeLongitude(y1), (y2 - y1) * metresPerDegreeLatitude) * 180) /
        Math.PI;
      const offGrid = (((bearingDegrees - 30) % 90) + 90) % 90;
      expect(Math.min(offGrid, 90 - offGrid), plot.label).toBeLessThan(0.2);
    }
  });

  test('gives closed rings, the outer one counter-clockwise, at 7 decimals', () => {
    for (const { feature } of fixtures) {
      for (const plot of generatePlotLayout(feature.geometry, feature.properties).plots) {
        const [outer = [], ...holes] = plot.geometry.coordinates;
        for (const ring of [outer, ...holes]) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          for (const degrees of ring.flat()) expect(Math.round(degrees * 1e7) / 1e7).toBe(degrees);
        }
        expect(signedRingArea(outer)).toBeGreaterThan(0);
        for (const hole of holes) expect(signedRingArea(hole)).toBeLessThan(0);
      }
    }
  });

  test('gives no plots for a boundary too small to hold one', () => {
    const { geometry, properties } = fixture('too-small');
    const layout = generatePlotLayout(geometry, properties);
    expect(layout.plots).toEqual([]);
    expect(layout.boundaryAreaM2).toBeCloseTo(900, -1);
  });

  test('gives the same layout for the same input', () => {
    const { geometry, properties } = fixture('khanh-hoa-with-hole');
    expect(generatePlotLayout(geometry, properties)).toEqual(
      generatePlotLayout(structuredClone(geometry), properties),
    );
  });

  test('does not mutate its input', () => {
    for (const { feature } of fixtures) {
      const geometryBefore = structuredClone(feature.geometry);
      const parametersBefore = structuredClone(feature.properties);
      generatePlotLayout(feature.geometry, feature.properties);
      expect(feature.geometry).toEqual(geometryBefore);
      expect(feature.properties).toEqual(parametersBefore);
    }
  });

  test('rejects parameters out of range', () => {
    const { geometry } = fixture('song-cau-hexagon');
    expect(() => generatePlotLayout(geometry, { plotWidthM: 5, plotDepthM: 60, roadWidthM: 12 })).toThrow(
      ZodError,
    );
    expect(() =>
      generatePlotLayout(geometry, { plotWidthM: 40, plotDepthM: 60, roadWidthM: 12, minPlotShare: 1.5 }),
    ).toThrow(ZodError);
  });

  // Speed is measured in bench/, never asserted here: this checks the large case's result only.
  test('lays out a 75 ha cluster in 40 × 60 m plots, over two hundred of them', () => {
    const layout = generatePlotLayout(ellipse(75, 1.4), { plotWidthM: 40, plotDepthM: 60, roadWidthM: 12 });
    expect(layout.boundaryAreaM2 / 750_000).toBeCloseTo(1, 1);
    expect(layout.plots.length).toBeGreaterThan(200);
  });
});
