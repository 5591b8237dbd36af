import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PlotFeature, PlotPropertiesInput } from '../../domain/plot.ts';
import { PlotProperties } from '../../domain/plot.ts';
import { layoutCluster } from '../../server/plots/layout-cluster.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './browser.ts';

const screenshots = 'test-results';

/** A rectangle plot in lon/lat degrees, inside the Sông Cầu hexagon (108.9714–108.9786, 12.2790–12.2850). */
function rectanglePlot(
  west: number,
  south: number,
  east: number,
  north: number,
  properties: Omit<PlotPropertiesInput, 'clusterId' | 'provinceId' | 'origin' | 'sourceId'>,
): PlotFeature {
  return {
    type: 'Feature',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [west, south],
          [east, south],
          [east, north],
          [west, north],
          [west, south],
        ],
      ],
    },
    // Test data: no source document, so the card must not present it as sourced.
    properties: PlotProperties.parse({
      ...properties,
      clusterId: 'song-cau',
      provinceId: 'khanh-hoa',
      origin: 'import',
      sourceId: null,
    }),
  };
}

/** Six imported plots in Sông Cầu with every status, and a generated layout of Khatoco Ninh Ích. */
async function seedPlots(store: AtlasStore) {
  await store.savePlots(
    [
      rectanglePlot(108.9731, 12.2806, 108.9733, 12.2815, {
        id: 'sc-a-01',
        label: 'A-01',
        status: 'available',
      }),
      rectanglePlot(108.974, 12.2806, 108.9749, 12.2815, {
        id: 'sc-a-02',
        label: 'A-02',
        status: 'available',
        permittedIndustries: ['Chế biến nông sản', 'Cơ khí'],
      }),
      rectanglePlot(108.9752, 12.2806, 108.9763, 12.2815, {
        id: 'sc-a-03',
        label: 'A-03',
        status: 'reserved',
      }),
      rectanglePlot(108.9731, 12.282, 108.974, 12.283, {
        id: 'sc-b-01',
        label: 'B-01',
        status: 'leased',
        tenant: 'Công ty TNHH Thử Nghiệm',
      }),
      rectanglePlot(108.9743, 12.282, 108.9755, 12.283, {
        id: 'sc-b-02',
        label: 'B-02',
        status: 'available',
        contact: { name: 'Ban quản lý CCN Sông Cầu', phone: '0258 000 000' },
      }),
      rectanglePlot(108.9758, 12.282, 108.9767, 12.283, {
        id: 'sc-b-03',
        label: 'B-03',
        status: 'available',
      }),
    ],
    { audit: { action: 'import', actor: null, sourceId: null } },
  );
  await layoutCluster(
    store,
    'khatoco-ninh-ich',
    {
      plotWidthM: 50,
      plotDepthM: 80,
      roadWidthM: 12,
      minPlotShare: 0.5,
    },
    { actor: null },
  );
}

let browser: Browser;
let server: Awaited<ReturnType<typeof startAppServer>>;
let context: BrowserContext;
let page: Page;
let sharedLink = '';

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startAppServer({ seed: seedPlots });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const waitForMapIdle = (target: Page) =>
  target.waitForFunction(() => {
    const map = window.__ccnAtlasMap;
    return Boolean(map?.loaded() && !map.isMoving() && map.areTilesLoaded());
  });

/** Ids of the plots MapLibre has drawn in the matching-plots layer. */
const renderedPlotIds = (target: Page) =>
  target.evaluate(() => {
    const map = window.__ccnAtlasMap;
    if (!map?.getLayer('plot-fill')) return [];
    return [
      ...new Set(map.queryRenderedFeatures({ layers: ['plot-fill'] }).map((f) => String(f.properties.id))),
    ];
  });

/** Screen position of a plot's centre, from the tiles MapLibre has loaded. */
const plotOnScreen = (target: Page, id: string) =>
  target.evaluate((plotId) => {
    const map = window.__ccnAtlasMap;
    const feature = map
      ?.queryRenderedFeatures({ layers: ['plot-fill'] })
      .find((f) => f.properties.id === plotId);
    if (!map || !feature || feature.geometry.type !== 'Polygon') return null;
    const ring = feature.geometry.coordinates[0] ?? [];
    const lng = ring.slice(0, -1).reduce((sum, [x = 0]) => sum + x, 0) / (ring.length - 1);
    const lat = ring.slice(0, -1).reduce((sum, [, y = 0]) => sum + y, 0) / (ring.length - 1);
    const point = map.project([lng, lat]);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }, id);

