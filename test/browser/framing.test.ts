import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './browser.ts';
import { startHostPage } from './host-page.ts';
import { pngColourShares } from './png-colours.ts';

// Who may frame what, in a real Chromium enforcing the server's Content-Security-Policy: the embed
// by the allow-listed sites only, the app by nobody, and MapLibre drawing under that policy with
// no violation.

const screenshots = 'test-results';
type Host = Awaited<ReturnType<typeof startHostPage>>;

let browser: Browser;
let app: Awaited<ReturnType<typeof startAppServer>>;
let allowedEmbedHost: Host;
let otherEmbedHost: Host;
let allowedAppHost: Host;
let otherAppHost: Host;

const frames =
  (...paths: string[]) =>
  (appOrigin: string) =>
    paths
      .map(
        (path) =>
          `<iframe src="${appOrigin}${path}" width="900" height="560" style="border:0" title="Bản đồ ${path}"></iframe>`,
      )
      .join('\n');

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  const appOrigin = () => app.origin;
  allowedEmbedHost = await startHostPage(frames('/embed?province=khanh-hoa'), appOrigin);
  otherEmbedHost = await startHostPage(frames('/embed?province=khanh-hoa'), appOrigin);
  allowedAppHost = await startHostPage(frames('/?province=khanh-hoa', '/?mode=plots'), appOrigin);
  otherAppHost = await startHostPage(frames('/?province=khanh-hoa', '/?mode=plots'), appOrigin);
  // Both "allowed" hosts are on the embed's allow-list: it must still not let them frame the app.
  app = await startAppServer({ embedAllowedOrigins: [allowedEmbedHost.origin, allowedAppHost.origin] });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(
    [allowedEmbedHost, otherEmbedHost, allowedAppHost, otherAppHost].map((host) => host?.close()),
  );
  await app?.close();
});

type Framed = { url: string; status: number; policy: string };
type Watch = { context: BrowserContext; page: Page; console: string[]; errors: string[]; framed: Framed[] };

/**
 * A fresh page whose every frame records its CSP violations in `window.__cspViolations`, with the
 * console messages and page errors of all its frames.
 */
