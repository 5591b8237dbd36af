import centroid from '@turf/centroid';
import intersect from '@turf/intersect';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { PlotLayoutParameters, type PlotLayoutParametersInput } from './plot.ts';

/**
 * A demonstration subdivision (phân lô) of an industrial cluster: rectangular plots in blocks two plots
 * deep, on a grid of internal roads, clipped to the cluster boundary.
 *
 * Everything is computed in metres in a local Transverse Mercator plane (k = 1) centred on the
 * boundary's vertex centroid; over a cluster's few kilometres its scale differs from 1 by less than
 * 10⁻⁷, so lengths and areas in it are those on the ground for a drawing, not for a survey.
 */

/** One generated plot. */
export interface GeneratedPlot {
  /** Block letter and plot number within the block, e.g. "A-01", "AB-112". */
  label: string;
  /** One polygon, lon/lat on WGS84 to 7 decimals (~1 cm), outer ring counter-clockwise. */
  geometry: Polygon;
  /** Planar area in the local plane, in m², to 0.01 m²: approximate, not an official measure. */
  areaM2: number;
}

/** A generated layout: the plots and the approximate (local plane) areas around them. */
export interface PlotLayout {
  /** In block order, then plot number order, …, B-01, …, Z-…, AA-01, … */
  plots: GeneratedPlot[];
  /** The part of the boundary covered by the road grid, in m² (local plane, approximate). */
  roadAreaM2: number;
  /** The boundary's area, holes subtracted, in m² (local plane, approximate). */
  boundaryAreaM2: number;
}

/**
 * Blocks are at most this long, in metres, along their road: cross roads cut the rows of plots into
 * blocks of `floor(250 / plotWidthM)` plots per side (at least one), a usual block length in a cluster.
 */
const BLOCK_LENGTH_TARGET_M = 250;

/** Rectangles within this share of the smallest one count as equally good orientations. */
const ORIENTATION_AREA_TOLERANCE = 0.01;

/** Output coordinates are rounded to 7 decimals of a degree (~1 cm). */
const COORDINATE_SCALE = 1e7;

/** Areas are given to 0.01 m², and a plot is kept or dropped on its area as given. */
const AREA_SCALE = 100;

/** A vertex this close (m) to the line through its neighbours adds nothing to a ring and is left out. */
const COLLINEAR_TOLERANCE_M = 1e-6;

/** A point in a plane, in metres. */
type PlanePoint = readonly [number, number];
type PlaneRing = readonly PlanePoint[];
/** Outer ring first, then holes. */
type PlanePolygon = readonly PlaneRing[];

interface Rectangle {
  minU: number;
  minV: number;
  maxU: number;
  maxV: number;
}

interface Segment {
  a: PlanePoint;
  b: PlanePoint;
}

/** A line of blocks or of roads along one axis of the grid. */
interface GridAxis {
  /** Where the first block starts, in metres along the axis. */
  firstStartM: number;
  /** From one block's start to the next: block plus road. */
  pitchM: number;
  count: number;
}

/** A plot that survived clipping, before it is labelled. */
interface KeptPlot {
  blockRow: number;
  blockColumn: number;
  /** 0 or 1: which of the block's two plot rows, in reading order. */
  plotRow: number;
  /** Position along the block in reading order. */
  plotColumn: number;
  geometry: Polygon;
  areaM2: number;
}

