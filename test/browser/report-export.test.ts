import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  latestEndedReportingPeriod,
  parseReportingPeriodId,
  reportingPeriodLabel,
} from '../../domain/reporting-period.ts';
import { startAppServer } from './app-server.ts';
import { launchChromium } from './browser.ts';

const screenshots = 'test-results';
let browser: Browser;
let server: Awaited<ReturnType<typeof startAppServer>>;
let page: Page;
/** The period the planner picks, found among those offered so the test holds whatever today is. */
let chosen = '';
const label = () => {
  const period = parseReportingPeriodId(chosen);
  if (!period) throw new Error(`no period chosen: "${chosen}"`);
  return reportingPeriodLabel(period);
};

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startAppServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the national database export in the province dashboard', () => {
  test('offers the ended periods, latest first and chosen by default', async () => {
    await page.goto(`${server.origin}/?province=khanh-hoa`);
    const section = page.locator('.province-panel .national-report');
    await section.waitFor();
    await expect(section.locator('h3').textContent()).resolves.toBe(
      'Xuất báo cáo CSDL quốc gia (Thông tư 14/2024)',
    );
    const select = section.locator('select');
    const today = new Date().toISOString().slice(0, 10);
    await expect(select.inputValue()).resolves.toBe(latestEndedReportingPeriod(today).id);
    const values = await select
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(values).toHaveLength(6);
    const ends = values.map((id) => parseReportingPeriodId(id)?.endDate ?? '');
    expect(ends).toEqual([...ends].sort().reverse());
    // The oldest six-month period offered: not the default, so choosing it changes the links.
    chosen = values.filter((id) => id.endsWith('-h1')).at(-1) ?? '';
    expect(chosen).not.toBe(values[0]);
  });

  test('downloads a CSV for the chosen period: BOM, header and one line per cluster', async () => {
    const section = page.locator('.province-panel .national-report');
    await section.locator('select').selectOption(chosen);
    await expect(section.locator('select option:checked').textContent()).resolves.toBe(label().vi);
    expect(label().vi).toMatch(/^Báo cáo 6 tháng đầu năm \d{4} \(15\/12\/\d{4} – 14\/6\/\d{4}\)$/);
    const csvLink = section.locator('a.report-csv');
    const href = await csvLink.getAttribute('href');
    expect(href).toBe(`/api/reports/national-database?province=khanh-hoa&period=${chosen}`);
    await expect(csvLink.getAttribute('download')).resolves.not.toBeNull();
    await expect(section.locator('a.report-json').getAttribute('href')).resolves.toBe(
      `/api/reports/national-database?province=khanh-hoa&period=${chosen}&format=json`,
    );

    const fetched = await page.evaluate(async (url) => {
      const response = await fetch(url);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        disposition: response.headers.get('content-disposition'),
        firstBytes: [...bytes.slice(0, 3)],
        text: new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes),
      };
    }, href ?? '');
    expect(fetched).toMatchObject({
      status: 200,
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="ccn-khanh-hoa-${chosen}.csv"`,
      firstBytes: [0xef, 0xbb, 0xbf],
    });
    const lines = fetched.text.split('\r\n').filter((line) => line !== '');
    expect(lines).toHaveLength(12);
    expect(lines[0]).toMatch(/^Kỳ báo cáo \/ Reporting period,/);
    expect(lines.some((line) => line.includes('CCN Sông Cầu') && line.includes('4794/KH-UBND'))).toBe(true);
    await section.screenshot({ path: `${screenshots}/report-export.png` });
  });

  test('speaks English when the interface does', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    const section = page.locator('.province-panel .national-report');
    await expect(section.locator('h3').textContent()).resolves.toBe(
      'Export for the national cluster database (Circular 14/2024)',
    );
    await expect(section.locator('select option:checked').textContent()).resolves.toBe(label().en);
    expect(label().en).toMatch(/^Six-month report \d{4} \(15 Dec \d{4} – 14 Jun \d{4}\)$/);
    await expect(section.locator('a.report-csv').textContent()).resolves.toBe('Download CSV');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  });
});
