import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SessionInfo } from '../../domain/account.ts';
import { ApiError } from '../../domain/api.ts';
import { PlotPage } from '../../domain/plot-api.ts';
import { PlotLayoutResult } from '../../domain/plot-layout-api.ts';
import { createApp } from '../../server/app.ts';
import { generatedPlotId } from '../../server/plots/layout-cluster.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { databaseKind, openFreshStore, silentLogger } from './test-store.ts';

// Roles (public 401, viewer 403, other province 403, CSRF) are checked for every write route by
// test/api/auth.test.ts from server/auth/write-routes.ts; this file checks what the route does.

let store: AtlasStore;
let cleanup: () => Promise<void>;
let app: ReturnType<typeof createApp>;
const PASSWORD = 'mật-khẩu-phân-lô-2026';
const layout = { plotWidthM: 50, plotDepthM: 80, roadWidthM: 12 };
type Session = { cookie: string; csrfToken: string };
let editor: Session;
let otherEditor: Session;

async function signIn(username: string): Promise<Session> {
  const response = await request(app)
    .post('/api/auth/login')
    .send({ username, password: PASSWORD })
    .expect(200);
  const cookie = (response.headers['set-cookie'] as unknown as string[])[0]?.split(';')[0] ?? '';
  return { cookie, csrfToken: SessionInfo.parse(response.body).csrfToken ?? '' };
}

beforeAll(async () => {
  ({ store, cleanup } = await openFreshStore());
  app = createApp({ store: Promise.resolve(store), logger: silentLogger });
  await store.accounts.create({
    username: 'lan',
    displayName: 'Trần Thị Lan',
    role: 'editor',
    provinceIds: ['khanh-hoa'],
    password: PASSWORD,
  });
  await store.accounts.create({
    username: 'binh',
    displayName: 'Lê Văn Bình',
    role: 'editor',
    provinceIds: ['hoa-binh'],
    password: PASSWORD,
  });
  editor = await signIn('lan');
  otherEditor = await signIn('binh');
});
afterAll(async () => cleanup());

const post = (session: Session, clusterId: string, body: unknown) =>
  request(app)
    .post(`/api/clusters/${clusterId}/plot-layout`)
    .set('Cookie', session.cookie)
    .set('X-CSRF-Token', session.csrfToken)
    .send(body as object);
const songCauPlots = async () =>
  PlotPage.parse(
    (await request(app).get('/api/plots?cluster=song-cau&status=available&limit=500').expect(200)).body,
  );
const firstPlotId = generatedPlotId('song-cau', 'A-01');