/**
 * Generates a demonstration plot layout (phân lô minh họa) inside a cluster boundary.
 *
 * - **Grid orientation.** The roads run along the longer side of the boundary's minimum-area bounding
 *   rectangle (rotating calipers over the convex hull of the outer rings), so a rotated cluster gets
 *   a layout square to it. Rectangles within 1% of the smallest area count as equal, and among them
 *   the one closest to north–south/east–west wins, so a near-symmetric shape (a hexagon) gets an
 *   upright grid; when both sides are within 1%, roads run nearer east–west.
 * - **Grid.** Blocks are two plots deep, back to back, each plot fronting a road of `roadWidthM`; cross
 *   roads of the same width cut rows into blocks of `floor(250 m / plotWidthM)` plots per side. The
 *   grid starts and ends with a road and is centred on the rotated bounding rectangle, so a
 *   rectangular cluster gets a road (part of it, at least) along its edges. There is no further
 *   setback: along an oblique or curved edge, plots run up to the boundary.
 * - **Clipping.** Each plot rectangle is clipped to the boundary (holes and multipolygon parts
 *   included) with `@turf/intersect` in the plane. A plot cut into several pieces keeps only its
 *   largest piece, so every plot is one Polygon (it may have a hole where the boundary has one). A
 *   plot whose kept piece (its area to 0.01 m²) is smaller than `minPlotShare` of a full plot is
 *   dropped, as is one that collapses when rounded to 7 decimals. Plots wholly inside skip the
 *   clipping, and most plots on the boundary are cut by a cheap slab clip of the boundary's row.
 * - **Labels.** Blocks are lettered A…Z, AA, AB… in reading order from the north-west: rows of blocks
 *   from the north (or west) end, blocks along a row from the west (or north) end; only blocks that
 *   keep a plot get a letter. Plots are numbered from 1 within a block, the north-west row of the two
 *   first, zero-padded to at least two digits ("A-01"). Same input, same output, in label order.
 * - **Areas** are planar in the local plane and approximate; the server measures official areas.
 *   `roadAreaM2` is the boundary's area minus the area of every block cell inside it, so slivers of
 *   dropped plots count neither as plots nor as road.
 *
 * A boundary too small for any plot gives no plots. The input is not changed.
 *
 * @param boundary The cluster boundary, lon/lat on WGS84 (RFC 7946); ring orientation does not matter.
 * @param parameters Plot width (frontage) and depth, road width in metres, and `minPlotShare`.
 * @throws ZodError when the parameters are out of range.
 * @example
 * // The 39 ha hexagon of cluster "song-cau" (fixtures/plot-layout/in/song-cau-hexagon.geojson)
 * const layout = generatePlotLayout(songCau.geometry, { plotWidthM: 40, plotDepthM: 60, roadWidthM: 12 });
 * layout.plots.length; // 140, of which 120 full plots of 2400 m²
 * layout.plots[0]; // { label: 'A-01', geometry: { type: 'Polygon', coordinates: [[…]] }, areaM2: 2381.8… }
 * layout.roadAreaM2; // 56424.09…, of boundaryAreaM2 391981.7
 */
