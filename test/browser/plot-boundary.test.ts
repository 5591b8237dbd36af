import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PlotFeature } from '../../domain/plot.ts';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './browser.ts';

const screenshots = 'test-results';
const PASSWORD = 'mat-khau-lo-dat';
let browser: Browser;
let server: Awaited<ReturnType<typeof startAppServer>>;
let page: Page;

// Metres east/north of a point inside Sông Cầu's illustrative shape, as lon/lat.
const ORIGIN = [108.98, 12.285] as const;
const at = (east: number, north: number): [number, number] => [
  ORIGIN[0] + east / (111_320 * Math.cos((ORIGIN[1] * Math.PI) / 180)),
  ORIGIN[1] + north / 110_600,
];
const rectangle = (west: number, south: number, east: number, north: number) => ({
  type: 'Polygon' as const,
  coordinates: [[at(west, south), at(east, south), at(east, north), at(west, north), at(west, south)]],
});
/** Two recorded plots side by side, 100 m × 100 m each: a test layout in the test database only. */
const plot = (id: string, label: string, shape: ReturnType<typeof rectangle>): PlotFeature => ({
  type: 'Feature',
  geometry: shape,
  properties: {
    id,
    clusterId: 'song-cau',
    provinceId: 'khanh-hoa',
    label,
    status: 'available',
    permittedIndustries: [],
    tenant: null,
    contact: null,
    origin: 'import',
    sourceId: 'kh-4794',
    asOf: null,
  },
});

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startAppServer({
    seed: async (store) => {
      await store.accounts.create({
        username: 'bientap.lo',
        displayName: 'Vũ Thị Lô',
        role: 'editor',
        provinceIds: ['khanh-hoa'],
        password: PASSWORD,
      });
      await store.savePlots(
        [plot('sc-a', 'A-01', rectangle(0, 0, 100, 100)), plot('sc-b', 'A-02', rectangle(100, 0, 200, 100))],
        { audit: { action: 'import', actor: null, sourceId: 'kh-4794' } },
      );
    },
  });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'vi-VN' });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const editor = () => page.locator('section.boundary-editor');
const areaHa = async () => Number(await editor().locator('[data-area-ha]').getAttribute('data-area-ha'));

async function screenPoint(lngLat: [number, number]) {
  return page.evaluate(([lng, lat]) => {
    const map = window.__ccnAtlasMap;
    if (!map) throw new Error('no map');
    const point = map.project([lng, lat]);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }, lngLat);
}

async function drag(from: [number, number], to: [number, number]) {
  const start = await screenPoint(from);
  const end = await screenPoint(to);
  await page.mouse.move(start.x, start.y, { steps: 3 });
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 10 });
  await page.mouse.up();
}

describe('redrawing a plot on the plot map', () => {
  test('an editor opens a plot and starts from its boundary', async () => {
    await page.goto(`${server.origin}/?mode=plots&province=khanh-hoa&plot=sc-a&map=17/12.2855/108.981`);
    await page.locator('.plot-card[data-plot-id="sc-a"]').waitFor();
    expect(await page.locator('[data-action="draw-plot-boundary"]').count()).toBe(0);
    await page.locator('.account-menu > button', { hasText: 'Đăng nhập' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đăng nhập để biên tập' });
    await dialog.getByLabel('Tên đăng nhập').fill('bientap.lo');
    await dialog.getByLabel('Mật khẩu').fill(PASSWORD);
    await dialog.getByLabel('Mật khẩu').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-action="draw-plot-boundary"]').click();
    await editor().waitFor();
    expect(await editor().locator('h2').textContent()).toBe('Vẽ ranh giới lô A-01');
    await page.evaluate((center) => window.__ccnAtlasMap?.jumpTo({ center, zoom: 17 }), at(100, 50));
    await editor().locator('[data-area-ha]').waitFor();
    expect(await areaHa()).toBeCloseTo(1, 1);
  });

  test('dragged over the neighbouring plot, the overlap is flagged live and the save is refused', async () => {
    await drag(at(100, 100), at(150, 100));
    const overlap = editor().locator('.finding[data-finding="plot-overlap"]');
    await overlap.waitFor();
    expect(await overlap.getAttribute('data-severity')).toBe('error');
    expect(await overlap.textContent()).toContain('lô A-02');
    expect(await editor().getByRole('button', { name: 'Lưu ranh giới' }).isDisabled()).toBe(true);
    await page.screenshot({ path: `${screenshots}/plot-boundary-overlap.png` });
  });

  test('moved north instead, it is clean, saved, and the card shows the new area', async () => {
    await drag(at(150, 100), at(100, 150));
    await editor().locator('.notice.ok, .finding[data-finding="outside-cluster"]').first().waitFor();
    expect(await editor().locator('.finding[data-severity="error"]').count()).toBe(0);
    const drawnHa = await areaHa();
    expect(drawnHa).toBeGreaterThan(1.1);
    await editor().locator('input[name="boundaryAsOf"]').fill('2025-06-14');
    await editor().getByRole('button', { name: 'Lưu ranh giới' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu ranh giới (phiên bản 2).' }).waitFor();
    const area = page.locator('.plot-card [data-fact="area"]');
    await expect.poll(async () => (await area.textContent()) ?? '').not.toContain('1 ha ·');
    const shown = Number(((await area.textContent()) ?? '').match(/([\d,]+) ha/)?.[1]?.replace(',', '.'));
    expect(shown).toBeCloseTo(drawnHa, 1);
    // The list beside the map is read again too.
    await expect
      .poll(async () => (await page.locator('.plot-list li', { hasText: 'Lô A-01' }).textContent()) ?? '')
      .toContain(`${String(shown).replace('.', ',')} ha`);
    await page.screenshot({ path: `${screenshots}/plot-boundary-saved.png` });
  });
});
