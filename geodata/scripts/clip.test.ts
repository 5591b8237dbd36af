import { describe, expect, test } from 'vitest';
import { type BBox, clipLine, clipPolygon, clipRing, type XY } from './clip.ts';

const rect: BBox = [0, -2, 2, 2];

/** Rotates a closed ring so that it starts at its lowest (then leftmost) vertex. */
function startAtLowest(ring: XY[]): XY[] {
  const open = ring.slice(0, -1);
  let k = 0;
  open.forEach((p, i) => {
    const q = open[k] as XY;
    if (p[1] < q[1] || (p[1] === q[1] && p[0] < q[0])) k = i;
  });
  const rotated = [...open.slice(k), ...open.slice(0, k)];
  return [...rotated, rotated[0] as XY];
}

describe('clipRing', () => {
  test('a square half outside the rectangle is cut at the rectangle edge', () => {
    const square: XY[] = [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
      [-1, -1],
    ];
    expect(clipRing(square, rect)).toEqual([
      [0, -1],
      [1, -1],
      [1, 1],
      [0, 1],
      [0, -1],
    ]);
  });

  test('does not mutate its input', () => {
    const square: XY[] = [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
      [-1, -1],
    ];
    const copy = structuredClone(square);
    const out = clipRing(square, rect);
    expect(square).toEqual(copy);
    // The result shares no arrays with the input either.
    for (const p of out) expect(square.includes(p)).toBe(false);
  });

  test('a ring wholly inside comes back unchanged, one wholly outside vanishes', () => {
    const inside: XY[] = [
      [0.5, 0.5],
      [1.5, 0.5],
      [1.5, 1.5],
      [0.5, 0.5],
    ];
    expect(clipRing(inside, rect)).toEqual(inside);
    const outside: XY[] = [
      [5, 5],
      [6, 5],
      [6, 6],
      [5, 5],
    ];
    expect(clipRing(outside, rect)).toEqual([]);
  });

  test('a ring enclosing the rectangle becomes the rectangle', () => {
    const big: XY[] = [
      [-10, -10],
      [10, -10],
      [10, 10],
      [-10, 10],
      [-10, -10],
    ];
    // Same ring, whatever vertex it starts at.
    expect(startAtLowest(clipRing(big, rect))).toEqual([
      [0, -2],
      [2, -2],
      [2, 2],
      [0, 2],
      [0, -2],
    ]);
  });
});

describe('clipPolygon', () => {
  test('drops holes that fall outside and returns null when the outer ring does', () => {
    const outer: XY[] = [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
      [-1, -1],
    ];
    const hole: XY[] = [
      [-0.5, -0.5],
      [-0.5, 0.5],
      [-0.2, 0.5],
      [-0.5, -0.5],
    ];
    expect(clipPolygon([outer, hole], rect)).toEqual([clipRing(outer, rect)]);
    expect(
      clipPolygon(
        [
          [
            [5, 5],
            [6, 5],
            [6, 6],
            [5, 5],
          ],
        ],
        rect,
      ),
    ).toBeNull();
  });
});

describe('clipLine', () => {
  test('splits a line that leaves and re-enters, without mutating it', () => {
    const line: XY[] = [
      [-1, 0],
      [1, 0],
      [1, 3],
      [1.5, 3],
      [1.5, 1],
    ];
    const copy = structuredClone(line);
    expect(clipLine(line, rect)).toEqual([
      [
        [0, 0],
        [1, 0],
        [1, 2],
      ],
      [
        [1.5, 2],
        [1.5, 1],
      ],
    ]);
    expect(line).toEqual(copy);
  });
});