export function generatePlotLayout(
  boundary: Polygon | MultiPolygon,
  parameters: PlotLayoutParametersInput,
): PlotLayout {
  const { plotWidthM, plotDepthM, roadWidthM, minPlotShare } = PlotLayoutParameters.parse(parameters);
  const [centreLongitude = 0, centreLatitude = 0] = centroid(boundary).geometry.coordinates;
  const plane = proj4(
    'WGS84',
    `+proj=tmerc +lat_0=${centreLatitude} +lon_0=${centreLongitude} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs`,
  );

  const projected: PlanePolygon[] = polygonsOf(boundary).map((rings) =>
    rings.map((ring) =>
      ring.map(([longitude = Number.NaN, latitude = Number.NaN]) => {
        const [x, y] = plane.forward([longitude, latitude]);
        return [x, y] as const;
      }),
    ),
  );
  const boundaryAreaM2 = projected.reduce((sum, rings) => sum + polygonAreaM2(rings), 0);

  // The grid frame: u along the roads, v across them (u rotated a quarter turn counter-clockwise).
  const [ux, uy] = roadDirection(projected);
  const toFrame = ([x, y]: PlanePoint): PlanePoint => [x * ux + y * uy, -x * uy + y * ux];
  const fromFrame = ([u, v]: PlanePoint): PlanePoint => [u * ux - v * uy, u * uy + v * ux];
  const framed = projected.map((rings) => rings.map((ring) => ring.map(toFrame)));
  const extent = rectangleAround(framed.flatMap((rings) => rings.flat()));
  if (extent === null) return { plots: [], roadAreaM2: 0, boundaryAreaM2: roundArea(boundaryAreaM2) };

  const plotsPerBlockSide = Math.max(1, Math.floor(BLOCK_LENGTH_TARGET_M / plotWidthM));
  const blockRows = gridAxis(extent.minV, extent.maxV, 2 * plotDepthM, roadWidthM);
  const blockColumns = gridAxis(extent.minU, extent.maxU, plotsPerBlockSide * plotWidthM, roadWidthM);

  // Reading order: from the north-west. In the frame, does reading start at the high end of an axis?
  const southEast: PlanePoint = [Math.SQRT1_2, -Math.SQRT1_2];
  const readsVFromHigh = startsFromHighEnd([-uy, ux], southEast);
  const readsUFromHigh = startsFromHighEnd([ux, uy], southEast);

  const boundaryInFrame: Feature<MultiPolygon> = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPolygon',
      coordinates: framed.map((rings) => rings.map((ring) => [...ring].map(toPosition))),
    },
  };
  const edges = framed.flatMap((rings) => rings.flatMap(segmentsOf));
  const fullPlotAreaM2 = plotWidthM * plotDepthM;
  // Compared with the area as given (to 0.01 m²), so `minPlotShare: 1` keeps exactly the plots shown
  // with a full plot's area; the 10⁻⁹ absorbs the product's rounding.
  const minimumKeptAreaM2 = minPlotShare * fullPlotAreaM2 * (1 - 1e-9);
  const toLonLat = (point: PlanePoint): Position => {
    const [longitude, latitude] = plane.inverse([...fromFrame(point)]);
    return [roundCoordinate(longitude), roundCoordinate(latitude)];
  };

  const kept: KeptPlot[] = [];
  let blockCellAreaM2 = 0;
  for (let blockRow = 0; blockRow < blockRows.count; blockRow++) {
    const blockMinV = blockRows.firstStartM + blockRow * blockRows.pitchM;
    for (let plotRowInBlock = 0; plotRowInBlock < 2; plotRowInBlock++) {
      const minV = blockMinV + plotRowInBlock * plotDepthM;
      const maxV = minV + plotDepthM;
      // Only the edges reaching this row of plots can cut one of its plots or cross a ray along it.
      const rowEdges = edges.filter(
        (edge) => Math.max(edge.a[1], edge.b[1]) >= minV && Math.min(edge.a[1], edge.b[1]) <= maxV,
      );
      // The boundary cut to this row, made once when a plot first needs clipping: clipping a plot to
      // a few pieces of a strip is much cheaper than clipping it to the whole boundary.
      let rowPieces: PieceInFrame[] | null = null;
      const rowBoundary = () => {
        rowPieces ??= clipToRectangle(boundaryInFrame, {
          minU: extent.minU - roadWidthM,
          minV,
          maxU: extent.maxU + roadWidthM,
          maxV,
        });
        return rowPieces;
      };
      for (let blockColumn = 0; blockColumn < blockColumns.count; blockColumn++) {
        const blockMinU = blockColumns.firstStartM + blockColumn * blockColumns.pitchM;
        for (let plotInSide = 0; plotInSide < plotsPerBlockSide; plotInSide++) {
          const minU = blockMinU + plotInSide * plotWidthM;
          const rectangle: Rectangle = { minU, minV, maxU: minU + plotWidthM, maxV };
          const piece = clipPlot(rectangle, rowEdges, rowBoundary);
          if (piece === null) continue;
          blockCellAreaM2 += piece.totalAreaM2;
          const areaM2 = roundArea(piece.areaM2);
          if (areaM2 <= 0 || areaM2 < minimumKeptAreaM2) continue;
          const geometry = lonLatPolygon(piece.rings, toLonLat);
          if (geometry === null) continue;
          kept.push({
            blockRow: readsVFromHigh ? blockRows.count - 1 - blockRow : blockRow,
            blockColumn: readsUFromHigh ? blockColumns.count - 1 - blockColumn : blockColumn,
            plotRow: readsVFromHigh ? 1 - plotRowInBlock : plotRowInBlock,
            plotColumn: readsUFromHigh ? plotsPerBlockSide - 1 - plotInSide : plotInSide,
            geometry,
            areaM2,
          });
        }
      }
    }
  }

  return {
    plots: labelPlots(kept),
    roadAreaM2: Math.max(0, roundArea(boundaryAreaM2 - blockCellAreaM2)),
    boundaryAreaM2: roundArea(boundaryAreaM2),
  };
}

