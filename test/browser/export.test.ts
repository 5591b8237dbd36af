import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './browser.ts';
import { pngColourShares } from './png-colours.ts';

const screenshots = 'test-results';
/** Height of the title strip above the map in the PNG, in CSS pixels (client/src/map/exportPng.ts). */
const TITLE_STRIP_CSS_PX = 64;
let browser: Browser;
let server: Awaited<ReturnType<typeof startAppServer>>;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startAppServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (error) => console.error('page error:', error));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const waitForMapIdle = () =>
  page.waitForFunction(
    () => {
      const map = window.__ccnAtlasMap;
      return Boolean(
        map?.loaded() &&
          !map.isMoving() &&
          map.areTilesLoaded() &&
          map.queryRenderedFeatures({ layers: ['cluster-points'] }).length >= 11,
      );
    },
    undefined,
    { timeout: 30_000 },
  );

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the export menu in the planner', () => {
  test('offers the four formats of the province’s clusters as download links', async () => {
    await page.goto(`${server.origin}/?province=khanh-hoa`);
    await waitForMapIdle();
    const menu = page.locator('.export-menu');
    await menu.locator('summary').click();
    await expect(menu.locator('summary').textContent()).resolves.toBe('Xuất dữ liệu');
    await expect(menu.locator('h2').first().textContent()).resolves.toBe('Cụm công nghiệp — Khánh Hòa');
    const links = menu.locator('.export-clusters a');
    const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(hrefs).toEqual([
      '/api/export/clusters.xlsx?province=khanh-hoa',
      '/api/export/clusters.csv?province=khanh-hoa',
      '/api/export/clusters.geojson?province=khanh-hoa',
      '/api/export/clusters.kml?province=khanh-hoa',
    ]);
    const downloads = await links.evaluateAll((anchors) =>
      anchors.map((anchor) => anchor.hasAttribute('download')),
    );
    expect(downloads).toEqual([true, true, true, true]);
    // Plots belong to the investor's mode.
    await expect(menu.locator('.export-plots').count()).resolves.toBe(0);
  });

  test('the Excel link answers with a workbook attachment', async () => {
    const fetched = await page.evaluate(async () => {
      const response = await fetch('/api/export/clusters.xlsx?province=khanh-hoa');
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        disposition: response.headers.get('content-disposition'),
        magic: String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0),
      };
    });
    expect(fetched).toMatchObject({
      status: 200,
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      magic: 'PK',
    });
    expect(fetched.disposition).toMatch(
      /^attachment; filename="ccn-clusters-khanh-hoa-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
  });

  test('saves the map view as a titled PNG: the map’s size plus the strip, sea and clusters drawn', async () => {
    const menu = page.locator('.export-menu');
    await page.locator('.export-menu-body').screenshot({ path: `${screenshots}/export-menu.png` });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      menu.getByRole('button', { name: 'Ảnh bản đồ (PNG)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ccn-khanh-hoa-stage-\d{4}-\d{2}-\d{2}\.png$/);
    const path = await download.path();
    const png = readFileSync(path);
    writeFileSync(`${screenshots}/export-map.png`, png);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const canvas = await page.evaluate(() => {
      const map = window.__ccnAtlasMap;
      return {
        width: map?.getCanvas().width ?? 0,
        height: map?.getCanvas().height ?? 0,
        ratio: map?.getPixelRatio() ?? 1,
      };
    });
    expect(canvas.width).toBeGreaterThan(400);
    expect(pngSize(png)).toEqual({
      width: canvas.width,
      height: canvas.height + Math.round(TITLE_STRIP_CSS_PX * canvas.ratio),
    });
    const { shares, distinctColours } = await pngColourShares(page, png, ['#c9dfec', '#fbf9f3']);
    const [sea = 0, land = 0] = shares;
    expect(distinctColours, 'distinct colours: not a blank image').toBeGreaterThan(100);
    expect(sea, 'sea colour').toBeGreaterThan(0.05);
    expect(land, 'Viet Nam land colour').toBeGreaterThan(0.05);
  });

  test('in the investor’s mode, offers the plots too and no map image', async () => {
    await page.getByRole('button', { name: 'Tìm lô đất' }).click();
    const menu = page.locator('.export-menu');
    if (!(await menu.evaluate((element) => (element as HTMLDetailsElement).open))) {
      await menu.locator('summary').click();
    }
    await expect(menu.locator('.export-plots a').first().getAttribute('href')).resolves.toBe(
      '/api/export/plots.xlsx?province=khanh-hoa',
    );
    await expect(menu.getByRole('button', { name: 'Ảnh bản đồ (PNG)' }).count()).resolves.toBe(0);
    const status = await page.evaluate(
      async () => (await fetch('/api/export/plots.csv?province=khanh-hoa')).status,
    );
    expect(status).toBe(200);
  });
});