async function watchedPage(): Promise<Watch> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1300 }, locale: 'vi-VN' });
  await context.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(
        `${event.violatedDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  const page = await context.newPage();
  const watch: Watch = { context, page, console: [], errors: [], framed: [] };
  page.on('console', (message) => watch.console.push(`${message.type()}: ${message.text()}`));
  // The documents the server sent into frames, with the policy each came with.
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'document' || response.frame() === page.mainFrame()) return;
    watch.framed.push({
      url: response.url(),
      status: response.status(),
      policy: response.headers()['content-security-policy'] ?? '',
    });
  });
  page.on('pageerror', (error) => watch.errors.push(String(error)));
  return watch;
}

const violationsIn = (frame: Frame) =>
  frame.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
const refusedMessages = (watch: Watch) => watch.console.filter((line) => /Refused to/.test(line));

/** Frames of `page` other than its own that show anything of the atlas (a map, the app's chrome). */
async function atlasFramesShowing(page: Page): Promise<string[]> {
  const showing: string[] = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const shows = await frame
      .evaluate(
        () =>
          window.__ccnAtlasMap !== undefined ||
          document.querySelector('.topbar, .map-pane, .embed-card, canvas') !== null,
      )
      .catch(() => false);
    if (shows) showing.push(frame.url());
  }
  return showing;
}

/** Chromium's own page for a frame it refused to show. */
const BLOCKED = 'chrome-error://chromewebdata/';

/**
 * `count` frames were refused: the server answered each with a `frame-ancestors` matching
 * `ancestors`, Chromium replaced each with its error page, and no frame shows any of the atlas.
 */
async function expectFramesRefused(watch: Watch, count: number, ancestors: RegExp) {
  const { page } = watch;
  await expect
    .poll(() => page.frames().filter((frame) => frame.url() === BLOCKED).length, { timeout: 15_000 })
    .toBe(count);
  expect(watch.framed).toHaveLength(count);
  for (const framed of watch.framed) {
    expect(framed.status, framed.url).toBe(200);
    expect(framed.policy, framed.url).toMatch(ancestors);
  }
  await page.waitForTimeout(1500);
  expect(await atlasFramesShowing(page)).toEqual([]);
  const framesOfApp = page
    .frames()
    .filter((frame) => frame !== page.mainFrame() && frame.url().startsWith(app.origin));
  expect(framesOfApp).toEqual([]);
}

/** Waits until a frame's map has drawn its clusters and settled. */
async function waitForClusters(frame: Frame | Page, atLeast: number) {
  await frame.waitForFunction(
    (count) => {
      const map = window.__ccnAtlasMap;
      if (!map?.getLayer('cluster-points')) return false;
      return (
        map.loaded() &&
        !map.isMoving() &&
        map.areTilesLoaded() &&
        map.queryRenderedFeatures({ layers: ['cluster-points'] }).length >= count
      );
    },
    atLeast,
    { timeout: 45_000 },
  );
}

describe('framing, as Chromium enforces it', () => {
  test('the embed loads in a frame on an allow-listed site and draws its map, with no CSP violation', async () => {
    const watch = await watchedPage();
    const { page } = watch;
    await page.goto(allowedEmbedHost.origin);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    if (!frame) throw new Error('no frame');
    await waitForClusters(frame, 11);
    expect(frame.url()).toBe(`${app.origin}/embed?province=khanh-hoa`);

    const png = await page.locator('iframe').screenshot({ path: `${screenshots}/framing-embed-allowed.png` });
    const { shares, distinctColours } = await pngColourShares(page, png, ['#c9dfec', '#fbf9f3']);
    const [sea = 0, vietnam = 0] = shares;
    expect(sea, 'sea drawn in the frame').toBeGreaterThan(0.02);
    expect(vietnam, 'Viet Nam drawn in the frame').toBeGreaterThan(0.02);
    expect(distinctColours, 'a map, not a grey box').toBeGreaterThan(100);

    expect(await violationsIn(frame)).toEqual([]);
    expect(refusedMessages(watch)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await watch.context.close();
  });

  test('the embed is refused (frame-ancestors) to a site not on the list', async () => {
    const watch = await watchedPage();
    const { page } = watch;
    await page.goto(otherEmbedHost.origin);
    await page.waitForSelector('iframe');
    // The allow-list names the listed hosts, not this one.
    await expectFramesRefused(
      watch,
      1,
      new RegExp(`frame-ancestors 'self' ${allowedEmbedHost.origin} ${allowedAppHost.origin}(;|$)`),
    );
    expect(watch.framed[0]?.policy).not.toContain(otherEmbedHost.origin);
    await page.screenshot({ path: `${screenshots}/framing-embed-refused.png` });
    await watch.context.close();
  });

  for (const [label, host] of [
    ['an allow-listed site', () => allowedAppHost],
    ['another site', () => otherAppHost],
  ] as const) {
    test(`the app (/ and /?mode=plots) cannot be framed by ${label}`, async () => {
      const watch = await watchedPage();
      const { page } = watch;
      await page.goto(host().origin);
      await page.waitForSelector('iframe');
      await expectFramesRefused(watch, 2, /frame-ancestors 'none'/);
      await page.screenshot({ path: `${screenshots}/framing-app-refused-${label.replace(/\W+/g, '-')}.png` });
      await watch.context.close();
    });
  }

  test('the app cannot be framed even by a page of its own origin', async () => {
    const watch = await watchedPage();
    const { page } = watch;
    // Any page of the app's origin will do as the framing page: frame-src 'self' lets it try.
    await page.goto(`${app.origin}/api/provinces`);
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.src = '/?province=khanh-hoa';
      document.body.append(frame);
    });
    await expectFramesRefused(watch, 1, /frame-ancestors 'none'/);
    await watch.context.close();
  });

  test('MapLibre draws the app’s clusters under its Content-Security-Policy with no violation', async () => {
    const watch = await watchedPage();
    const { page } = watch;
    const response = await page.goto(`${app.origin}/?province=khanh-hoa`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    await waitForClusters(page, 11);
    const png = await page.locator('.map-pane').screenshot();
    const { shares, distinctColours } = await pngColourShares(page, png, ['#c9dfec', '#fbf9f3']);
    expect(shares[0], 'sea').toBeGreaterThan(0.02);
    expect(shares[1], 'Viet Nam').toBeGreaterThan(0.02);
    expect(distinctColours).toBeGreaterThan(100);
    await page.screenshot({ path: `${screenshots}/framing-app-csp.png` });

    // Plots mode loads its own code (lazy chunks) under the same policy.
    await page.goto(`${app.origin}/?mode=plots`);
    await page.waitForFunction(() => window.__ccnAtlasMap?.loaded() === true, undefined, { timeout: 45_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `${screenshots}/framing-app-plots-csp.png` });

    const violations = await violationsIn(page.mainFrame());
    // Zod's eval probe is switched off before any schema is built (client/src/zod-jitless.ts).
    expect(violations).toEqual([]);
    expect(refusedMessages(watch)).toEqual([]);
    expect(watch.errors).toEqual([]);

    // The listener does hear a violation: an inline script is one under this policy.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.head.append(script);
    });
    await expect.poll(async () => (await violationsIn(page.mainFrame())).length).toBe(violations.length + 1);
    expect((await violationsIn(page.mainFrame())).at(-1)).toMatch(/^script-src-elem inline/);
    expect(
      await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan),
    ).toBeUndefined();
    await watch.context.close();
  });
});