describe('the investor’s plot finder in Chromium', () => {
  test('opens from the mode switch with available plots listed', async () => {
    await page.goto(`${server.origin}/?province=khanh-hoa`);
    await page.locator('.province-panel').waitFor();
    await page.locator('.mode-switch [data-mode="plots"]').click();
    await page.locator('.plot-list').waitFor();
    expect(page.url()).toContain('mode=plots');
    await expect(page.locator('.mode-switch [data-mode="plots"]').getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await expect(page.locator('input[name="status"][value="available"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('input[name="status"][value="leased"]').isChecked()).resolves.toBe(false);
    const count = (await page.locator('.plot-count').textContent()) ?? '';
    expect(count).toMatch(/\d+ lô đất phù hợp/);
  });

  test('filters by status and minimum area; the list and the map agree', async () => {
    await page.locator('select[name="sort"]').selectOption('-area');
    const minimum = page.locator('.area-input input').first();
    await minimum.fill('0,3');
    await minimum.press('Enter');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('minArea') === '0.3');
    await page.waitForFunction(() => document.querySelector('.plot-list [data-plot-id="sc-a-01"]') === null);
    const rows = page.locator('.plot-list li button');
    await expect(rows.first().getAttribute('data-plot-id')).resolves.toBe('sc-b-02');
    const listed = await rows.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-plot-id')));
    expect(listed).not.toContain('sc-a-03'); // reserved
    expect(listed).not.toContain('sc-b-01'); // leased
    expect(listed).toContain('sc-a-02');
    // Generated plots are in the list, each with its badge.
    const generatedRow = page
      .locator('.plot-list li button[data-plot-id^="khatoco-ninh-ich-layout-"]')
      .first();
    await expect(generatedRow.locator('.generated-badge').textContent()).resolves.toBe('Minh họa');
    await expect(generatedRow.locator('.generated-badge').isVisible()).resolves.toBe(true);
    // Paging: the first page holds 50; "Xem thêm" loads the rest.
    const matched = Number(
      ((await page.locator('.plot-count strong').textContent()) ?? '').match(/\d+/)?.[0],
    );
    expect(matched).toBeGreaterThan(50);
    await expect(rows.count()).resolves.toBe(50);
    await page.getByRole('button', { name: 'Xem thêm' }).click();
    await page.waitForFunction(
      (total) => document.querySelectorAll('.plot-list li button').length === total,
      matched,
    );
  });

  test('picks a plot from the list: the card opens and the map flies to it', async () => {
    const row = page.locator('.plot-list [data-plot-id="sc-b-02"]');
    await row.hover();
    await page.waitForFunction(
      () =>
        window.__ccnAtlasMap?.getFeatureState({ source: 'plots', sourceLayer: 'plots', id: 'sc-b-02' })
          ?.hover === true,
    );
    await row.click();
    const card = page.locator('.plot-card');
    await card.waitFor();
    await expect(card.locator('h2').textContent()).resolves.toBe('Lô B-02');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('CCN Sông Cầu');
    expect(text).toContain('Còn trống');
    expect(text).toMatch(/\d+,\d+ ha · [\d.]+ m²/);
    expect(text).toMatch(/mặt phẳng VN-2000|ellipsoid/);
    expect(text).toContain('Ban quản lý CCN Sông Cầu');
    expect(text).toContain('chưa có số liệu');
    expect(text).toContain('Đang hoạt động');
    expect(page.url()).toContain('plot=sc-b-02');
    await page.waitForFunction(() => (window.__ccnAtlasMap?.getZoom() ?? 0) >= 15);
    await waitForMapIdle(page);
    await page.waitForFunction(() =>
      (window.__ccnAtlasMap?.queryRenderedFeatures({ layers: ['plot-fill'] }) ?? []).some(
        (f) => f.properties.id === 'sc-b-02',
      ),
    );
    const drawn = await renderedPlotIds(page);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn).toContain('sc-a-02');
    expect(drawn).not.toContain('sc-b-01'); // leased: faded, not in the matching layer
    const selectedState = await page.evaluate(() =>
      window.__ccnAtlasMap?.getFeatureState({ source: 'plots', sourceLayer: 'plots', id: 'sc-b-02' }),
    );
    expect(selectedState?.selected).toBe(true);
    await card.getByRole('button', { name: 'So sánh', exact: true }).click();
    await expect(card.locator('[role="status"]').textContent()).resolves.toContain('Đã thêm');
  });

  test('picks another plot by clicking it on the map, and its row lights up on hover', async () => {
    const point = await plotOnScreen(page, 'sc-a-02');
    expect(point).not.toBeNull();
    await page.mouse.move(point?.x ?? 0, point?.y ?? 0);
    await page.locator('.plot-list [data-plot-id="sc-a-02"][data-hovered="true"]').waitFor();
    await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
    const card = page.locator('.plot-card');
    await page.waitForFunction(() => document.querySelector('.plot-card h2')?.textContent === 'Lô A-02');
    await expect(card.textContent()).resolves.toContain('Chế biến nông sản; Cơ khí');
    expect(page.url()).toContain('plot=sc-a-02');
    await card.getByRole('button', { name: 'So sánh', exact: true }).click();
    await card.getByRole('button', { name: 'So sánh cụm' }).click();
  });

  test('compares up to three items side by side and refuses a fourth', async () => {
    const tray = page.locator('.compare-tray');
    await expect(tray.locator('strong').first().textContent()).resolves.toBe('So sánh (3/3)');
    await tray.getByRole('button', { name: 'Xem bảng so sánh' }).click();
    const table = tray.locator('.compare-table');
    await expect(table.locator('thead th').count()).resolves.toBe(3);
    const head = (await table.locator('thead').textContent()) ?? '';
    expect(head).toContain('Lô B-02');
    expect(head).toContain('Lô A-02');
    expect(head).toContain('CCN Sông Cầu');
    await expect(table.locator('tr[data-row="status"]').textContent()).resolves.toContain('không áp dụng');
    await expect(table.locator('tr[data-row="area"]').textContent()).resolves.toMatch(/\d+,\d+ ha/);
    await expect(table.locator('tr[data-row="contact"]').textContent()).resolves.toContain(
      'Ban quản lý CCN Sông Cầu',
    );

    await page.locator('.plot-list [data-plot-id="sc-b-03"]').click();
    await page.waitForFunction(() => document.querySelector('.plot-card h2')?.textContent === 'Lô B-03');
    await page.locator('.plot-card').getByRole('button', { name: 'So sánh', exact: true }).click();
    await expect(page.locator('.plot-card [role="status"]').textContent()).resolves.toContain('Đã đủ 3 mục');
    await expect(table.locator('thead th').count()).resolves.toBe(3);
    await page.locator('.plot-list [data-plot-id="sc-a-02"]').click();
    await page.waitForFunction(() => document.querySelector('.plot-card h2')?.textContent === 'Lô A-02');
    await waitForMapIdle(page);
    await page.screenshot({ path: `${screenshots}/investor-desktop.png` });
  });

  test('copies a link that reopens the same view in a fresh browser', async () => {
    await page.locator('.plot-card [data-action="copy-link"]').click();
    await page.locator('.plot-card .copy-fallback input').waitFor({ state: 'attached' });
    // The clipboard when the browser grants it; else the field the link is shown in, to copy by hand.
    const copied =
      (await page.locator('.plot-card [data-action="copy-link"]').textContent()) === 'Đã sao chép liên kết';
    sharedLink = copied
      ? await page.evaluate(() => navigator.clipboard.readText())
      : await page.locator('.plot-card .copy-fallback input').inputValue();
    expect(copied, 'copied to the clipboard').toBe(true);
    expect(sharedLink).toBe(page.url());
    expect(sharedLink).toContain('mode=plots');
    expect(sharedLink).toContain('minArea=0.3');
    expect(sharedLink).toContain('sort=-area');
    expect(sharedLink).toContain('plot=sc-a-02');
    expect(sharedLink).toContain('compare=plot:sc-b-02,plot:sc-a-02,cluster:song-cau');

    const fresh = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const other = await fresh.newPage();
    await other.goto(sharedLink);
    await other.locator('.plot-card h2').waitFor();
    await expect(other.locator('.plot-card h2').textContent()).resolves.toBe('Lô A-02');
    await expect(other.locator('.area-input input').first().inputValue()).resolves.toBe('0,3');
    await expect(other.locator('select[name="sort"]').inputValue()).resolves.toBe('-area');
    await expect(other.locator('input[name="status"][value="available"]').isChecked()).resolves.toBe(true);
    await expect(other.locator('input[name="status"][value="reserved"]').isChecked()).resolves.toBe(false);
    await other.getByRole('button', { name: 'Xem bảng so sánh' }).click();
    await expect(other.locator('.compare-table thead th').count()).resolves.toBe(3);
    await other.waitForFunction(() => (window.__ccnAtlasMap?.getZoom() ?? 0) >= 15);
    await waitForMapIdle(other);
    expect(await renderedPlotIds(other)).toContain('sc-a-02');
    await fresh.close();
  });

  test('prints a one-page plot sheet with its mini-map and notes', async () => {
    await page.locator('.plot-list [data-plot-id^="khatoco-ninh-ich-layout-"]').first().click();
    const card = page.locator('.plot-card');
    await page.waitForFunction(() =>
      document
        .querySelector('.plot-card')
        ?.getAttribute('data-plot-id')
        ?.startsWith('khatoco-ninh-ich-layout-'),
    );
    await expect(card.locator('[data-notice="generated"]').textContent()).resolves.toContain(
      'không phải lô đất thực tế',
    );
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('.print-sheet');
    await expect(sheet.isVisible()).resolves.toBe(true);
    await expect(page.locator('.map-pane').isVisible()).resolves.toBe(false);
    const text = (await sheet.textContent()) ?? '';
    expect(text).toContain('Phiếu thông tin lô đất');
    expect(text).toContain('Minh họa');
    expect(text).toContain('Ngày in');
    await expect(sheet.locator('.plot-mini-map path').count()).resolves.toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: `${screenshots}/plot-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  test('folds the filters, list and card into bottom sheets on a phone', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const mobile = await phone.newPage();
    await mobile.goto(sharedLink.replace(/&compare=[^&]*/, ''));
    const cardSheet = mobile.locator('.plot-card-pane');
    await cardSheet.locator('.plot-card h2').waitFor();
    await expect(mobile.locator('.plot-pane').isVisible()).resolves.toBe(false);
    const sheetBox = await cardSheet.boundingBox();
    expect(sheetBox?.width).toBeCloseTo(390, 0);
    expect((sheetBox?.y ?? 0) + (sheetBox?.height ?? 0)).toBeCloseTo(844, 0);
    await waitForMapIdle(mobile);
    expect((await renderedPlotIds(mobile)).length).toBeGreaterThan(0);
    await mobile.screenshot({ path: `${screenshots}/investor-phone.png` });
    await cardSheet.locator('.sheet-handle').click();
    await expect(cardSheet.locator('.plot-card').isVisible()).resolves.toBe(false);
    await cardSheet.locator('.sheet-handle').click();
    await cardSheet.locator('.plot-card .close').click();
    const listSheet = mobile.locator('.plot-pane');
    await listSheet.locator('.sheet-handle').waitFor();
    await listSheet.locator('.sheet-handle').click();
    await listSheet.locator('.plot-list').waitFor();
    await mobile.screenshot({ path: `${screenshots}/investor-phone-list.png` });
    await phone.close();
  });

  test('explains an empty result and resets the filters', async () => {
    await page.goto(`${server.origin}/?mode=plots&province=khanh-hoa&minArea=500`);
    const empty = page.locator('.empty-state[data-empty="filter"]');
    await empty.waitFor();
    await expect(empty.textContent()).resolves.toContain('Không có lô đất nào phù hợp');
    await empty.getByRole('button', { name: 'Đặt lại bộ lọc' }).click();
    await page.locator('.plot-list').waitFor();
    expect(page.url()).not.toContain('minArea');

    // The province list arrives late (a slow network): the map must still open on the province.
    await page.route('**/api/provinces', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(`${server.origin}/?mode=plots&province=hoa-binh`);
    await expect(page.locator('.empty-state[data-empty="province"]').textContent()).resolves.toContain(
      'công cụ phân lô',
    );
    await page.unroute('**/api/provinces');
    // A link with no camera opens on the province's own view, not on the whole country.
    await page.waitForFunction(() => window.__ccnAtlasMap?.loaded() && !window.__ccnAtlasMap.isMoving());
    const camera = await page.evaluate(async () => {
      const { provinces } = await (await fetch('/api/provinces')).json();
      const view = provinces.find((province: { id: string }) => province.id === 'hoa-binh').view;
      const map = window.__ccnAtlasMap;
      return { view, zoom: map?.getZoom(), center: map?.getCenter().toArray() };
    });
    expect(camera.zoom).toBeCloseTo(camera.view.zoom, 1);
    expect(camera.center?.[0]).toBeCloseTo(camera.view.center[0], 2);
    expect(camera.center?.[1]).toBeCloseTo(camera.view.center[1], 2);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('.empty-state[data-empty="province"]').textContent()).resolves.toContain(
      'plot-layout tool',
    );
    await expect(page.locator('.mode-switch [data-mode="plots"]').textContent()).resolves.toBe('Find a plot');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });

  test('keeps the planner’s view one click away', async () => {
    await page.locator('.mode-switch [data-mode="planner"]').click();
    await page.locator('.layer-switcher').waitFor();
    expect(page.url()).not.toContain('mode=plots');
  });
});
