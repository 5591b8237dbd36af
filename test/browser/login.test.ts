import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './browser.ts';

const screenshots = 'test-results';
const PASSWORD = 'mat-khau-bien-tap';
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
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const topbar = () => page.locator('header.topbar');
/** The top bar's own button, not the dialog's submit button of the same name. */
const signInButton = () => page.locator('.account-menu > button', { hasText: 'Đăng nhập' });
const dialog = () => page.getByRole('dialog', { name: 'Đăng nhập để biên tập' });

describe('signing in', () => {
  test('a wrong password shows the server’s message and keeps the dialog open', async () => {
    await page.goto(`${server.origin}/?province=khanh-hoa`);
    await signInButton().click();
    await dialog().waitFor();
    // Focus starts in the username field.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username');
    await page.keyboard.type('bientap.kh');
    await dialog().getByLabel('Mật khẩu').fill('khong-phai-mat-khau');
    await dialog().getByRole('button', { name: 'Đăng nhập' }).click();
    await expect
      .poll(() => dialog().getByRole('alert').textContent())
      .toBe('Sai tên đăng nhập hoặc mật khẩu.');
    // Escape closes the dialog and gives focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Đăng nhập');
  });

  test('an editor signs in, sees their name and role in the top bar, and signs out', async () => {
    await signInButton().click();
    await dialog().getByLabel('Tên đăng nhập').fill('bientap.kh');
    await dialog().getByLabel('Mật khẩu').fill(PASSWORD);
    await dialog().getByLabel('Mật khẩu').press('Enter');
    await dialog().waitFor({ state: 'detached' });
    await expect
      .poll(() => topbar().getByTestId('account-name').textContent())
      .toBe('Nguyễn Văn A · Biên tập');
    await page.screenshot({ path: `${screenshots}/login-signed-in.png` });

    // The session survives a reload: the cookie is HttpOnly, and the page asks the server who it is.
    await page.reload();
    await expect
      .poll(() => topbar().getByTestId('account-name').textContent())
      .toBe('Nguyễn Văn A · Biên tập');
    expect(await page.evaluate(() => document.cookie)).not.toContain('ccn_session');

    await topbar().getByRole('button', { name: 'Đăng xuất' }).click();
    await signInButton().waitFor();
    await page.reload();
    await signInButton().waitFor();
    expect(await topbar().getByTestId('account-name').count()).toBe(0);
  });
});
