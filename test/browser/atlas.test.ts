import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './browser.ts';
import { pngColourShares } from './png-colours.ts';

const screenshots = 'test-results';
let browser: Browser;
let server: Awaited<ReturnType<typeof startAppServer>>;
let page: Page;
const requested: string[] = [];

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startAppServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('request', (request) => requested.push(request.url()));
  page.on('pageerror', (error) => console.error('page error:', error));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Ids of the clusters MapLibre has drawn in a layer, as queryRenderedFeatures sees them. */
const renderedClusterIds = (layer: string) =>
  page.evaluate((layerId) => {
    const map = window.__ccnAtlasMap;
    if (!map?.getLayer(layerId)) return [];
    return [...new Set(map.queryRenderedFeatures({ layers: [layerId] }).map((f) => String(f.properties.id)))];
  }, layer);

const waitForMapIdle = () =>
  page.waitForFunction(() => {
    const map = window.__ccnAtlasMap;
    return Boolean(map?.loaded() && !map.isMoving() && map.areTilesLoaded());
  });

/** Colours of a screenshot of the map pane (see png-colours.ts). */
async function mapColourShares(hexColours: string[]) {
  return pngColourShares(page, await page.locator('.map-pane').screenshot(), hexColours);
}

describe('the atlas in Chromium', () => {
  test('draws every Khánh Hòa cluster the sources name on the offline basemap', async () => {
    await page.goto(server.origin);
    await page.waitForFunction(
      () => (window.__ccnAtlasMap?.queryRenderedFeatures({ layers: ['cluster-points'] }).length ?? 0) >= 11,
      undefined,
      { timeout: 30_000 },
    );
    await waitForMapIdle();
    expect((await renderedClusterIds('cluster-points')).sort()).toHaveLength(11);
    expect(await renderedClusterIds('cluster-labels')).not.toHaveLength(0);

    await expect(page.locator('.map-title').textContent()).resolves.toContain('11 / 14');
    const legend = page.locator('.legend');
    await expect(legend.locator('[data-class="operating"] .legend-count').textContent()).resolves.toBe('2');
    await expect(legend.textContent()).resolves.toContain('minh họa');

    const { shares, distinctColours } = await mapColourShares(['#c9dfec', '#fbf9f3', '#009e73', '#cc79a7']);
    const [sea = 0, vietnam = 0, operating = 0, planned = 0] = shares;
    expect(sea, 'sea colour').toBeGreaterThan(0.05);
    expect(vietnam, 'Viet Nam land colour').toBeGreaterThan(0.05);
    expect(operating, 'operating clusters drawn').toBeGreaterThan(0);
    expect(planned, 'planned clusters drawn').toBeGreaterThan(0);
    expect(distinctColours).toBeGreaterThan(100);
    await page.screenshot({ path: `${screenshots}/atlas-khanh-hoa.png` });
  });

  test('opens a cluster’s card with its figures, sources and unknowns', async () => {
    const point = await page.evaluate(() => {
      const map = window.__ccnAtlasMap;
      const feature = map?.querySourceFeatures('cluster-labels').find((f) => f.properties.id === 'song-cau');
      if (!map || !feature || feature.geometry.type !== 'Point') return null;
      const [lng = 0, lat = 0] = feature.geometry.coordinates;
      const projected = map.project([lng, lat]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + projected.x, y: box.top + projected.y };
    });
    expect(point).not.toBeNull();
    await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
    const card = page.locator('.cluster-card');
    await card.waitFor();
    await expect(card.locator('h2').textContent()).resolves.toBe('CCN Sông Cầu');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Đang hoạt động');
    expect(text).toContain('huyện Khánh Vĩnh');
    expect(text).toContain('45%');
    expect(text).toContain('4794/KH-UBND');
    expect(text).toContain('chưa có số liệu');
    expect(text).toContain('Minh họa');
    // The checklist lists the ten components, each unknown: no source reports them.
    await expect(card.locator('.checklist li[data-state="unknown"]').count()).resolves.toBe(10);
    await expect(card.locator('[data-measure="vn2000"]').textContent()).resolves.toMatch(
      /mặt phẳng VN-2000: [\d.]+,\d+ ha/,
    );
    expect(text).toContain('Đo trên hình minh họa');
    await expect(
      card.locator('.rule-check[data-rule="cluster-area"]').getAttribute('data-status'),
    ).resolves.toBe('unknown');
    expect(page.url()).toContain('cluster=song-cau');
    await page.screenshot({ path: `${screenshots}/atlas-cluster-card.png` });
  });

  test('switches the interface to English and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('.cluster-card h2').textContent()).resolves.toBe('Sông Cầu cluster');
    await expect(page.locator('.cluster-card').textContent()).resolves.toContain('Operating');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect(page.locator('.cluster-card h2').textContent()).resolves.toBe('CCN Sông Cầu');
  });

  test('shows Hòa Bình by its reported totals, with no cluster invented', async () => {
    await page.locator('.topbar select').selectOption('hoa-binh');
    const panel = page.locator('.province-panel');
    await expect(panel.locator('h2').textContent()).resolves.toBe('Hòa Bình');
    await page.waitForFunction(() => window.__ccnAtlasMap?.getSource('cluster-points') !== undefined);
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('866,605 ha');
    expect(text).toContain('24,28%');
    expect(text).toContain('Nguồn không nêu tên cụm');
    await expect(page.locator('.map-title').textContent()).resolves.toContain('0 / 21');
    await page.waitForFunction(() => {
      const map = window.__ccnAtlasMap;
      return map !== undefined && !map.isMoving() && map.getCenter().lng < 106.5;
    });
    expect(await renderedClusterIds('cluster-points')).toEqual([]);
    await page.screenshot({ path: `${screenshots}/atlas-hoa-binh.png` });
  });

  test('labels Hoàng Sa and Trường Sa as Viet Nam’s', async () => {
    await page.evaluate(() => window.__ccnAtlasMap?.jumpTo({ center: [110.5, 13.5], zoom: 4.6 }));
    await waitForMapIdle();
    const labels = await page.evaluate(() =>
      (window.__ccnAtlasMap?.queryRenderedFeatures({ layers: ['archipelago-labels'] }) ?? []).map((f) =>
        String(f.properties.name_vi),
      ),
    );
    expect(labels).toContain('Quần đảo Hoàng Sa (Việt Nam)');
    expect(labels).toContain('Quần đảo Trường Sa (Việt Nam)');
    await page.screenshot({ path: `${screenshots}/atlas-bien-dong.png` });
  });

  test('switches each thematic layer, drawing unknowns hatched and saying how many', async () => {
    await page.goto(`${server.origin}/?province=khanh-hoa`);
    await page.waitForFunction(
      () => (window.__ccnAtlasMap?.queryRenderedFeatures({ layers: ['cluster-points'] }).length ?? 0) >= 11,
    );
    const cases = [
      { id: 'clearance', title: 'Giải phóng mặt bằng', layers: ['cluster-points-unknown'], rings: 3 },
      {
        id: 'infrastructure',
        title: 'Hoàn thiện hạ tầng kỹ thuật',
        layers: ['cluster-points-unknown'],
        rings: 0,
      },
      { id: 'wastewater', title: 'Trạm xử lý nước thải tập trung', layers: ['cluster-droplets'], rings: 0 },
      { id: 'occupancy', title: 'Tỷ lệ lấp đầy', layers: ['cluster-points-unknown'], rings: 0 },
      { id: 'stage', title: 'Giai đoạn', layers: ['cluster-points'], rings: 0 },
    ];
    for (const layer of cases) {
      await page.locator(`.layer-switcher input[value="${layer.id}"]`).check();
      const legend = page.locator(`.legend[data-layer="${layer.id}"]`);
      await legend.waitFor();
      await expect(legend.locator('h2').textContent()).resolves.toBe(layer.title);
      await waitForMapIdle();
      const drawn = new Set<string>();
      for (const id of layer.layers) for (const cluster of await renderedClusterIds(id)) drawn.add(cluster);
      expect(drawn.size, `${layer.id}: clusters drawn`).toBe(11);
      if (layer.id !== 'stage') {
        await expect(legend.locator('[data-class="unknown"] .legend-count').textContent()).resolves.toBe(
          '11',
        );
        // Unknown is its own class: no cluster is counted under the lowest class as if it were 0.
        await expect(
          legend
            .locator('[data-class="0-25"], [data-class="none"]')
            .first()
            .locator('.legend-count')
            .textContent(),
        ).resolves.toBe('0');
      }
      expect((await renderedClusterIds('cluster-rings')).length, `${layer.id}: rings`).toBe(layer.rings);
      expect(page.url()).toContain(layer.id === 'stage' ? server.origin : `layer=${layer.id}`);
      await page.screenshot({ path: `${screenshots}/layer-${layer.id}.png` });
    }
  });

  test('finds clusters without diacritics and walks the list by keyboard', async () => {
    const search = page.locator('.cluster-search');
    await search.fill('dien tho');
    const items = page.locator('.cluster-list li button');
    await expect(items.count()).resolves.toBe(2);
    await search.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.locator('.cluster-card h2').textContent()).resolves.toBe('CCN Diên Thọ (giai đoạn 2)');
    expect(page.url()).toContain('cluster=dien-tho-2');
    await search.fill('');
  });

  test('explains the dashboard’s mismatches and judges targets as of a chosen date', async () => {
    await page.goto(`${server.origin}/?province=khanh-hoa`);
    const panel = page.locator('.province-panel');
    await panel.waitFor();
    await expect(
      panel.locator('[data-key="plannedAreaHaFromReportedParts"] .explanation').textContent(),
    ).resolves.toContain('362,64 ha + 196,81 ha = 559,45 ha, so với khoảng 669 ha báo cáo: chênh 109,55 ha');
    await expect(panel.locator('[data-key="clustersInPlan"] .explanation').textContent()).resolves.toContain(
      '3 cụm báo cáo có tính nhưng nguồn không nêu tên',
    );
    await expect(
      panel.locator('.stage-chart [data-stage="operating"] svg').getAttribute('aria-label'),
    ).resolves.toBe('2 / 6');
    const dienTho = panel.locator('.target-groups li[data-cluster-id="dien-tho"]');
    await expect(dienTho.textContent()).resolves.toContain('đã quá hạn');
    await panel.locator('.as-of input').fill('2024-06-01');
    await expect(dienTho.textContent()).resolves.not.toContain('đã quá hạn');
    await expect(
      panel.locator('.rule-check[data-rule="new-cluster-in-district"]').count(),
    ).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: `${screenshots}/dashboard.png`, fullPage: true });
  });

  test('reopens the same view from a copied link', async () => {
    await page.goto(
      `${server.origin}/?province=khanh-hoa&layer=wastewater&cluster=song-cau&map=11.00/12.28000/108.97500&lang=en`,
    );
    await page.locator('.cluster-card h2').waitFor();
    await expect(page.locator('.cluster-card h2').textContent()).resolves.toBe('Sông Cầu cluster');
    await expect(page.locator('.layer-switcher input[value="wastewater"]').isChecked()).resolves.toBe(true);
    await waitForMapIdle();
    const camera = await page.evaluate(() => {
      const map = window.__ccnAtlasMap;
      return map ? { zoom: map.getZoom(), lng: map.getCenter().lng, lat: map.getCenter().lat } : null;
    });
    expect(camera?.zoom).toBeCloseTo(11, 1);
    expect(camera?.lng).toBeCloseTo(108.975, 3);
    expect(camera?.lat).toBeCloseTo(12.28, 3);
  });

  test('builds an embed snippet with a live preview of the same options', async () => {
    await page.goto(`${server.origin}/?province=khanh-hoa&layer=wastewater`);
    await page.getByRole('button', { name: 'Nhúng bản đồ' }).click();
    const dialog = page.locator('dialog.embed-dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Cao (px)').fill('400');
    await dialog.getByLabel('Chú giải').uncheck();
    const iframeCode = await dialog.locator('textarea[data-snippet="iframe"]').inputValue();
    expect(iframeCode).toBe(
      `<iframe src="${server.origin}/embed?province=khanh-hoa&amp;layer=wastewater&amp;legend=0" width="100%" height="400" style="border:0" title="Bản đồ cụm công nghiệp" loading="lazy"></iframe>`,
    );
    await expect(dialog.locator('textarea[data-snippet="script"]').inputValue()).resolves.toContain(
      `<ccn-atlas-map province="khanh-hoa" layer="wastewater" legend="0" height="400">`,
    );
    const preview = page.frameLocator('iframe.embed-preview');
    await preview.locator('.embed-footer').waitFor();
    await expect(preview.locator('.legend').count()).resolves.toBe(0);
    const previewFrame = page.frames().find((frame) => frame.url().includes('/embed?'));
    await previewFrame?.waitForFunction(
      () =>
        (window.__ccnAtlasMap?.queryRenderedFeatures({ layers: ['cluster-droplets'] }).length ?? 0) === 11,
    );
    await page.screenshot({ path: `${screenshots}/embed-dialog.png` });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  test('sent no request to another origin', () => {
    const foreign = requested.filter((url) => !url.startsWith(server.origin) && !/^(data|blob):/.test(url));
    expect(requested.length).toBeGreaterThan(5);
    expect(foreign).toEqual([]);
  });
});