/** Sorts plots into reading order and labels them "A-01", …; blocks without plots get no letter. */
function labelPlots(kept: readonly KeptPlot[]): GeneratedPlot[] {
  const ordered = [...kept].sort(
    (first, second) =>
      first.blockRow - second.blockRow ||
      first.blockColumn - second.blockColumn ||
      first.plotRow - second.plotRow ||
      first.plotColumn - second.plotColumn,
  );
  const blocks: KeptPlot[][] = [];
  for (const plot of ordered) {
    const current = blocks[blocks.length - 1];
    const head = current?.[0];
    if (current && head && head.blockRow === plot.blockRow && head.blockColumn === plot.blockColumn) {
      current.push(plot);
    } else {
      blocks.push([plot]);
    }
  }
  const digits = Math.max(2, ...blocks.map((block) => String(block.length).length));
  return blocks.flatMap((block, blockIndex) =>
    block.map((plot, plotIndex) => ({
      label: `${blockLetters(blockIndex)}-${String(plotIndex + 1).padStart(digits, '0')}`,
      geometry: plot.geometry,
      areaM2: plot.areaM2,
    })),
  );
}

/** 0 → "A", 25 → "Z", 26 → "AA", 27 → "AB", … (as spreadsheet columns). */
function blockLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** A polygon in the grid frame with its bounding rectangle. */
interface PieceInFrame {
  rings: PlanePolygon;
  bounds: Rectangle;
}

/** The closed ring around a rectangle, counter-clockwise. */
function rectangleRing(rectangle: Rectangle): PlaneRing {
  return [
    [rectangle.minU, rectangle.minV],
    [rectangle.maxU, rectangle.minV],
    [rectangle.maxU, rectangle.maxV],
    [rectangle.minU, rectangle.maxV],
    [rectangle.minU, rectangle.minV],
  ];
}

/** The polygons' part inside the rectangle, as pieces (planar clipping by `@turf/intersect`). */
function clipToRectangle(polygons: Feature<Polygon | MultiPolygon>, rectangle: Rectangle): PieceInFrame[] {
  const clipped = intersect({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: [rectangleRing(rectangle).map(toPosition)] },
      },
      polygons,
    ],
  });
  if (clipped === null) return [];
  const pieces =
    clipped.geometry.type === 'Polygon' ? [clipped.geometry.coordinates] : clipped.geometry.coordinates;
  return pieces.flatMap((piece) => {
    const rings = piece.map((ring) => ring.map(([u = 0, v = 0]) => [u, v] as const));
    const bounds = rectangleAround(rings[0] ?? []);
    return bounds === null ? [] : [{ rings, bounds }];
  });
}

/**
 * The plot rectangle clipped to the boundary: its largest piece (rings in the frame) with that piece's
 * area, and the area of all pieces; null when the rectangle lies outside the boundary. `rowBoundary`
 * gives the boundary cut to the plot's row, which is all a plot of that row can meet.
 */
