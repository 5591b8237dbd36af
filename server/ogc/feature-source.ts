import { z } from 'zod';
import { GeometrySource, Stage, WastewaterPlantState } from '../../domain/cluster.ts';
import { PlotOrigin, PlotStatus } from '../../domain/plot.ts';
import { infrastructureInvestorKinds } from '../../domain/vocabulary.ts';
import type { AtlasStore, FeaturePaging } from '../store/store.ts';
import type { OgcCollectionId } from './collections.ts';
import {
  clusterFeature,
  clusterIdOfPlant,
  type OgcFeature,
  plotFeature,
  wastewaterPlantFeature,
} from './features.ts';

/** A page of a collection: paging, bbox, and equality filters on queryables, already checked. */
export type ItemsQuery = FeaturePaging & { filters: Readonly<Record<string, string>> };

export type FeaturePage = { features: OgcFeature[]; numberMatched: number };

const InvestorKind = z.enum(infrastructureInvestorKinds.codes);
const FEATURE_ID = /^[a-z0-9-]{1,90}$/;

/** Enum values were checked against the catalog; parsing again keeps the types honest. */
const parsed = <T>(schema: { parse: (value: unknown) => T }, value: string | undefined) =>
  value === undefined ? undefined : schema.parse(value);

type Reader = (store: AtlasStore, query: ItemsQuery & { id?: string }) => Promise<FeaturePage>;

/** How each collection reads its features from the store, by the catalog's property names. */
const readers: Record<OgcCollectionId, Reader> = {
  async clusters(store, { filters, id, ...paging }) {
    const page = await store.listClusterFeatures({
      ...paging,
      id,
      provinceId: filters.province_id,
      stage: parsed(Stage, filters.stage),
      wastewaterState: parsed(WastewaterPlantState, filters.wastewater_state),
      geometrySource: parsed(GeometrySource, filters.geometry_source),
      infrastructureInvestor: parsed(InvestorKind, filters.infrastructure_investor),
    });
    return { features: page.features.map(clusterFeature), numberMatched: page.numberMatched };
  },
  async plots(store, { filters, id, ...paging }) {
    const page = await store.listPlotFeatures({
      ...paging,
      id,
      provinceId: filters.province_id,
      clusterId: filters.cluster_id,
      status: parsed(PlotStatus, filters.status),
      origin: parsed(PlotOrigin, filters.origin),
    });
    return { features: page.plots.map(plotFeature), numberMatched: page.numberMatched };
  },
  async 'wastewater-plants'(store, { filters, id, ...paging }) {
    const clusterId = id === undefined ? filters.cluster_id : (clusterIdOfPlant(id) ?? '');
    // An id that names another cluster than the filter matches nothing.
    if (id !== undefined && filters.cluster_id !== undefined && filters.cluster_id !== clusterId) {
      return { features: [], numberMatched: 0 };
    }
    const page = await store.listWastewaterPlants({
      ...paging,
      clusterId,
      provinceId: filters.province_id,
      state: parsed(WastewaterPlantState, filters.state),
    });
    return { features: page.plants.map(wastewaterPlantFeature), numberMatched: page.numberMatched };
  },
};

/** One page of a collection's features, ordered by id, and how many match in all. */
export function readFeatures(store: AtlasStore, collection: OgcCollectionId, query: ItemsQuery) {
  return readers[collection](store, query);
}

/** One feature by id, or null when the collection has none with that id. */
export async function readFeature(
  store: AtlasStore,
  collection: OgcCollectionId,
  featureId: string,
): Promise<OgcFeature | null> {
  if (!FEATURE_ID.test(featureId)) return null;
  const page = await readers[collection](store, { id: featureId, filters: {}, limit: 1, offset: 0 });
  return page.features[0] ?? null;
}
