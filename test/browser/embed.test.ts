import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './browser.ts';
import { startHostPage } from './host-page.ts';

type Received = {
  origin: string;
  data: { type: string; id?: string | null; clusterCount?: number; name?: { vi: string } };
};

let browser: Browser;
let app: Awaited<ReturnType<typeof startAppServer>>;
let allowedHost: Awaited<ReturnType<typeof startHostPage>>;
let otherHost: Awaited<ReturnType<typeof startHostPage>>;
let componentHost: Awaited<ReturnType<typeof startHostPage>>;
let appFramingHost: Awaited<ReturnType<typeof startHostPage>>;

const iframe = (path: string) => (appOrigin: string) =>
  `<iframe src="${appOrigin}${path}" width="900" height="560" style="border:0" title="Bản đồ"></iframe>`;

beforeAll(async () => {
  const appOrigin = () => app.origin;
  allowedHost = await startHostPage(iframe('/embed?province=khanh-hoa'), appOrigin);
  otherHost = await startHostPage(iframe('/embed?province=khanh-hoa'), appOrigin);
  appFramingHost = await startHostPage(iframe('/?province=khanh-hoa'), appOrigin);
  componentHost = await startHostPage(
    (origin) => `<script src="${origin}/embed.js" async></script>
<ccn-atlas-map province="khanh-hoa" layer="occupancy" height="420"></ccn-atlas-map>
<script>window.events = []; document.addEventListener('ccn-atlas:ready', (e) => window.events.push(e.detail));</script>`,
    appOrigin,
  );
  app = await startAppServer({ embedAllowedOrigins: [allowedHost.origin, componentHost.origin] });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([allowedHost, otherHost, componentHost, appFramingHost].map((host) => host?.close()));
  await app?.close();
});

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Received[] }).received);
const waitForMessage = (page: Page, type: string, timeout = 30_000) =>
  page.waitForFunction(
    (wanted) =>
      (window as unknown as { received: Received[] }).received.some(
        (message) => message.data.type === wanted,
      ),
    type,
    { timeout },
  );
const atlasFrame = (page: Page): Frame => {
  const frame = page.frames().find((candidate) => candidate.url().startsWith(`${app.origin}/embed`));
  if (!frame) throw new Error('no embed frame');
  return frame;
};

describe('the embed on another site', () => {
  let page: Page;

  test('tells an allowed host it is ready, from the app’s origin', async () => {
    page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(allowedHost.origin);
    await waitForMessage(page, 'ready');
    const ready = (await received(page)).find((message) => message.data.type === 'ready');
    expect(ready?.origin).toBe(app.origin);
    expect(ready?.data.clusterCount).toBe(11);
  });

  test('follows the host’s commands: layer, selection and bbox', async () => {
    const frame = atlasFrame(page);
    await page.evaluate(() =>
      (window as unknown as { sendToAtlas: (command: object) => void }).sendToAtlas({
        type: 'set-layer',
        layer: 'wastewater',
      }),
    );
    await frame.locator('.legend[data-layer="wastewater"]').waitFor();

    await page.evaluate(() =>
      (window as unknown as { sendToAtlas: (command: object) => void }).sendToAtlas({
        type: 'select-cluster',
        id: 'song-cau',
      }),
    );
    await waitForMessage(page, 'cluster-selected');
    const selected = (await received(page)).find((message) => message.data.type === 'cluster-selected');
    expect(selected?.data).toMatchObject({ id: 'song-cau', name: { vi: 'CCN Sông Cầu' } });
    await expect(frame.locator('.embed-card strong').textContent()).resolves.toBe('CCN Sông Cầu');

    await page.evaluate(() =>
      (window as unknown as { sendToAtlas: (command: object) => void }).sendToAtlas({
        type: 'fly-to-bbox',
        bbox: [109.1, 12.38, 109.16, 12.43],
      }),
    );
    await frame.waitForFunction(() => {
      const map = window.__ccnAtlasMap;
      return (
        map !== undefined &&
        !map.isMoving() &&
        map.getZoom() > 11 &&
        map.getBounds().contains([109.13, 12.405])
      );
    });
    await page.screenshot({ path: 'test-results/embed-host.png' });
  });

  test('ignores a malformed command instead of breaking', async () => {
    const frame = atlasFrame(page);
    await page.evaluate(() =>
      (window as unknown as { sendToAtlas: (command: object) => void }).sendToAtlas({
        type: 'set-layer',
        layer: 'nope',
      }),
    );
    await expect(frame.locator('.legend').getAttribute('data-layer')).resolves.toBe('wastewater');
  });

  test('tells the host when a visitor clicks a cluster on the map', async () => {
    const frame = atlasFrame(page);
    await page.evaluate(() => {
      (window as unknown as { received: Received[] }).received.length = 0;
    });
    const point = await frame.evaluate(() => {
      const map = window.__ccnAtlasMap;
      const feature = map
        ?.querySourceFeatures('cluster-labels')
        .find((f) => f.properties.id === 'khatoco-ninh-ich');
      if (!map || !feature || feature.geometry.type !== 'Point') return null;
      const [lng = 0, lat = 0] = feature.geometry.coordinates;
      return map.project([lng, lat]);
    });
    const box = await page.locator('iframe').boundingBox();
    if (!point || !box) throw new Error('cluster or iframe not found');
    await page.mouse.click(box.x + point.x, box.y + point.y - 8);
    await waitForMessage(page, 'cluster-selected');
    const selected = (await received(page)).find((message) => message.data.type === 'cluster-selected');
    expect(selected?.data.id).toBe('khatoco-ninh-ich');
    await page.close();
  });

  test('is refused by a site not on the allow-list', async () => {
    const refused = await browser.newPage();
    await refused.goto(otherHost.origin);
    await refused.waitForTimeout(4000);
    expect(await received(refused)).toEqual([]);
    const frameLoaded = await Promise.all(
      refused
        .frames()
        .map((frame) => frame.evaluate(() => window.__ccnAtlasMap !== undefined).catch(() => false)),
    );
    expect(frameLoaded).not.toContain(true);
    await refused.close();
  });

  test('the app itself cannot be framed, even by an allowed site', async () => {
    const framing = await browser.newPage();
    await framing.goto(appFramingHost.origin);
    await framing.waitForTimeout(3000);
    const appTitles = await Promise.all(
      framing
        .frames()
        .filter((frame) => frame !== framing.mainFrame())
        .map((frame) => frame.evaluate(() => document.querySelector('.topbar') !== null).catch(() => false)),
    );
    expect(appTitles).not.toContain(true);
    await framing.close();
  });

  test('the one-line script embeds the map and re-emits its events as DOM events', async () => {
    const host = await browser.newPage();
    await host.goto(componentHost.origin);
    await host.waitForFunction(
      () => (window as unknown as { events: unknown[] }).events.length > 0,
      undefined,
      {
        timeout: 30_000,
      },
    );
    const frame = host.frames().find((candidate) => candidate.url().startsWith(`${app.origin}/embed`));
    expect(frame?.url()).toContain('layer=occupancy');
    await expect(frame?.locator('.legend').getAttribute('data-layer')).resolves.toBe('occupancy');
    const cors = await host.evaluate(
      async (origin) => (await fetch(`${origin}/api/provinces`)).status,
      app.origin,
    );
    expect(cors).toBe(200);
    await host.close();
  });
});
