import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './browser.ts';

const screenshots = 'test-results';
const today = new Date().toISOString().slice(0, 10);
let browser: Browser;
let server: Awaited<ReturnType<typeof startAppServer>>;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startAppServer();
  browser = await launchChromium();
  page = await newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage() {
  const opened = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  opened.on('pageerror', (error) => console.error('page error:', error));
  return opened;
}

/** How many clusters MapLibre has drawn, once the map has settled on what it was given. */
async function renderedClusterCount(on: Page, expected: number) {
  await on.waitForFunction(
    (count) => {
      const map = window.__ccnAtlasMap;
      if (!map?.loaded() || map.isMoving() || !map.areTilesLoaded()) return false;
      return map.queryRenderedFeatures({ layers: ['cluster-points'] }).length === count;
    },
    expected,
    { timeout: 30_000 },
  );
  return on.evaluate(() => {
    const map = window.__ccnAtlasMap;
    const features = map?.queryRenderedFeatures({ layers: ['cluster-points'] }) ?? [];
    return new Set(features.map((feature) => String(feature.properties.id))).size;
  });
}

/** The planner's view of 14/6/2024, the end of the 2024 six-month period: nothing recorded yet. */
async function expectEmptyPastView(on: Page) {
  const banner = on.locator('.as-of-banner');
  await banner.waitFor();
  await expect(banner.textContent()).resolves.toContain(
    'Đang xem dữ liệu đã ghi nhận đến hết ngày 14/06/2024 — chỉ đọc',
  );
  await expect(on.locator('.as-of-empty').textContent()).resolves.toBe(
    'Chưa có cụm nào được ghi nhận đến ngày này',
  );
  expect(await renderedClusterCount(on, 0)).toBe(0);
  await expect(on.locator('.cluster-list li').count()).resolves.toBe(0);
  const legendCounts = await on.locator('.legend .legend-count').allTextContents();
  expect(legendCounts.length).toBeGreaterThan(0);
  expect(legendCounts.every((count) => count === '0')).toBe(true);
  await expect(on.locator('.map-title').textContent()).resolves.toContain('0 / 14');
  await expect(on.locator('.as-of-control select').inputValue()).resolves.toBe('2024-h1');
  expect(new URL(on.url()).searchParams.get('asOf')).toBe('2024-06-14');
}

describe('the planner’s view as of a past day', () => {
  test('shows the end of a reporting period before the data was recorded, read-only and empty', async () => {
    const asked: string[] = [];
    page.on('request', (request) => asked.push(request.url()));
    await page.goto(server.origin);
    expect(await renderedClusterCount(page, 11)).toBe(11);
    await expect(page.locator('.as-of-banner').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Cuối kỳ báo cáo', exact: true }).click();
    await page
      .getByRole('combobox', { name: 'Kỳ báo cáo để xem dữ liệu', exact: true })
      .selectOption('2024-h1');
    await expectEmptyPastView(page);
    expect(asked.some((url) => url.includes('/api/clusters?') && url.includes('asOf=2024-06-14'))).toBe(true);
    expect(asked.some((url) => url.includes('/api/provinces/khanh-hoa?asOf=2024-06-14'))).toBe(true);
    await page.screenshot({ path: `${screenshots}/as-of.png` });
  });

  test('reopens the same past view from the link in a fresh page', async () => {
    const fresh = await newPage();
    try {
      await fresh.goto(page.url());
      await expectEmptyPastView(fresh);
    } finally {
      await fresh.close();
    }
  });

  test('“Về hiện tại” draws the 11 clusters again', async () => {
    await page.getByRole('button', { name: 'Về hiện tại' }).click();
    expect(await renderedClusterCount(page, 11)).toBe(11);
    await expect(page.locator('.as-of-banner').count()).resolves.toBe(0);
    await expect(page.locator('.as-of-empty').count()).resolves.toBe(0);
    expect(new URL(page.url()).searchParams.has('asOf')).toBe(false);
  });

  test('“Tại ngày” today shows the 11 clusters, read-only', async () => {
    await page.getByRole('button', { name: 'Tại ngày', exact: true }).click();
    await page.getByLabel('Ngày xem dữ liệu', { exact: true }).fill(today);
    expect(await renderedClusterCount(page, 11)).toBe(11);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(today);
    await expect(page.locator('.as-of-banner').textContent()).resolves.toContain('chỉ đọc');
    await expect(page.locator('.as-of-empty').count()).resolves.toBe(0);
    await expect(page.locator('.cluster-list li').count()).resolves.toBe(11);
    await page.screenshot({ path: `${screenshots}/as-of-today.png` });
  });
});
