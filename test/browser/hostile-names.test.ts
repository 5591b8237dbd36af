import { mkdirSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AtlasStore } from '../../server/store/store.ts';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './browser.ts';
import { startHostPage } from './host-page.ts';

// Cluster names that are markup must be shown as the text they are, in the app and in the embed:
// no dialog, no injected element, and no escaping either (the literal characters, not &lt;).

const screenshots = 'test-results';
const SCRIPT = '<script>alert(1)</script>CCN Sông Cầu';
const IMAGE = '<img src=x onerror="window.__xss=(window.__xss||0)+1;alert(2)">CCN Khatoco';
const ATTRIBUTE = '"><svg onload=alert(3)>&lt;b&gt; CCN';

let browser: Browser;
let app: Awaited<ReturnType<typeof startAppServer>>;
let host: Awaited<ReturnType<typeof startHostPage>>;
/** Cluster id → its hostile name, the third picked from Khánh Hòa's clusters. */
const hostile = new Map<string, string>([
  ['song-cau', SCRIPT],
  ['khatoco-ninh-ich', IMAGE],
]);

async function seedHostileNames(store: AtlasStore) {
  const clusters = (await store.listClusters({ provinceId: 'khanh-hoa' })).features.map(
    (feature) => feature.properties.id,
  );
  const third = clusters.find((id) => !hostile.has(id));
  if (!third) throw new Error('Khánh Hòa has too few clusters');
  hostile.set(third, ATTRIBUTE);
  for (const [id, name] of hostile) {
    const current = await store.getClusterVersioned(id);
    if (!current) throw new Error(`no cluster ${id}`);
    const written = await store.updateCluster(id, {
      expectedVersion: current.version,
      next: { ...current.feature.properties, name: { vi: name, en: name } },
      actor: { accountId: 'test', accountName: 'Test' },
      sourceId: 'kh-4794',
    });
    if (written.outcome !== 'written') throw new Error(`${id}: ${written.outcome}`);
  }
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  host = await startHostPage(
    (origin) =>
      `<iframe src="${origin}/embed?province=khanh-hoa" width="900" height="560" style="border:0" title="Bản đồ"></iframe>`,
    () => app.origin,
  );
  app = await startAppServer({ seed: seedHostileNames, embedAllowedOrigins: [host.origin] });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await app?.close();
});

/** Every dialog a page or its frames open: an `alert` from a name would land here. */
function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => undefined);
  });
  return dialogs;
}

/** Elements a name could have injected into a frame, described; empty when there are none. */
const injected = (frame: Frame | Page) =>
  frame.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]'))
      found.push(element.outerHTML.slice(0, 120));
    for (const script of document.querySelectorAll('script'))
      if (script.textContent?.includes('alert(')) found.push(script.outerHTML.slice(0, 120));
    if ((window as unknown as { __xss?: number }).__xss !== undefined) found.push('window.__xss set');
    return found;
  });

/** The names the map's label source holds, by cluster id. */
const labelNames = (frame: Frame | Page) =>
  frame.evaluate(() => {
    const map = window.__ccnAtlasMap;
    const names: Record<string, unknown> = {};
    for (const feature of map?.querySourceFeatures('cluster-labels') ?? [])
      names[String(feature.properties.id)] = feature.properties.name_vi;
    return names;
  });

const waitForLabels = (frame: Frame | Page) =>
  frame.waitForFunction(
    () => {
      const map = window.__ccnAtlasMap;
      return Boolean(
        map?.getLayer('cluster-labels') &&
          map.loaded() &&
          !map.isMoving() &&
          map.queryRenderedFeatures({ layers: ['cluster-points'] }).length >= 11,
      );
    },
    undefined,
    { timeout: 45_000 },
  );

describe('names that are markup are shown as text', () => {
  test('in the app: the list, the map labels, the card heading and the title', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'vi-VN' });
    const dialogs = recordDialogs(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${app.origin}/?province=khanh-hoa`);
    await waitForLabels(page);
    const title = await page.title();

    // The list: each hostile name, character for character.
    const listed = await page.locator('.cluster-list-name').allTextContents();
    for (const name of hostile.values()) expect(listed).toContain(name);

    // The map's labels: the label source carries the literal names, and some are drawn.
    const labels = await labelNames(page);
    for (const [id, name] of hostile) expect(labels[id], id).toBe(name);
    const drawn = await page.evaluate(() =>
      (window.__ccnAtlasMap?.queryRenderedFeatures({ layers: ['cluster-labels'] }) ?? []).map((feature) =>
        String(feature.properties.name_vi),
      ),
    );
    expect(drawn.some((name) => [...hostile.values()].includes(name))).toBe(true);
    await page.screenshot({ path: `${screenshots}/hostile-names-list.png` });

    // The card of each, opened from the list.
    for (const [id, name] of hostile) {
      await page
        .locator('.cluster-list-name', { hasText: name.slice(0, 12) })
        .first()
        .click();
      const card = page.locator(`.cluster-card[data-cluster-id="${id}"]`);
      await card.waitFor();
      await expect(card.locator('#cluster-card-title').textContent()).resolves.toBe(name);
      const headings = await page.locator('h1, h2, h3').allTextContents();
      expect(headings).toContain(name);
      if (id === 'khatoco-ninh-ich') await page.screenshot({ path: `${screenshots}/hostile-names-card.png` });
    }
    // The page's title never takes a name as markup (the app keeps its own title).
    expect(await page.title()).toBe(title);
    expect(title).not.toMatch(/[<>]/);

    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(await injected(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('in the embed on a host page: labels and the card, and the name the host is told', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    const dialogs = recordDialogs(page);
    await page.goto(host.origin);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    if (!frame) throw new Error('no frame');
    await waitForLabels(frame);
    const labels = await labelNames(frame);
    for (const [id, name] of hostile) expect(labels[id], id).toBe(name);

    for (const [id, name] of hostile) {
      await page.evaluate(
        (clusterId) =>
          (window as unknown as { sendToAtlas: (command: object) => void }).sendToAtlas({
            type: 'select-cluster',
            id: clusterId,
          }),
        id,
      );
      await frame.waitForFunction(
        (wanted) => document.querySelector('.embed-card strong')?.textContent === wanted,
        name,
        { timeout: 15_000 },
      );
    }
    const told = await page.evaluate(() =>
      (window as unknown as { received: { data: { type: string; name?: { vi: string } } }[] }).received
        .filter((message) => message.data.type === 'cluster-selected')
        .map((message) => message.data.name?.vi),
    );
    expect(told).toEqual([...hostile.values()]);
    await page.screenshot({ path: `${screenshots}/hostile-names-embed.png` });

    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(await injected(frame)).toEqual([]);
    expect(await injected(page)).toEqual([]);
    await page.close();
  });
});