function clipPlot(
  rectangle: Rectangle,
  rowEdges: readonly Segment[],
  rowBoundary: () => readonly PieceInFrame[],
): { rings: PlanePolygon; areaM2: number; totalAreaM2: number } | null {
  const touching = rowEdges.some((edge) => segmentTouchesRectangle(edge, rectangle));
  if (!touching) {
    // Nothing of the boundary on or in the rectangle: it lies wholly inside or wholly outside.
    const centre: PlanePoint = [(rectangle.minU + rectangle.maxU) / 2, (rectangle.minV + rectangle.maxV) / 2];
    if (!insideByRayCast(centre, rowEdges)) return null;
    const areaM2 = (rectangle.maxU - rectangle.minU) * (rectangle.maxV - rectangle.minV);
    return { rings: [rectangleRing(rectangle)], areaM2, totalAreaM2: areaM2 };
  }
  const nearby = rowBoundary().filter(
    ({ bounds }) => bounds.maxU > rectangle.minU && bounds.minU < rectangle.maxU,
  );
  if (nearby.length === 0) return null;
  const pieces =
    clipToSlabWithoutHoles(nearby, rectangle.minU, rectangle.maxU) ??
    clipToRectangle(
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'MultiPolygon',
          coordinates: nearby.map(({ rings }) => rings.map((ring) => ring.map(toPosition))),
        },
      },
      rectangle,
    );
  let largest: { rings: PlanePolygon; areaM2: number } | null = null;
  let totalAreaM2 = 0;
  for (const { rings } of pieces) {
    const areaM2 = polygonAreaM2(rings);
    totalAreaM2 += areaM2;
    if (largest === null || areaM2 > largest.areaM2) largest = { rings, areaM2 };
  }
  return largest === null ? null : { ...largest, totalAreaM2 };
}

/**
 * The fast path for the usual plot on the boundary: pieces of a row (already cut to the plot's depth)
 * cut to the slab minU ≤ u ≤ maxU by Sutherland–Hodgman. That is only right when each result is one
 * piece, which holds when its ring is monotone in u (a ring that came back to a cutting line would
 * have a second turn in u); otherwise, or for a piece with a hole, null, and `@turf/intersect` does it.
 */
function clipToSlabWithoutHoles(
  pieces: readonly PieceInFrame[],
  minU: number,
  maxU: number,
): { rings: PlanePolygon }[] | null {
  const clipped: { rings: PlanePolygon }[] = [];
  for (const { rings } of pieces) {
    const [outer, ...holes] = rings;
    if (outer === undefined || holes.length > 0) return null;
    const vertices = withoutRepeats(
      clipToHalfPlane(clipToHalfPlane(withoutRepeats(outer), minU, 1), maxU, -1),
    );
    if (vertices.length < 3) continue;
    if (!monotoneInU(vertices)) return null;
    const ring = [...vertices, vertices[0] as PlanePoint];
    if (signedArea(ring) !== 0) clipped.push({ rings: [ring] });
  }
  return clipped;
}

/** Sutherland–Hodgman against the line u = lineU, keeping the side `side · (u − lineU) ≥ 0`. */
function clipToHalfPlane(vertices: readonly PlanePoint[], lineU: number, side: 1 | -1): PlanePoint[] {
  const inside = (point: PlanePoint) => side * (point[0] - lineU) >= 0;
  const crossing = (a: PlanePoint, b: PlanePoint): PlanePoint => [
    lineU,
    a[1] + ((lineU - a[0]) / (b[0] - a[0])) * (b[1] - a[1]),
  ];
  const kept: PlanePoint[] = [];
  vertices.forEach((current, index) => {
    const previous = vertices[(index + vertices.length - 1) % vertices.length] ?? current;
    if (inside(current)) {
      if (!inside(previous)) kept.push(crossing(previous, current));
      kept.push(current);
    } else if (inside(previous)) {
      kept.push(crossing(previous, current));
    }
  });
  return kept;
}