describe(`an editor lays out a cluster's demonstration plots, on ${databaseKind}`, () => {
  test('a dry run answers the counts and writes neither plots nor audit rows', async () => {
    const response = await post(editor, 'song-cau', { ...layout, dryRun: true }).expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const result = PlotLayoutResult.parse(response.body);
    expect(result).toMatchObject({ clusterId: 'song-cau', dryRun: true, replaced: 0, removed: 0 });
    expect(result.plotCount).toBeGreaterThan(20);
    expect(result.inserted).toBe(result.plotCount);
    expect(result.parameters).toEqual({ ...layout, minPlotShare: 0.5 });
    // The shipped boundaries are illustrative: the answer says so, for the form to say it too.
    expect(result.illustrativeGeometry).toBe(true);
    expect((await songCauPlots()).numberMatched).toBe(0);
    expect(await store.plotHistory(firstPlotId)).toEqual([]);
  });

  test('a commit writes generated plots, each audited under the signed-in account', async () => {
    const result = PlotLayoutResult.parse(
      (await post(editor, 'song-cau', { ...layout, dryRun: false }).expect(200)).body,
    );
    expect(result).toMatchObject({ dryRun: false, replaced: 0, removed: 0 });
    const listed = await songCauPlots();
    expect(listed.numberMatched).toBe(result.plotCount);
    expect(listed.plots.every((plot) => plot.properties.origin === 'generated')).toBe(true);
    const [entry] = await store.plotHistory(firstPlotId);
    expect(entry).toMatchObject({
      accountName: 'Trần Thị Lan',
      action: 'layout',
      sourceId: null,
      before: null,
      after: { version: 1 },
    });
    expect(entry?.accountId).toEqual(expect.any(String));
  });

  test('a new layout replaces and removes the old generated plots, and says how many', async () => {
    const earlier = (await songCauPlots()).plots.map((plot) => plot.properties.id);
    const before = earlier.length;
    const preview = PlotLayoutResult.parse(
      (
        await post(editor, 'song-cau', { ...layout, plotWidthM: 100, minShare: 0.8, dryRun: true }).expect(
          200,
        )
      ).body,
    );
    expect(preview.replaced).toBeGreaterThan(0);
    expect(preview.removed).toBeGreaterThan(0);
    expect(preview.replaced + preview.removed).toBe(before);
    expect((await songCauPlots()).numberMatched).toBe(before);

    const result = PlotLayoutResult.parse(
      (
        await post(editor, 'song-cau', { ...layout, plotWidthM: 100, minShare: 0.8, dryRun: false }).expect(
          200,
        )
      ).body,
    );
    expect(result).toMatchObject({
      inserted: preview.inserted,
      replaced: preview.replaced,
      removed: preview.removed,
    });
    expect(result.parameters.minPlotShare).toBe(0.8);
    expect((await songCauPlots()).numberMatched).toBe(result.plotCount);
    const [latest] = await store.plotHistory(firstPlotId);
    expect(latest).toMatchObject({
      accountName: 'Trần Thị Lan',
      before: { version: 1 },
      after: { version: 2 },
    });
    const now = new Set((await songCauPlots()).plots.map((plot) => plot.properties.id));
    const removedIds = earlier.filter((id) => !now.has(id));
    expect(removedIds).toHaveLength(result.removed);
    const [removal] = await store.plotHistory(removedIds[0] ?? '');
    expect(removal).toMatchObject({ action: 'delete', accountName: 'Trần Thị Lan', after: null });
  });

  test('bad parameters are a 400 naming the field and its bounds in both languages; nothing is written', async () => {
    const count = (await songCauPlots()).numberMatched;
    const refused = async (body: unknown, vi: string, en: string) => {
      const { error } = ApiError.parse((await post(editor, 'song-cau', body).expect(400)).body);
      expect(error.code).toBe('invalid_body');
      expect(error.message_vi).toContain(vi);
      expect(error.message_en).toContain(en);
    };
    await refused(
      { ...layout, plotWidthM: 5, dryRun: false },
      'Chiều rộng lô (mặt tiền) (plotWidthM) phải là một số từ 10 đến 500 m; đã gửi: 5',
      'Plot width (frontage) (plotWidthM) must be a number from 10 to 500 m; sent: 5',
    );
    await refused({ ...layout, plotDepthM: '80', dryRun: false }, 'Chiều sâu lô (plotDepthM)', 'sent: "80"');
    await refused({ ...layout, roadWidthM: 61, dryRun: false }, 'từ 4 đến 60 m', 'from 4 to 60 m');
    await refused({ plotWidthM: 50, plotDepthM: 80, dryRun: false }, 'đã gửi: undefined', 'roadWidthM');
    await refused({ ...layout, minShare: 2, dryRun: false }, 'từ 0 đến 1;', 'from 0 to 1;');
    await refused({ ...layout, plotWidthM: null, dryRun: false }, 'plotWidthM', 'sent: null');
    await refused(layout, '"dryRun" phải là true', '"dryRun" must be true');
    await refused({ ...layout, dryRun: 'yes' }, '"dryRun"', 'sent: "yes"');
    await refused(
      { ...layout, dryRun: false, colour: 'red' },
      'Trường không được nhận: "colour"',
      'Unknown field',
    );
    await refused([layout], 'đối tượng JSON', 'JSON object');
    const unreadable = await request(app)
      .post('/api/clusters/song-cau/plot-layout')
      .set('Cookie', editor.cookie)
      .set('X-CSRF-Token', editor.csrfToken)
      .set('Content-Type', 'application/json')
      .send('{"plotWidthM": ')
      .expect(400);
    expect(ApiError.parse(unreadable.body).error.message_vi).toContain('không đọc được');
    expect((await songCauPlots()).numberMatched).toBe(count);
  });

  test('an unknown cluster is a 404, a malformed id a 400, both in both languages', async () => {
    const missing = ApiError.parse(
      (await post(editor, 'khong-co-cum-nay', { ...layout, dryRun: true }).expect(404)).body,
    );
    expect(missing.error.message_vi).toContain('Không tìm thấy cụm công nghiệp "khong-co-cum-nay"');
    expect(missing.error.message_en).toContain('Cluster "khong-co-cum-nay" not found');
    await post(editor, 'KHONG_HOP_LE', { ...layout, dryRun: true }).expect(400);
  });

  test('an editor of another province is refused and nothing is written', async () => {
    const count = (await songCauPlots()).numberMatched;
    const refused = ApiError.parse(
      (await post(otherEditor, 'song-cau', { ...layout, dryRun: false }).expect(403)).body,
    );
    expect(refused.error.message_vi).toContain('khanh-hoa');
    expect((await songCauPlots()).numberMatched).toBe(count);
  });

  test('sizes that would make too many plots are refused before any is computed', async () => {
    // An imported boundary of about 4 km²: far beyond what 10 × 10 m plots may cover in one layout.
    const [west, south] = [109.1, 12.6];
    await store.applyClusterUpdates(
      {
        boundaries: [
          {
            clusterId: 'khanh-binh',
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [west, south],
                  [west + 0.02, south],
                  [west + 0.02, south + 0.02],
                  [west, south + 0.02],
                  [west, south],
                ],
              ],
            },
            geometrySource: 'import',
            sourceId: 'kh-4794',
            asOf: null,
          },
        ],
        figures: [],
      },
      { dryRun: false, source: 'kh-4794', actor: null },
    );
    const small = { plotWidthM: 10, plotDepthM: 10, roadWidthM: 4, dryRun: true };
    const { error } = ApiError.parse((await post(editor, 'khanh-binh', small).expect(422)).body);
    expect(error.message_vi).toContain('quá giới hạn 10000 lô');
    expect(error.message_en).toContain('over the limit of 10000');
    const fine = PlotLayoutResult.parse(
      (await post(editor, 'khanh-binh', { ...layout, dryRun: true }).expect(200)).body,
    );
    expect(fine.illustrativeGeometry).toBe(false);
  });

  test('a cluster taken out of the plan gets no layout', async () => {
    const current = await store.getClusterVersioned('cam-thanh-nam');
    if (!current) throw new Error('fixture cluster missing');
    await store.updateCluster('cam-thanh-nam', {
      expectedVersion: current.version,
      next: { ...current.feature.properties, stage: 'removed' },
      actor: { accountId: 'test', accountName: 'Test' },
      sourceId: 'kh-4794',
    });
    const refused = ApiError.parse(
      (await post(editor, 'cam-thanh-nam', { ...layout, dryRun: true }).expect(422)).body,
    );
    expect(refused.error.message_vi).toContain('rút khỏi quy hoạch');
    expect(refused.error.message_en).toContain('taken out of the plan');
  });
});
