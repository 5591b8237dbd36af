import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { measureArea } from '../../domain/area.ts';
import { provinceCentralMeridian } from '../../domain/vn2000.ts';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './browser.ts';
import { pngColourShares } from './png-colours.ts';

const screenshots = 'test-results';
const PASSWORD = 'mat-khau-ranh-gioi';
let browser: Browser;
let server: Awaited<ReturnType<typeof startAppServer>>;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startAppServer({
    seed: async (store) => {
      await store.accounts.create({
        username: 'bientap.kh',
        displayName: 'Phạm Văn Vẽ',
        role: 'editor',
        provinceIds: ['khanh-hoa'],
        password: PASSWORD,
      });
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
const findings = () => editor().locator('.boundary-findings .finding');
const saveButton = () => editor().getByRole('button', { name: 'Lưu ranh giới' });

/** Where a longitude/latitude is on the screen now. */
async function screenPoint(lngLat: [number, number]) {
  return page.evaluate(([lng, lat]) => {
    const map = window.__ccnAtlasMap;
    if (!map) throw new Error('no map');
    const point = map.project([lng, lat]);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }, lngLat);
}

/** Clicks a ring's vertices on the map as a user does, then the first one again to close it. */
async function drawRing(ring: [number, number][]) {
  for (const vertex of [...ring, ring[0] as [number, number]]) {
    const { x, y } = await screenPoint(vertex);
    await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.click(x, y);
    await page.waitForTimeout(80);
  }
}

/** A square of `side` metres whose south-west corner is `east`/`north` metres from a point, counter-clockwise. */
function square(origin: [number, number], east: number, north: number, side: number): [number, number][] {
  const perLon = 111_320 * Math.cos((origin[1] * Math.PI) / 180);
  const at = (x: number, y: number): [number, number] => [origin[0] + x / perLon, origin[1] + y / 110_600];
  return [at(east, north), at(east + side, north), at(east + side, north + side), at(east, north + side)];
}

async function mapCentre(): Promise<[number, number]> {
  return page.evaluate(() => {
    const centre = window.__ccnAtlasMap?.getCenter();
    return [centre?.lng ?? 0, centre?.lat ?? 0] as [number, number];
  });
}

describe('drawing a cluster boundary on the map', () => {
  let centre: [number, number];

  test('an editor opens the drawing on an illustrative cluster and starts from nothing', async () => {
    await page.goto(`${server.origin}/?province=khanh-hoa&cluster=song-cau&map=15/12.29/108.985`);
    await page.locator('.cluster-card[data-cluster-id="song-cau"]').waitFor();
    expect(await page.locator('[data-action="draw-boundary"]').count()).toBe(0);
    await page.locator('.account-menu > button', { hasText: 'Đăng nhập' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đăng nhập để biên tập' });
    await dialog.getByLabel('Tên đăng nhập').fill('bientap.kh');
    await dialog.getByLabel('Mật khẩu').fill(PASSWORD);
    await dialog.getByLabel('Mật khẩu').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-action="draw-boundary"]').click();
    await editor().waitFor();
    await editor().getByText('Chưa có hình', { exact: false }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Đang vẽ ranh giới — chưa lưu' }).waitFor();
    expect(await saveButton().isDisabled()).toBe(true);
    centre = await mapCentre();
  });

  test('a bow-tie is flagged live as crossing itself, and cannot be saved', async () => {
    const [a, b, c, d] = square(centre, -150, -150, 300);
    await drawRing([a, c, b, d] as [number, number][]);
    await findings().filter({ hasText: 'tự cắt' }).waitFor();
    expect(await findings().first().getAttribute('data-severity')).toBe('error');
    await editor().locator('select[name="boundarySourceId"]').selectOption('kh-4794');
    expect(await saveButton().isDisabled()).toBe(true);
  });

  test('drawn afresh as a square, it measures as the VN-2000 plane says and passes the checks', async () => {
    await editor().locator('[data-action="draw-afresh"]').click();
    await editor().getByText('Chưa có hình', { exact: false }).waitFor();
    const ring = square(centre, -150, -150, 300);
    await drawRing(ring);
    await editor().locator('.notice.ok').waitFor();
    const expected =
      measureArea(
        { type: 'Polygon', coordinates: [[...ring, ring[0] as [number, number]]] },
        { centralMeridianDegrees: provinceCentralMeridian('khanh-hoa') },
      ).vn2000PlaneHectares ?? 0;
    // The clicks land on whole pixels: at zoom 15 a pixel is ~4.6 m, so within 5%.
    expect(Math.abs((await areaHa()) - expected) / expected).toBeLessThan(0.05);
    expect(await editor().locator('.boundary-area').textContent()).toContain('mặt phẳng VN-2000');
    const shot = await page.screenshot({ path: `${screenshots}/boundary-drawing.png` });
    // The drawn shape is on the map in the editing colour (#c2410c), not a grey canvas.
    const { shares, distinctColours } = await pngColourShares(page, shot, ['#c2410c']);
    expect(shares[0]).toBeGreaterThan(0.0005);
    expect(distinctColours).toBeGreaterThan(50);
  });

  test('saved with its source, the card says where the boundary comes from and the timeline records it', async () => {
    await editor().locator('input[name="boundaryAsOf"]').fill('2025-06-14');
    await saveButton().click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu ranh giới (phiên bản 2).' }).waitFor();
    const card = page.locator('.cluster-card[data-cluster-id="song-cau"]');
    await card.locator('[data-geometry-source="drawn"]').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${screenshots}/boundary-saved.png` });
    expect(await card.locator('[data-geometry-source="drawn"]').textContent()).toContain('4794/KH-UBND');
    expect(await card.locator('.notice.illustrative').count()).toBe(0);
    await card.locator('details.cluster-timeline summary').click();
    const latest = card.locator('.history-entry').first();
    await latest.waitFor();
    expect(await latest.textContent()).toContain('Phạm Văn Vẽ');
    expect(await latest.textContent()).toContain('Ranh giới');
  });

  test('reopened, the saved shape is edited by dragging a vertex, and the area follows live', async () => {
    await page.locator('[data-action="draw-boundary"]').click();
    await editor().locator('[data-area-ha]').waitFor();
    const before = await areaHa();
    await page.screenshot({ path: `${screenshots}/boundary-reopened.png` });
    const [, , northEast] = square(centre, -150, -150, 300);
    const from = await screenPoint(northEast as [number, number]);
    await page.mouse.move(from.x, from.y, { steps: 3 });
    await page.mouse.down();
    await page.mouse.move(from.x + 40, from.y - 40, { steps: 8 });
    await page.mouse.up();
    await expect.poll(areaHa, { timeout: 5000 }).toBeGreaterThan(before * 1.05);
    await editor().getByRole('button', { name: 'Hủy' }).click();
    await editor().waitFor({ state: 'detached' });
  });

  test('another cluster drawn over the saved boundary is flagged live as overlapping it', async () => {
    await page.goto(`${server.origin}/?province=khanh-hoa&cluster=dien-tho&map=15/12.29/108.985`);
    await page.locator('.cluster-card[data-cluster-id="dien-tho"]').waitFor();
    await page.locator('[data-action="draw-boundary"]').click();
    await editor().waitFor();
    // Opening Diên Thọ brought it into view; the editor pans back to Sông Cầu's new boundary.
    await page.evaluate((center) => window.__ccnAtlasMap?.jumpTo({ center, zoom: 15 }), centre);
    await drawRing(square(centre, 50, 50, 300));
    await page.screenshot({ path: `${screenshots}/boundary-overlap.png` });
    const overlap = findings().filter({ hasText: 'Chồng lấn' });
    await overlap.waitFor();
    expect(await overlap.getAttribute('data-severity')).toBe('error');
    expect(await overlap.textContent()).toContain('Sông Cầu');
    await editor().locator('select[name="boundarySourceId"]').selectOption('kh-4794');
    expect(await saveButton().isDisabled()).toBe(true);
    await page.screenshot({ path: `${screenshots}/boundary-overlap.png` });
  });
});
