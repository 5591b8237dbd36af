import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PlotPage } from '../../domain/plot-api.ts';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './browser.ts';

const screenshots = 'test-results';
const PASSWORD = 'mat-khau-phan-lo';
let browser: Browser;
let server: Awaited<ReturnType<typeof startAppServer>>;
let page: Page;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startAppServer({
    seed: async (store) => {
      await store.accounts.create({
        username: 'bientap.kh',
        displayName: 'Nguyễn Văn A',
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

const layoutButton = () => page.getByRole('button', { name: 'Phân lô minh họa' });
const form = () => page.locator('form.plot-layout-form');
/** Sông Cầu's plots as the API lists them now (generated ones are offered as available). */
const songCauPlots = async () =>
  PlotPage.parse(
    await (await page.request.get(`${server.origin}/api/plots?cluster=song-cau&limit=500`)).json(),
  );

describe('an editor lays out demonstration plots from the cluster card', () => {
  test('the public sees no layout button', async () => {
    await page.goto(`${server.origin}/?province=khanh-hoa&cluster=song-cau`);
    await page.locator('.cluster-card[data-cluster-id="song-cau"]').waitFor();
    await page.locator('.account-menu > button', { hasText: 'Đăng nhập' }).waitFor();
    expect(await layoutButton().count()).toBe(0);
  });

  test('signs in, previews (nothing written), then creates the plots', async () => {
    await page.locator('.account-menu > button', { hasText: 'Đăng nhập' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đăng nhập để biên tập' });
    await dialog.getByLabel('Tên đăng nhập').fill('bientap.kh');
    await dialog.getByLabel('Mật khẩu').fill(PASSWORD);
    await dialog.getByLabel('Mật khẩu').press('Enter');
    await dialog.waitFor({ state: 'detached' });

    await layoutButton().click();
    await form().waitFor();
    // The CLI's defaults, and the notice that these are demonstration plots, never reported figures.
    expect(await form().locator('input[name="plotWidthM"]').inputValue()).toBe('50');
    expect(await form().locator('input[name="plotDepthM"]').inputValue()).toBe('80');
    expect(await form().locator('input[name="roadWidthM"]').inputValue()).toBe('12');
    const notice = (await form().locator('.notice.illustrative').textContent()) ?? '';
    expect(notice).toContain('Minh họa');
    expect(notice).toContain('không bao giờ được tính vào số liệu báo cáo');
    expect(await form().textContent()).toContain('Ranh giới của cụm này cũng chỉ là minh họa');
    const create = form().getByRole('button', { name: 'Tạo lô minh họa' });
    expect(await create.isDisabled()).toBe(true);

    // A size out of bounds is named with the bounds, and nothing is sent.
    await form().locator('input[name="plotWidthM"]').fill('5');
    await form().getByRole('button', { name: 'Xem trước' }).click();
    await form().getByText('Nhập một số từ 10 đến 500 m.').waitFor();
    await form().locator('input[name="plotWidthM"]').fill('50');

    await form().getByRole('button', { name: 'Xem trước' }).click();
    const preview = form().locator('[data-outcome="preview"]');
    await preview.waitFor();
    const previewText = (await preview.textContent()) ?? '';
    expect(previewText).toMatch(
      /^Xem trước \(chưa ghi gì\): (\d+) lô — \1 lô mới, 0 lô thay thế, 0 lô minh họa cũ bị xóa\.$/,
    );
    const count = Number(previewText.match(/(\d+) lô/)?.[1]);
    expect(count).toBeGreaterThan(20);
    expect((await songCauPlots()).numberMatched).toBe(0);

    await create.click();
    const done = form().locator('[data-outcome="done"]');
    await done.waitFor();
    expect(await done.textContent()).toContain(
      `Đã tạo ${count} lô minh họa — ${count} lô mới, 0 lô thay thế`,
    );
    expect((await songCauPlots()).numberMatched).toBe(count);
    await page.locator('.cluster-card').screenshot({ path: `${screenshots}/plot-layout-card.png` });
  });

  test('switches to "Tìm lô đất" on the cluster and sees the generated plots flagged Minh họa', async () => {
    await form().getByRole('button', { name: 'Xem các lô trong “Tìm lô đất”' }).click();
    await page.locator('.plot-list').waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('mode')).toBe('plots');
    const rows = page.locator('.plot-list li button[data-plot-id^="song-cau-layout-"]');
    await rows.first().waitFor();
    const listed = await page
      .locator('.plot-list li button')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-plot-id') ?? ''));
    expect(listed.length).toBeGreaterThan(20);
    expect(listed.every((id) => id.startsWith('song-cau-layout-'))).toBe(true);
    const badges = await rows.locator('.generated-badge').allTextContents();
    expect(badges.length).toBe(listed.length);
    expect(new Set(badges)).toEqual(new Set(['Minh họa']));
    await page.waitForFunction(() => {
      const map = window.__ccnAtlasMap;
      return Boolean(map?.loaded() && !map.isMoving() && map.areTilesLoaded());
    });
    // The map opens on the cluster, close enough for its plots to be drawn.
    const drawn = await page.evaluate(() => {
      const map = window.__ccnAtlasMap;
      if (!map?.getLayer('plot-fill')) return [];
      return map
        .queryRenderedFeatures({ layers: ['plot-fill'] })
        .map((feature) => String(feature.properties.id));
    });
    expect(drawn.some((id) => id.startsWith('song-cau-layout-'))).toBe(true);
    await page.screenshot({ path: `${screenshots}/plot-layout.png` });
  });
});
