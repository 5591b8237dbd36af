import type { Page } from 'playwright-core';

/**
 * Distinct colours of a PNG and the share of its pixels near each of `hexColours` (within 12 of
 * their RGB sum), counted in the page on a 2D canvas: proves a map shows sea, land and data, not a
 * grey box.
 */
export function pngColourShares(page: Page, png: Buffer, hexColours: string[]) {
  return page.evaluate(
    async ({ data, colours }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      const targets = colours.map((hex) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)));
      const hits = colours.map(() => 0);
      const distinct = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4) {
        const [r = 0, g = 0, b = 0] = [pixels[i], pixels[i + 1], pixels[i + 2]];
        distinct.add((r << 16) | (g << 8) | b);
        targets.forEach(([tr = 0, tg = 0, tb = 0], index) => {
          if (Math.abs(r - tr) + Math.abs(g - tg) + Math.abs(b - tb) <= 12)
            hits[index] = (hits[index] ?? 0) + 1;
        });
      }
      const total = pixels.length / 4;
      return { shares: hits.map((hit) => hit / total), distinctColours: distinct.size };
    },
    { data: png.toString('base64'), colours: hexColours },
  );
}