/** The ring's vertices, open, without consecutive repeats. */
function withoutRepeats(ring: readonly PlanePoint[]): PlanePoint[] {
  const vertices = ring.filter((point, index) => {
    const previous = ring[index - 1];
    return previous === undefined || previous[0] !== point[0] || previous[1] !== point[1];
  });
  const first = vertices[0];
  const last = vertices[vertices.length - 1];
  if (vertices.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) vertices.pop();
  return vertices;
}

/** Whether u, going round the ring, turns only twice: once at its smallest, once at its largest. */
function monotoneInU(vertices: readonly PlanePoint[]): boolean {
  const directions: number[] = [];
  vertices.forEach((point, index) => {
    const next = vertices[(index + 1) % vertices.length] ?? point;
    const step = next[0] - point[0];
    if (step !== 0) directions.push(Math.sign(step));
  });
  let turns = 0;
  directions.forEach((direction, index) => {
    if (direction !== directions[(index + 1) % directions.length]) turns++;
  });
  return turns <= 2;
}

/**
 * The piece in lon/lat, rounded, with closed rings, the outer one counter-clockwise and holes clockwise
 * (RFC 7946); holes that collapse in rounding are left out; null when the outer ring collapses.
 */
function lonLatPolygon(rings: PlanePolygon, toLonLat: (point: PlanePoint) => Position): Polygon | null {
  const [outer, ...holes] = rings.map((ring) => cleanRing(withoutCollinear(ring).map(toLonLat)));
  if (!outer) return null;
  const orient = (ring: Position[], counterClockwise: boolean) =>
    signedArea(ring) > 0 === counterClockwise ? ring : [...ring].reverse();
  return {
    type: 'Polygon',
    coordinates: [
      orient(outer, true),
      ...holes.filter((hole): hole is Position[] => hole !== null).map((hole) => orient(hole, false)),
    ],
  };
}

/**
 * The ring without repeated vertices or back-and-forth spikes, closed; null when fewer than three
 * distinct vertices or no area remain.
 */
function cleanRing(ring: readonly Position[]): Position[] | null {
  const same = (first: Position | undefined, second: Position | undefined) =>
    first !== undefined && second !== undefined && first[0] === second[0] && first[1] === second[1];
  const vertices: Position[] = [];
  for (const position of ring) {
    if (!same(vertices[vertices.length - 1], position)) vertices.push(position);
  }
  while (vertices.length > 1 && same(vertices[0], vertices[vertices.length - 1])) vertices.pop();
  let removed = true;
  while (removed && vertices.length >= 3) {
    removed = false;
    for (let index = 0; index < vertices.length; index++) {
      const previous = vertices[(index + vertices.length - 1) % vertices.length];
      const next = vertices[(index + 1) % vertices.length];
      if (same(previous, next)) {
        // A spike out and back: drop its tip and one of the two equal neighbours.
        vertices.splice(index, 1);
        vertices.splice(index % vertices.length, 1);
        removed = true;
        break;
      }
    }
  }
  const first = vertices[0];
  if (vertices.length < 3 || first === undefined) return null;
  const closed = [...vertices, first];
  return signedArea(closed) === 0 ? null : closed;
}

