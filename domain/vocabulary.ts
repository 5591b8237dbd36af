import type { LocalizedText } from './text.ts';

/** A closed vocabulary: its codes in display order, each with a vi/en label. */
export function vocabulary<const Code extends string>(labels: Record<Code, LocalizedText>) {
  const codes = Object.keys(labels) as [Code, ...Code[]];
  return { codes, labels, label: (code: Code, language: 'vi' | 'en') => labels[code][language] };
}

/** Lifecycle stage of a cluster (giai đoạn). `removed` is kept for history and hidden by default. */
export const stages = vocabulary({
  planned: { vi: 'Trong quy hoạch, chưa thành lập', en: 'Planned, not yet established' },
  established: { vi: 'Đã thành lập, chưa đầu tư hạ tầng', en: 'Established, no infrastructure yet' },
  building: { vi: 'Đang xây dựng hạ tầng', en: 'Infrastructure under construction' },
  operating: { vi: 'Đang hoạt động', en: 'Operating' },
  removed: { vi: 'Đã rút khỏi quy hoạch', en: 'Removed from the plan' },
});

/** Technical infrastructure components a plan lists (hạ tầng kỹ thuật). */
export const infrastructureComponents = vocabulary({
  internalRoads: { vi: 'Giao thông nội bộ', en: 'Internal roads' },
  sidewalks: { vi: 'Vỉa hè', en: 'Sidewalks' },
  greenSpace: { vi: 'Cây xanh', en: 'Green space' },
  waterSupply: { vi: 'Cấp nước', en: 'Water supply' },
  wastewater: { vi: 'Thu gom và xử lý nước thải', en: 'Wastewater collection and treatment' },
  solidWaste: { vi: 'Chất thải rắn', en: 'Solid waste' },
  fireProtection: { vi: 'Phòng cháy, chữa cháy', en: 'Fire protection' },
  powerSupply: { vi: 'Cấp điện', en: 'Power supply' },
  publicLighting: { vi: 'Chiếu sáng công cộng', en: 'Public lighting' },
  telecom: { vi: 'Thông tin liên lạc nội bộ', en: 'Internal telecom' },
});

export const infrastructureStates = vocabulary({
  none: { vi: 'Chưa có', en: 'None' },
  planned: { vi: 'Đã có kế hoạch', en: 'Planned' },
  building: { vi: 'Đang xây dựng', en: 'Under construction' },
  done: { vi: 'Hoàn thành', en: 'Done' },
});

/** Central wastewater treatment plant (trạm xử lý nước thải tập trung). */
export const wastewaterPlantStates = vocabulary({
  none: { vi: 'Chưa có', en: 'None' },
  planned: { vi: 'Đã có kế hoạch', en: 'Planned' },
  building: { vi: 'Đang xây dựng', en: 'Under construction' },
  operating: { vi: 'Đang vận hành', en: 'Operating' },
  compliant: { vi: 'Đạt quy chuẩn kỹ thuật quốc gia', en: 'Meets the national technical standard' },
});

/** What holds a cluster up (khó khăn, vướng mắc). */
export const obstacleKinds = vocabulary({
  planning: { vi: 'Quy hoạch', en: 'Planning' },
  clearance: { vi: 'Giải phóng mặt bằng', en: 'Land clearance' },
  compensation: { vi: 'Bồi thường', en: 'Compensation' },
  resettlement: { vi: 'Hỗ trợ tái định cư', en: 'Resettlement support' },
  procedures: {
    vi: 'Thủ tục đất đai, xây dựng, môi trường',
    en: 'Land, construction and environment procedures',
  },
  socialInfrastructure: { vi: 'Thiếu hạ tầng xã hội', en: 'No social infrastructure planned' },
});

/** Who invests in a cluster's infrastructure (chủ đầu tư hạ tầng). */
export const infrastructureInvestorKinds = vocabulary({
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  'state-budget': { vi: 'Ngân sách nhà nước', en: 'State budget' },
});

/** Where a geometry comes from. Anything but `survey` or `import` is not a boundary. */
export const geometrySources = vocabulary({
  illustrative: {
    vi: 'Minh họa — không phải ranh giới đo đạc',
    en: 'Illustrative — not a surveyed boundary',
  },
  survey: { vi: 'Ranh giới đo đạc', en: 'Surveyed boundary' },
  import: { vi: 'Ranh giới nhập từ tệp', en: 'Imported boundary' },
  /** Traced on the map by an editor from a cited document (a planning map, a decision's annex). */
  drawn: { vi: 'Ranh giới vẽ trên bản đồ theo tài liệu', en: 'Boundary drawn on the map from a document' },
});

export const units = vocabulary({
  ha: { vi: 'ha', en: 'ha' },
  percent: { vi: '%', en: '%' },
  count: { vi: '', en: '' },
  people: { vi: 'người', en: 'people' },
  'm3/day': { vi: 'm³/ngày', en: 'm³/day' },
});

/** Whether a plot (lô đất) can still be leased. */
export const plotStatuses = vocabulary({
  available: { vi: 'Còn trống', en: 'Available' },
  reserved: { vi: 'Đã đặt chỗ', en: 'Reserved' },
  leased: { vi: 'Đã cho thuê', en: 'Leased' },
});

/**
 * Where a plot comes from. A `generated` plot is a demonstration layout made by the plot-layout
 * tool: never a real plot, never counted in reported figures, always shown as such.
 */
export const plotOrigins = vocabulary({
  import: { vi: 'Lô đất nhập từ tệp', en: 'Imported plot' },
  generated: {
    vi: 'Phân lô minh họa do công cụ tạo — không phải lô đất thực tế',
    en: 'Demonstration layout made by the tool — not a real plot',
  },
});
