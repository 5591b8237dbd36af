import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundleWithTestProvince, testClusterId, testProvinceId } from '../api/fixtures/test-province.ts';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './browser.ts';

const screenshots = 'test-results';
const PASSWORD = 'mat-khau-nhap-du-lieu';
const boundaryFile = fileURLToPath(
  new URL('../api/fixtures/import/test-province-boundary.geojson', import.meta.url),
);
let browser: Browser;
let server: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startAppServer({
    // The fictional test province: importing over a real province's clusters would invent facts.
    geodata: bundleWithTestProvince(),
    seed: async (store) => {
      await store.accounts.create({
        username: 'nhap.thu',
        displayName: 'Ngô Thị Thu',
        role: 'editor',
        provinceIds: [testProvinceId],
        password: PASSWORD,
      });
    },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, username: string) {
  await page.locator('.account-menu > button', { hasText: 'Đăng nhập' }).click();
  const dialog = page.getByRole('dialog', { name: 'Đăng nhập để biên tập' });
  await dialog.getByLabel('Tên đăng nhập').fill(username);
  await dialog.getByLabel('Mật khẩu').fill(PASSWORD);
  await dialog.getByLabel('Mật khẩu').press('Enter');
  await dialog.waitFor({ state: 'detached' });
}

const card = (page: Page) => page.locator(`.cluster-card[data-cluster-id="${testClusterId}"]`);
const importDialog = (page: Page) => page.getByRole('dialog', { name: 'Nhập ranh giới và số liệu từ tệp' });
const dryRunButton = (dialog: Locator) => dialog.getByRole('button', { name: 'Chạy thử' });
const commitButton = (dialog: Locator) => dialog.getByRole('button', { name: 'Ghi vào dữ liệu' });

describe('importing a file in the app', () => {
  test('an editor dry-runs a boundary file, sees the report, commits it, and the card shows the imported boundary', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error));
    await page.goto(`${server.origin}/?province=${testProvinceId}&cluster=${testClusterId}`);
    await card(page).waitFor();
    expect(await card(page).locator('.notice.illustrative').count()).toBe(1);
    await card(page).getByRole('button', { name: 'Về tổng quan tỉnh' }).click();
    await page.locator('.province-panel').waitFor();
    // Nobody signed in: no import.
    expect(await page.getByRole('button', { name: 'Nhập dữ liệu' }).count()).toBe(0);

    await signIn(page, 'nhap.thu');
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    const dialog = importDialog(page);
    await dialog.waitFor();
    expect(await commitButton(dialog).isDisabled()).toBe(true);

    // A hostile file is refused with the server's own message, and nothing more.
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'ranh-gioi.kml',
      mimeType: 'application/vnd.google-earth.kml+xml',
      buffer: Buffer.from(
        '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]><kml><Document><Placemark><name>&x;</name></Placemark></Document></kml>',
      ),
    });
    await dryRunButton(dialog).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Không nhập được');
    expect(await alert.textContent()).toContain('khai báo DOCTYPE/ENTITY — bị từ chối');
    expect(await commitButton(dialog).isDisabled()).toBe(true);
    await dialog.screenshot({ path: `${screenshots}/import-refused.png` });

    // The boundary file: dry run first.
    await dialog.locator('input[type="file"]').setInputFiles(boundaryFile);
    await dialog.locator('select[name="sourceId"]').selectOption('test-fixture');
    await dialog.locator('input[name="asOf"]').fill('2025-06-14');
    await dryRunButton(dialog).click();
    const row = dialog.locator('table.import-items tbody tr').first();
    await row.waitFor();
    expect(await dialog.getByRole('alert').count()).toBe(0);
    expect(await dialog.getByTestId('items-read').textContent()).toBe('1');
    expect(await row.textContent()).toContain('CCN Thu nghiem');
    expect(await row.textContent()).toContain('CCN Thử nghiệm (theo tên)');
    const difference = await row.getByTestId('area-difference').textContent();
    expect(difference).toMatch(/^\+\d+,\d+ ha \(\+3\d,\d%\) quy hoạch 27,5 ha$/);
    expect(await dialog.locator('.import-unknown-fields').textContent()).toContain('ghi_chu');
    expect(await dialog.locator('.import-warnings').textContent()).toContain(
      'thay hình minh họa của "cum-thu-nghiem"',
    );
    await dialog.locator('.import-ok').waitFor();
    await dialog.screenshot({ path: `${screenshots}/import-dialog.png` });

    await commitButton(dialog).click();
    const done = dialog.locator('.import-result');
    await done.waitFor();
    expect(await done.textContent()).toContain('Đã ghi 1 ranh giới');
    await dialog.screenshot({ path: `${screenshots}/import-committed.png` });
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The app reloaded its data: the card no longer calls the shape illustrative.
    await page.locator(`.cluster-list button[data-cluster-id="${testClusterId}"]`).click();
    await card(page).waitFor();
    await expect.poll(() => card(page).locator('.notice.illustrative').count()).toBe(0);
    const timeline = card(page).locator('details.cluster-timeline');
    await timeline.locator('summary').click();
    await timeline.locator('.history-entry').first().waitFor();
    expect(await timeline.locator('.history-entry').first().textContent()).toContain('Nhập từ tệp');
    await context.close();
  });
});
