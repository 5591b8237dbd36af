import { z } from 'zod';
import { ReportedFigure } from './figure.ts';
import { Target } from './target.ts';
import { LocalizedText } from './text.ts';

/** Province-level figures the sources report, keyed by what they count. */
export const provinceFigureKeys = {
  plannedClusterCount: { vi: 'Số CCN trong quy hoạch', en: 'Clusters in the plan' },
  plannedAreaHa: { vi: 'Diện tích quy hoạch', en: 'Planned area' },
  establishedClusterCount: { vi: 'Số CCN đã thành lập', en: 'Clusters established' },
  establishedAreaHa: { vi: 'Diện tích đã thành lập', en: 'Established area' },
  enterpriseInvestorClusterCount: {
    vi: 'CCN do doanh nghiệp làm chủ đầu tư hạ tầng',
    en: 'Clusters with an enterprise as infrastructure investor',
  },
  enterpriseInvestorAreaHa: {
    vi: 'Diện tích CCN do doanh nghiệp làm chủ đầu tư',
    en: 'Area of clusters with an enterprise investor',
  },
  stateBudgetClusterCount: {
    vi: 'CCN đầu tư bằng ngân sách nhà nước',
    en: 'Clusters funded by the state budget',
  },
  stateBudgetAreaHa: {
    vi: 'Diện tích CCN đầu tư bằng ngân sách',
    en: 'Area of state-budget clusters',
  },
  operatingClusterCount: { vi: 'Số CCN đang hoạt động', en: 'Clusters operating' },
  leasableIndustrialLandHa: {
    vi: 'Đất công nghiệp cho thuê (CCN đang hoạt động)',
    en: 'Industrial land for lease (operating clusters)',
  },
  leasedIndustrialLandHa: { vi: 'Đất công nghiệp đã cho thuê', en: 'Industrial land leased' },
  occupancyPercent: { vi: 'Tỷ lệ lấp đầy', en: 'Occupancy' },
  productionFacilityCount: { vi: 'Cơ sở sản xuất trong CCN', en: 'Production facilities in clusters' },
  workerCount: { vi: 'Lao động trong CCN', en: 'Workers in clusters' },
  establishedWithoutInfrastructureCount: {
    vi: 'CCN đã thành lập, chưa đầu tư hạ tầng',
    en: 'Established clusters with no infrastructure yet',
  },
  notEstablishedClusterCount: { vi: 'Số CCN chưa thành lập', en: 'Clusters not yet established' },
  notEstablishedAreaHa: { vi: 'Diện tích CCN chưa thành lập', en: 'Area of clusters not yet established' },
  previousPlanClusterCount: { vi: 'Số CCN trong quy hoạch trước', en: 'Clusters in the previous plan' },
  previousPlanAreaHa: { vi: 'Diện tích quy hoạch trước', en: 'Area in the previous plan' },
  expandedClusterCount: { vi: 'CCN mở rộng quy hoạch', en: 'Clusters expanded' },
  removedClusterCount: { vi: 'CCN rút khỏi quy hoạch', en: 'Clusters removed from the plan' },
  addedClusterCount: { vi: 'CCN bổ sung vào quy hoạch', en: 'Clusters added to the plan' },
  clearedSharePercent: { vi: 'Tỷ lệ diện tích đã GPMB', en: 'Share of land cleared' },
} as const satisfies Record<string, { vi: string; en: string }>;

export const ProvinceFigureKey = z.enum(Object.keys(provinceFigureKeys) as [keyof typeof provinceFigureKeys]);
export type ProvinceFigureKey = z.infer<typeof ProvinceFigureKey>;

export const ProvinceFigure = ReportedFigure.extend({ key: ProvinceFigureKey });
export type ProvinceFigure = z.infer<typeof ProvinceFigure>;

/** A document a province's policy rests on, as the source cites it. */
export const CitedDocument = z.object({
  title: LocalizedText,
  issuedOn: z.iso.date().nullable(),
  sourceId: z.string(),
});

export const Province = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: LocalizedText,
  /** The planning document the figures refer to, as the source names it. */
  plan: LocalizedText.nullable(),
  /** Map view to open the province at. A camera position, not a boundary. */
  view: z.object({ center: z.tuple([z.number(), z.number()]), zoom: z.number() }),
  figures: z.array(ProvinceFigure),
  targets: z.array(Target).default([]),
  obstacles: z.array(z.object({ description: LocalizedText, sourceId: z.string() })).default([]),
  documents: z.array(CitedDocument).default([]),
  leadAgency: z.object({ description: LocalizedText, sourceId: z.string() }).nullable().default(null),
  notes: z.array(LocalizedText).default([]),
});
export type Province = z.infer<typeof Province>;
export type ProvinceInput = z.input<typeof Province>;
