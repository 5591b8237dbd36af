import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './browser.ts';

const screenshots = 'test-results';
const PASSWORD = 'mat-khau-bien-tap';
let browser: Browser;
let server: Awaited<ReturnType<typeof startAppServer>>;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startAppServer({
    seed: async (store) => {
      const editor = (username: string, displayName: string) =>
        store.accounts.create({
          username,
          displayName,
          role: 'editor',
          provinceIds: ['khanh-hoa'],
          password: PASSWORD,
        });
      await editor('bientap.a', 'Nguyễn Văn A');
      await editor('bientap.b', 'Trần Thị B');
      await store.accounts.create({
        username: 'xem.kh',
        displayName: 'Lê Văn Xem',
        role: 'viewer',
        provinceIds: [],
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

/** A fresh browser context (its own cookies) on Sông Cầu's card. */
async function openSongCau(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'vi-VN' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(`${server.origin}/?province=khanh-hoa&cluster=song-cau`);
  await page.locator('.cluster-card[data-cluster-id="song-cau"]').waitFor();
  return page;
}

/** Signs in through the top bar's dialog. */
async function signIn(page: Page, username: string) {
  await page.locator('.account-menu > button', { hasText: 'Đăng nhập' }).click();
  const dialog = page.getByRole('dialog', { name: 'Đăng nhập để biên tập' });
  await dialog.getByLabel('Tên đăng nhập').fill(username);
  await dialog.getByLabel('Mật khẩu').fill(PASSWORD);
  await dialog.getByLabel('Mật khẩu').press('Enter');
  await dialog.waitFor({ state: 'detached' });
}

const editButton = (page: Page) => page.getByRole('button', { name: 'Sửa số liệu' });
const form = (page: Page) => page.locator('form.cluster-edit-form');

async function openForm(page: Page) {
  await editButton(page).click();
  await form(page).locator('input[name="figures.leasedIndustrialLandHa"]').waitFor();
}

async function cite(page: Page) {
  await form(page).locator('select[name="sourceId"]').selectOption('kh-4794');
  await form(page).locator('input[name="asOf"]').fill('2025-06-14');
}

const figureRow = (page: Page, label: string) =>
  page.locator('.cluster-card dl.facts dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');

async function openTimeline(page: Page) {
  const timeline = page.locator('details.cluster-timeline');
  if (!(await timeline.evaluate((element) => (element as HTMLDetailsElement).open))) {
    await timeline.locator('summary').click();
  }
  await timeline.locator('.history-entry').first().waitFor();
  return timeline;
}

describe('editing a cluster', () => {
  test('an anonymous visitor and a viewer see no edit button', async () => {
    const page = await openSongCau();
    await page.locator('.account-menu > button', { hasText: 'Đăng nhập' }).waitFor();
    expect(await editButton(page).count()).toBe(0);
    await signIn(page, 'xem.kh');
    await page.getByTestId('account-name').waitFor();
    expect(await editButton(page).count()).toBe(0);
    await page.context().close();
  });

  let pageA: Page;

  test('an editor changes the leased area with a source, sees it on the card and in the timeline', async () => {
    pageA = await openSongCau();
    await signIn(pageA, 'bientap.a');
    await openForm(pageA);
    await form(pageA).locator('input[name="figures.leasedIndustrialLandHa"]').fill('12,5');
    // Without a source the form refuses, and says why.
    await form(pageA).getByRole('button', { name: 'Lưu' }).click();
    await form(pageA).getByText('Hãy chọn văn bản nguồn', { exact: false }).waitFor();
    await cite(pageA);
    expect(await form(pageA).getByText('Hãy chọn văn bản nguồn', { exact: false }).count()).toBe(0);
    await form(pageA).screenshot({ path: `${screenshots}/edit-form.png` });
    await form(pageA).getByRole('button', { name: 'Lưu' }).click();

    await pageA.getByRole('status').filter({ hasText: 'Đã lưu (phiên bản 2).' }).waitFor();
    expect(await form(pageA).count()).toBe(0);
    await expect.poll(() => figureRow(pageA, 'Đã cho thuê').textContent()).toContain('12,5 ha');
    expect(await figureRow(pageA, 'Đã cho thuê').textContent()).toContain('4794/KH-UBND');
    expect(await figureRow(pageA, 'Đã cho thuê').textContent()).toContain('14/06/2025');

    const timeline = await openTimeline(pageA);
    const latest = timeline.locator('.history-entry').first();
    expect(await latest.textContent()).toContain('Nguyễn Văn A');
    expect(await latest.textContent()).toContain('Sửa số liệu');
    expect(await latest.locator('.difference-list').textContent()).toBe(
      'Đã cho thuê: chưa có số liệu → 12,5 ha',
    );
    expect(await timeline.locator('.history-entry').last().textContent()).toContain('Hệ thống (nạp dữ liệu)');
  });

  test('a stale save shows the other editor’s change, and the editor applies theirs onto the latest', async () => {
    const pageB = await openSongCau();
    await signIn(pageB, 'bientap.b');
    await openForm(pageB);
    expect(await form(pageB).getAttribute('data-version')).toBe('2');
    await form(pageB).locator('input[name="figures.productionFacilityCount"]').fill('12');
    await cite(pageB);

    // Meanwhile editor A saves another change.
    await openForm(pageA);
    await form(pageA).locator('input[name="figures.workerCount"]').fill('150');
    await cite(pageA);
    await form(pageA).getByRole('button', { name: 'Lưu' }).click();
    await pageA.getByRole('status').filter({ hasText: 'Đã lưu (phiên bản 3).' }).waitFor();

    await form(pageB).getByRole('button', { name: 'Lưu' }).click();
    const stale = form(pageB).locator('.stale-write');
    await stale.getByRole('heading', { name: 'Người khác đã sửa cụm này' }).waitFor();
    expect(await stale.textContent()).toContain('Nguyễn Văn A');
    expect(await stale.locator('.difference-list').textContent()).toBe(
      'Lao động: chưa có số liệu → 150 người',
    );
    // Nothing the editor typed is lost.
    expect(await form(pageB).locator('input[name="figures.productionFacilityCount"]').inputValue()).toBe(
      '12',
    );
    await pageB.screenshot({ path: `${screenshots}/edit-conflict.png` });

    await stale.getByRole('button', { name: 'Áp dụng thay đổi của tôi lên bản mới nhất' }).click();
    // The stale-write notice already names version 3: wait for the form itself to be rebased.
    await expect.poll(() => form(pageB).getAttribute('data-version')).toBe('3');
    expect(await form(pageB).locator('input[name="figures.productionFacilityCount"]').inputValue()).toBe(
      '12',
    );
    expect(await form(pageB).locator('input[name="figures.workerCount"]').inputValue()).toBe('150');
    await form(pageB).getByRole('button', { name: 'Lưu' }).click();
    await pageB.getByRole('status').filter({ hasText: 'Đã lưu (phiên bản 4).' }).waitFor();

    const timeline = await openTimeline(pageB);
    const entries = timeline.locator('.history-entry');
    await expect.poll(() => entries.count()).toBe(4);
    const texts = await entries.allTextContents();
    expect(texts[0]).toContain('Trần Thị B');
    expect(texts[0]).toContain('Cơ sở sản xuất: chưa có số liệu → 12');
    expect(texts[0]).not.toContain('Lao động');
    expect(texts[1]).toContain('Nguyễn Văn A');
    expect(texts[1]).toContain('Lao động: chưa có số liệu → 150 người');
    expect(texts[2]).toContain('Nguyễn Văn A');
    expect(texts[2]).toContain('Đã cho thuê');
    // The card shows both editors' figures.
    await expect.poll(() => figureRow(pageB, 'Đã cho thuê').textContent()).toContain('12,5 ha');
    await pageB.context().close();
    await pageA.context().close();
  });

  test('an editor adds a target with a deadline; the card lists it with its source, the timeline shows it', async () => {
    const page = await openSongCau();
    await signIn(page, 'bientap.a');
    await openForm(page);
    const targets = form(page).getByRole('group', { name: 'Mục tiêu', exact: true });
    await targets.getByRole('button', { name: 'Thêm mục tiêu' }).click();
    const added = targets.getByRole('group', { name: 'Mục tiêu 2', exact: true });
    await cite(page);
    // A target without a description or deadline is refused, field by field.
    await form(page).getByRole('button', { name: 'Lưu' }).click();
    await added.getByText('Hãy nhập nội dung mục tiêu bằng tiếng Việt.').waitFor();
    await added.getByText('Hãy nhập thời hạn', { exact: false }).waitFor();
    await added
      .getByLabel('Loại mục tiêu')
      .selectOption({ label: 'Giải phóng mặt bằng và khởi công xây dựng' });
    await added.getByLabel('Nội dung (tiếng Việt)').fill('Giải phóng mặt bằng đạt 90% diện tích');
    await added.getByLabel('Giá trị').fill('90');
    await added.getByLabel('Thời hạn', { exact: true }).fill('2026-06-30');
    expect(await added.locator('.field-error').count()).toBe(0);
    await targets.screenshot({ path: `${screenshots}/edit-targets.png` });
    await form(page).getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();

    const item = page.locator('.cluster-card .target-list li', { hasText: 'Giải phóng mặt bằng đạt 90%' });
    await item.waitFor();
    expect(await page.locator('.cluster-card .target-list li').count()).toBe(2);
    expect(await item.textContent()).toContain('30/06/2026');
    expect(await item.textContent()).toContain('4794/KH-UBND');

    const timeline = await openTimeline(page);
    const change = timeline.locator('.history-entry').first().locator('li[data-path="targets"]');
    await expect.poll(() => change.textContent()).toContain('1 mục tiêu: Phấn đấu tỷ lệ lấp đầy 45%');
    expect(await change.textContent()).toContain('→ 2 mục tiêu:');
    expect(await change.textContent()).toContain(
      'Giải phóng mặt bằng đạt 90% diện tích (90%, hạn 30/06/2026)',
    );
    await page.context().close();
  });
});
