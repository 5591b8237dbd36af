import { type Request, Router } from 'express';
import {
  type ClusterQuery,
  clusterQueryParameters,
  type ProvinceDetail,
  type ProvinceList,
} from '../../domain/api.ts';
import { Stage } from '../../domain/cluster.ts';
import { reconcileProvince } from '../../domain/reconciliation.ts';
import { IsoDate } from '../../domain/text.ts';
import { stages } from '../../domain/vocabulary.ts';
import { assertProvinceEditor, csrfGuard } from '../auth/middleware.ts';
import { HttpError, notFound } from '../errors.ts';
import type { AtlasStore } from '../store/store.ts';
import { clusterEditRoutes } from './cluster-edits.ts';
import { exportRoutes } from './export.ts';
import { importRoutes } from './imports.ts';
import { plotBoundaryRoutes } from './plot-boundary.ts';
import { plotLayoutRoutes } from './plot-layout.ts';
import { plotRoutes } from './plots.ts';
import { queryValues, rejectUnknownParameters, singleValue } from './query-params.ts';
import { reportRoutes } from './reports.ts';
import { ResponseCache } from './response-cache.ts';

const ID_PATTERN = /^[a-z0-9-]{1,64}$/;

function checkProvinceId(id: string, parameter: string) {
  if (!ID_PATTERN.test(id)) {
    throw new HttpError(
      400,
      'invalid_parameter',
      `Tham số "${parameter}" không hợp lệ: "${id.slice(0, 64)}". Mã tỉnh gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ "khanh-hoa".`,
      `Invalid "${parameter}": "${id.slice(0, 64)}". A province id has lower-case letters, digits and hyphens, e.g. "khanh-hoa".`,
    );
  }
}

/** `asOf=YYYY-MM-DD`, a real calendar day not after today, or a 400 saying what is expected. */
function asOfParameter(request: Request): string | undefined {
  const text = singleValue(request, 'asOf');
  if (text === undefined) return undefined;
  const today = new Date().toISOString().slice(0, 10);
  if (!IsoDate.safeParse(text).success || text > today) {
    throw new HttpError(
      400,
      'invalid_parameter',
      `Tham số "asOf" không hợp lệ: "${text.slice(0, 20)}". Cần một ngày YYYY-MM-DD không sau hôm nay, ví dụ "2024-06-14".`,
      `Invalid "asOf": "${text.slice(0, 20)}". Expected a date YYYY-MM-DD not after today, e.g. "2024-06-14".`,
    );
  }
  return text;
}

const provinceNotFound = (id: string) => notFound({ vi: `tỉnh "${id}"`, en: `Province "${id}"` });

/** `/api`: provinces with their reported figures, clusters as GeoJSON. */
export function apiRoutes(getStore: () => Promise<AtlasStore>): Router {
  const router = Router();
  // Answers change only with the data, and every page asks the same few: serve them from memory,
  // hashed and gzipped once.
  const cache = new ResponseCache();

  router.get('/provinces', async (request, response) => {
    rejectUnknownParameters(request, []);
    const store = await getStore();
    await cache.send(request, response, 'application/json', 'provinces', store.dataVersion(), () =>
      listProvinces(store),
    );
  });

  async function listProvinces(store: AtlasStore): Promise<ProvinceList> {
    return {
      provinces: (await store.listProvinces()).map(({ province, clusterCount }) => ({
        id: province.id,
        name: province.name,
        plan: province.plan,
        view: province.view,
        clusterCount,
      })),
    };
  }

  router.get('/provinces/:id', async (request, response) => {
    rejectUnknownParameters(request, ['asOf']);
    const id = String(request.params.id);
    checkProvinceId(id, 'id');
    const asOf = asOfParameter(request);
    const store = await getStore();
    await cache.send(
      request,
      response,
      'application/json',
      `province:${id}:${asOf ?? 'now'}`,
      store.dataVersion(),
      () => provinceDetail(store, id, asOf),
    );
  });

  async function provinceDetail(store: AtlasStore, id: string, asOf?: string): Promise<ProvinceDetail> {
    const province = await store.getProvince(id);
    if (!province) throw provinceNotFound(id);
    const clusters = asOf
      ? (await store.listClustersAsOf(asOf, id)).features.map((feature) => feature.properties)
      : await store.listClusterProperties(id);
    const cited = new Set<string>([
      ...province.figures.map((figure) => figure.sourceId),
      ...province.targets.map((target) => target.sourceId),
      ...province.obstacles.map((obstacle) => obstacle.sourceId),
      ...province.documents.map((document) => document.sourceId),
      ...clusters.flatMap((cluster) => cluster.sourceIds),
    ]);
    const clusterCountsByStage = Object.fromEntries(
      stages.codes.map((stage) => [stage, clusters.filter((cluster) => cluster.stage === stage).length]),
    ) as ProvinceDetail['clusterCountsByStage'];
    return {
      province,
      sources: await store.getSources([...cited]),
      clusterCountsByStage,
      reconciliation: reconcileProvince(province, clusters),
    };
  }

  router.get('/clusters', async (request, response) => {
    rejectUnknownParameters(request, clusterQueryParameters);
    const query: ClusterQuery = {};
    const province = singleValue(request, 'province');
    if (province !== undefined) {
      checkProvinceId(province, 'province');
      query.province = province;
    }
    const stageValues = queryValues(request, 'stage');
    if (stageValues.length > 0) {
      query.stages = stageValues.map((value) => {
        const parsed = Stage.safeParse(value);
        if (!parsed.success) {
          throw new HttpError(
            400,
            'invalid_parameter',
            `Tham số "stage" không hợp lệ: "${value.slice(0, 64)}". Giá trị hợp lệ: ${stages.codes.join(', ')}.`,
            `Invalid "stage": "${value.slice(0, 64)}". Allowed values: ${stages.codes.join(', ')}.`,
          );
        }
        return parsed.data;
      });
    }
    // Removed clusters are kept for history and shown only when asked for by name.
    query.stages ??= stages.codes.filter((stage) => stage !== 'removed');
    const asOf = asOfParameter(request);
    const store = await getStore();
    const { province: provinceId, stages: wanted } = query;
    const key = `clusters:${provinceId ?? '*'}:${[...new Set(wanted)].sort().join(',')}:${asOf ?? 'now'}`;
    await cache.send(request, response, 'application/geo+json', key, store.dataVersion(), async () => {
      if (provinceId && !(await store.getProvince(provinceId))) throw provinceNotFound(provinceId);
      if (!asOf) return store.listClusters({ provinceId, stages: wanted });
      const recorded = await store.listClustersAsOf(asOf, provinceId);
      return { ...recorded, features: recorded.features.filter((f) => wanted.includes(f.properties.stage)) };
    });
  });

  const editGuards = {
    csrf: csrfGuard,
    editorOf: async (request: Request, provinceId: string) => {
      const account = assertProvinceEditor(request, provinceId);
      return { accountId: account.id, accountName: account.displayName };
    },
  };
  router.use(clusterEditRoutes(getStore, editGuards));
  router.use(plotBoundaryRoutes(getStore, editGuards));
  router.use(plotLayoutRoutes(getStore));
  router.use(plotRoutes(getStore));
  router.use(reportRoutes(getStore));
  router.use(exportRoutes(getStore));
  router.use(importRoutes(getStore));

  router.use((request) => {
    throw notFound({ vi: `đường dẫn API "${request.path}"`, en: `API path "${request.path}"` });
  });
  return router;
}