/** Signed shoelace area of a closed ring, counter-clockwise positive, in the ring's units². */
function signedArea(ring: readonly (Position | PlanePoint)[]): number {
  const [x0 = 0, y0 = 0] = ring[0] ?? [];
  let twiceArea = 0;
  for (let index = 1; index + 1 < ring.length; index++) {
    const [x1 = 0, y1 = 0] = ring[index] ?? [];
    const [x2 = 0, y2 = 0] = ring[index + 1] ?? [];
    twiceArea += (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  }
  return twiceArea / 2;
}

/** Outer ring minus holes, each taken unsigned, so ring orientation does not matter. */
function polygonAreaM2(rings: PlanePolygon): number {
  const [outer, ...holes] = rings;
  if (outer === undefined) return 0;
  return holes.reduce((area, hole) => area - Math.abs(signedArea(hole)), Math.abs(signedArea(outer)));
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function toPosition(point: PlanePoint): Position {
  return [point[0], point[1]];
}

function roundArea(squareMetres: number): number {
  return Math.round(squareMetres * AREA_SCALE) / AREA_SCALE;
}

/**
 * The closed ring without vertices on the line through their neighbours (clipping leaves some where
 * the boundary touches a plot's side), so a full plot has its four corners only.
 */
function withoutCollinear(ring: PlaneRing): PlanePoint[] {
  const vertices = withoutRepeats(ring);
  let changed = true;
  while (changed && vertices.length > 3) {
    changed = false;
    for (let index = 0; index < vertices.length; index++) {
      const previous = vertices[(index + vertices.length - 1) % vertices.length];
      const current = vertices[index];
      const next = vertices[(index + 1) % vertices.length];
      if (!previous || !current || !next) continue;
      const [du, dv] = [next[0] - previous[0], next[1] - previous[1]];
      const length = Math.hypot(du, dv);
      const offset = Math.abs(du * (current[1] - previous[1]) - dv * (current[0] - previous[0]));
      const between = (current[0] - previous[0]) * du + (current[1] - previous[1]) * dv;
      if (
        length > 0 &&
        offset <= COLLINEAR_TOLERANCE_M * length &&
        between >= 0 &&
        between <= length * length
      ) {
        vertices.splice(index, 1);
        changed = true;
        break;
      }
    }
  }
  const first = vertices[0];
  return first ? [...vertices, first] : vertices;
}

function roundCoordinate(degrees: number): number {
  return Math.round(degrees * COORDINATE_SCALE) / COORDINATE_SCALE;
}

/** The ring's edges; a ring left open is closed. */
function segmentsOf(ring: PlaneRing): Segment[] {
  const segments: Segment[] = [];
  for (let index = 0; index < ring.length; index++) {
    const a = ring[index];
    const b = ring[(index + 1) % ring.length];
    if (a && b && (a[0] !== b[0] || a[1] !== b[1])) segments.push({ a, b });
  }
  return segments;
}

/** Whether the segment meets the closed rectangle (Liang–Barsky clipping). */
function segmentTouchesRectangle({ a, b }: Segment, rectangle: Rectangle): boolean {
  const du = b[0] - a[0];
  const dv = b[1] - a[1];
  let enter = 0;
  let leave = 1;
  const bounds: [number, number][] = [
    [-du, a[0] - rectangle.minU],
    [du, rectangle.maxU - a[0]],
    [-dv, a[1] - rectangle.minV],
    [dv, rectangle.maxV - a[1]],
  ];
  for (const [direction, distance] of bounds) {
    if (direction === 0) {
      if (distance < 0) return false;
    } else {
      const t = distance / direction;
      if (direction < 0) {
        if (t > leave) return false;
        enter = Math.max(enter, t);
      } else {
        if (t < enter) return false;
        leave = Math.min(leave, t);
      }
    }
  }
  return true;
}

/** Even–odd rule over all rings: inside an outer ring and outside its holes. */
function insideByRayCast([u, v]: PlanePoint, edges: readonly Segment[]): boolean {
  let inside = false;
  for (const { a, b } of edges) {
    if (a[1] > v !== b[1] > v && u < ((b[0] - a[0]) * (v - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** The bounding rectangle of the points; null when there are none. */
function rectangleAround(points: readonly PlanePoint[]): Rectangle | null {
  if (points.length === 0) return null;
  const us = points.map(([u]) => u);
  const vs = points.map(([, v]) => v);
  return { minU: Math.min(...us), minV: Math.min(...vs), maxU: Math.max(...us), maxV: Math.max(...vs) };
}

/**
 * Road, block, road, …, block, road: enough blocks to cover [min, max], centred on it, so what is left
 * over is split evenly between the two ends.
 */
function gridAxis(minM: number, maxM: number, blockM: number, roadM: number): GridAxis {
  const pitchM = blockM + roadM;
  const count = Math.max(1, Math.ceil((maxM - minM - roadM) / pitchM));
  const patternM = roadM + count * pitchM;
  return { firstStartM: minM + (maxM - minM - patternM) / 2 + roadM, pitchM, count };
}

/** Whether reading along the axis starts at its high end: the end toward the north-west, or north. */
function startsFromHighEnd(axis: PlanePoint, southEast: PlanePoint): boolean {
  const towardSouthEast = axis[0] * southEast[0] + axis[1] * southEast[1];
  if (Math.abs(towardSouthEast) > 1e-12) return towardSouthEast < 0;
  return axis[1] > 0;
}

/**
 * Unit vector along which the roads run: the longer side of the minimum-area bounding rectangle of the
 * outer rings, preferring, within 1%, the rectangle nearest the north–south/east–west axes and then
 * roads nearer east–west. Pointing east of north-south, i.e. angle in (-90°, 90°].
 */
function roadDirection(polygons: readonly PlanePolygon[]): PlanePoint {
  const hull = convexHull(polygons.flatMap((rings) => rings[0] ?? []));
  const candidates: { angle: number; lengthM: number; breadthM: number; areaM2: number }[] = [];
  for (let index = 0; index < hull.length; index++) {
    const a = hull[index];
    const b = hull[(index + 1) % hull.length];
    if (!a || !b) continue;
    const angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    const rotated = rectangleAround(hull.map(([x, y]) => [x * cos + y * sin, -x * sin + y * cos] as const));
    if (rotated === null) continue;
    const lengthM = rotated.maxU - rotated.minU;
    const breadthM = rotated.maxV - rotated.minV;
    candidates.push({ angle, lengthM, breadthM, areaM2: lengthM * breadthM });
  }
  if (candidates.length === 0) return [1, 0];
  const smallestM2 = Math.min(...candidates.map((candidate) => candidate.areaM2));
  const offAxis = (angle: number) => Math.abs(normalizeAngle(angle, Math.PI / 2));
  const best = candidates
    .filter((candidate) => candidate.areaM2 <= smallestM2 * (1 + ORIENTATION_AREA_TOLERANCE))
    .reduce((chosen, candidate) =>
      offAxis(candidate.angle) < offAxis(chosen.angle) - 1e-12 ? candidate : chosen,
    );
  const alongLength = normalizeAngle(best.angle, Math.PI);
  const alongBreadth = normalizeAngle(best.angle + Math.PI / 2, Math.PI);
  const nearlySquare =
    Math.abs(best.lengthM - best.breadthM) <=
    ORIENTATION_AREA_TOLERANCE * Math.max(best.lengthM, best.breadthM);
  const angle = nearlySquare
    ? Math.abs(alongLength) <= Math.abs(alongBreadth)
      ? alongLength
      : alongBreadth
    : best.lengthM >= best.breadthM
      ? alongLength
      : alongBreadth;
  return [Math.cos(angle), Math.sin(angle)];
}

/** The angle brought into (-period/2, period/2]. */
function normalizeAngle(angle: number, period: number): number {
  let normalized = angle - period * Math.round(angle / period);
  if (normalized <= -period / 2) normalized += period;
  return normalized;
}

/** Convex hull, counter-clockwise, without collinear points (Andrew's monotone chain). */
function convexHull(points: readonly PlanePoint[]): PlanePoint[] {
  const sorted = [...points].sort((first, second) => first[0] - second[0] || first[1] - second[1]);
  if (sorted.length < 3) return sorted;
  const cross = (o: PlanePoint, a: PlanePoint, b: PlanePoint) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (ordered: readonly PlanePoint[]) => {
    const chain: PlanePoint[] = [];
    for (const point of ordered) {
      while (chain.length >= 2) {
        const previous = chain[chain.length - 2];
        const last = chain[chain.length - 1];
        if (!previous || !last || cross(previous, last, point) > 0) break;
        chain.pop();
      }
      chain.push(point);
    }
    chain.pop();
    return chain;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}
