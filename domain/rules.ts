import { z } from 'zod';
import { bothLanguages } from './number-format.ts';
import { LocalizedText } from './text.ts';

/**
 * The legal provision a check applies. `articleVerified` stays false until the article number has
 * been checked against the legal text; the interface then says "số điều chưa được đối chiếu với
 * văn bản gốc" (article not checked against the original text).
 */
export const LegalBasis = z.object({
  document: z.string().min(1),
  provision: LocalizedText,
  articleVerified: z.boolean(),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

export const RuleCheckStatus = z.enum(['pass', 'fail', 'unknown']);
export type RuleCheckStatus = z.infer<typeof RuleCheckStatus>;

/** The outcome of one legal check, in words a planner reads, with what it rests on. */
export const RuleCheck = z.object({
  rule: z.enum(['cluster-area', 'new-cluster-in-district']),
  status: RuleCheckStatus,
  message: LocalizedText,
  legalBasis: LegalBasis,
});
export type RuleCheck = z.infer<typeof RuleCheck>;

const DECREE_32_2024 = 'Nghị định 32/2024/NĐ-CP';

/** Cluster size, Nghị định 32/2024/NĐ-CP, as secondary sources summarise it; article not checked. */
export const clusterAreaLegalBasis: LegalBasis = Object.freeze({
  document: DECREE_32_2024,
  provision: {
    vi: 'Quy định về quy mô diện tích cụm công nghiệp: từ 10 ha đến 75 ha (sau khi mở rộng không quá 75 ha); cụm công nghiệp ở huyện miền núi và cụm công nghiệp làng nghề có thể từ 5 ha.',
    en: 'The provision on cluster size: 10 to 75 ha (no more than 75 ha after an expansion); clusters in mountainous districts and craft-village clusters may be from 5 ha.',
  },
  articleVerified: false,
});

/** Conditions for a new cluster in a district, Nghị định 32/2024/NĐ-CP; article not checked. */
export const newClusterInDistrictLegalBasis: LegalBasis = Object.freeze({
  document: DECREE_32_2024,
  provision: {
    vi: 'Điều kiện thành lập cụm công nghiệp mới trên địa bàn huyện đã có cụm công nghiệp: tỷ lệ lấp đầy bình quân của các cụm công nghiệp hiện có trên 50%, hoặc tổng diện tích đất công nghiệp chưa cho thuê của các cụm đó không quá 100 ha.',
    en: 'The conditions for a new cluster in a district that already has clusters: the existing clusters’ average occupancy is above 50%, or their unleased industrial land totals 100 ha or less.',
  },
  articleVerified: false,
});

const MINIMUM_HECTARES = 10;
const MAXIMUM_HECTARES = 75;
/** Minimum for clusters in mountainous districts and craft-village clusters (cụm công nghiệp làng nghề). */
const REDUCED_MINIMUM_HECTARES = 5;

/**
 * Checks a cluster's area against the size Nghị định 32/2024/NĐ-CP allows: 10 to 75 ha, or 5 to
 * 75 ha for a cluster in a mountainous district or a craft-village cluster. Bounds are inclusive.
 * Pass the area the decision is about (planned, established, or after an expansion). Unknown when
 * the area is unknown, or when it lies between 5 and 10 ha and it is not known whether the exception
 * applies.
 *
 * @example checkClusterArea(42.5, { mountainousOrCraftVillage: null }).status // 'pass'
 * @example checkClusterArea(7, { mountainousOrCraftVillage: null }).status // 'unknown'
 */
export function checkClusterArea(
  areaHectares: number | null,
  context: { mountainousOrCraftVillage: boolean | null },
): RuleCheck {
  const result = (status: RuleCheckStatus, message: LocalizedText): RuleCheck => ({
    rule: 'cluster-area',
    status,
    message,
    legalBasis: clusterAreaLegalBasis,
  });
  if (areaHectares === null) {
    return result('unknown', {
      vi: 'Chưa có số liệu diện tích: chưa kiểm tra được quy mô 10–75 ha.',
      en: 'No area figure: the 10–75 ha size cannot be checked.',
    });
  }
  if (!Number.isFinite(areaHectares) || areaHectares < 0) {
    return result('unknown', {
      vi: 'Số liệu diện tích không hợp lệ: chưa kiểm tra được quy mô 10–75 ha.',
      en: 'The area figure is not valid: the 10–75 ha size cannot be checked.',
    });
  }
  const area = bothLanguages(areaHectares);
  if (areaHectares > MAXIMUM_HECTARES) {
    return result('fail', {
      vi: `Diện tích ${area.vi} ha vượt mức tối đa 75 ha của một cụm công nghiệp.`,
      en: `The area of ${area.en} ha exceeds the 75 ha maximum for a cluster.`,
    });
  }
  if (areaHectares >= MINIMUM_HECTARES) {
    return result('pass', {
      vi: `Diện tích ${area.vi} ha nằm trong quy mô 10–75 ha.`,
      en: `The area of ${area.en} ha is within the 10–75 ha range.`,
    });
  }
  if (areaHectares < REDUCED_MINIMUM_HECTARES) {
    return result('fail', {
      vi: `Diện tích ${area.vi} ha dưới mức tối thiểu 5 ha, mức thấp nhất kể cả với cụm ở huyện miền núi hoặc cụm công nghiệp làng nghề.`,
      en: `The area of ${area.en} ha is below 5 ha, the lowest minimum, which applies even to clusters in mountainous districts and craft-village clusters.`,
    });
  }
  if (context.mountainousOrCraftVillage === true) {
    return result('pass', {
      vi: `Diện tích ${area.vi} ha dưới 10 ha nhưng từ 5 ha trở lên: đạt vì cụm ở huyện miền núi hoặc là cụm công nghiệp làng nghề.`,
      en: `The area of ${area.en} ha is under 10 ha but at least 5 ha: allowed because the cluster is in a mountainous district or is a craft-village cluster.`,
    });
  }
  if (context.mountainousOrCraftVillage === false) {
    return result('fail', {
      vi: `Diện tích ${area.vi} ha dưới mức tối thiểu 10 ha; mức 5 ha chỉ áp dụng cho cụm ở huyện miền núi hoặc cụm công nghiệp làng nghề.`,
      en: `The area of ${area.en} ha is below the 10 ha minimum; the 5 ha minimum applies only to clusters in mountainous districts and craft-village clusters.`,
    });
  }
  return result('unknown', {
    vi: `Diện tích ${area.vi} ha dưới 10 ha: chỉ đạt nếu cụm ở huyện miền núi hoặc là cụm công nghiệp làng nghề (tối thiểu 5 ha), mà thông tin này chưa có.`,
    en: `The area of ${area.en} ha is under 10 ha: allowed only for a cluster in a mountainous district or a craft-village cluster (at least 5 ha), and whether it is one is not known.`,
  });
}

const OCCUPANCY_THRESHOLD_PERCENT = 50;
const UNLEASED_THRESHOLD_HECTARES = 100;

/** An existing cluster of the district, as the new-cluster condition reads it. */
export interface ExistingClusterFigures {
  occupancyPercent: number | null;
  unleasedIndustrialHectares: number | null;
}

const isKnown = (value: number | null): value is number =>
  value !== null && Number.isFinite(value) && value >= 0;

/** What the figures we have can show about one condition: true, false, or null when they cannot tell. */
interface ConditionFinding {
  holds: boolean | null;
  text: LocalizedText;
}

const percentText = (value: number) => bothLanguages(value, 1);

function averageOccupancyFinding(existing: readonly ExistingClusterFigures[]): ConditionFinding {
  const count = existing.length;
  const known = existing.map((cluster) => cluster.occupancyPercent).filter(isKnown);
  const missing = count - known.length;
  const knownSum = known.reduce((sum, rate) => sum + rate, 0);
  const mean = { vi: 'trung bình cộng tỷ lệ của từng cụm', en: 'the simple mean of each cluster’s rate' };
  if (missing === 0) {
    const average = knownSum / count;
    const holds = average > OCCUPANCY_THRESHOLD_PERCENT;
    const value = percentText(average);
    return {
      holds,
      text: {
        vi: `tỷ lệ lấp đầy bình quân của ${count} cụm hiện có (${mean.vi}) là ${value.vi}%, ${holds ? 'trên' : 'không vượt quá'} 50%`,
        en: `the average occupancy of the ${count} existing ${count === 1 ? 'cluster' : 'clusters'} (${mean.en}) is ${value.en}%, ${holds ? 'above' : 'not above'} 50%`,
      },
    };
  }
  const missingVi = `${missing} trong số ${count} cụm chưa có tỷ lệ lấp đầy`;
  const missingEn = `${missing} of the ${count} clusters ${missing === 1 ? 'has' : 'have'} no occupancy rate`;
  if (missing === count) {
    return {
      holds: null,
      text: {
        vi: `chưa cụm nào trong ${count} cụm hiện có tỷ lệ lấp đầy, nên chưa tính được tỷ lệ bình quân`,
        en: `none of the ${count} existing clusters has an occupancy rate, so the average cannot be computed`,
      },
    };
  }
  // A missing rate lies between 0% and 100%: the mean lies between these two.
  const lowest = knownSum / count;
  const highest = (knownSum + 100 * missing) / count;
  if (lowest > OCCUPANCY_THRESHOLD_PERCENT) {
    const value = percentText(lowest);
    return {
      holds: true,
      text: {
        vi: `${missingVi}, nhưng tỷ lệ bình quân (${mean.vi}) ít nhất là ${value.vi}% kể cả khi tính các cụm đó là 0%, trên 50%`,
        en: `${missingEn}, but the average (${mean.en}) is at least ${value.en}% even counting those as 0%, above 50%`,
      },
    };
  }
  if (highest <= OCCUPANCY_THRESHOLD_PERCENT) {
    const value = percentText(highest);
    return {
      holds: false,
      text: {
        vi: `${missingVi}, nhưng tỷ lệ bình quân (${mean.vi}) nhiều nhất là ${value.vi}% kể cả khi tính các cụm đó là 100%, không vượt quá 50%`,
        en: `${missingEn}, but the average (${mean.en}) is at most ${value.en}% even counting those as 100%, not above 50%`,
      },
    };
  }
  const low = percentText(lowest);
  const high = percentText(highest);
  return {
    holds: null,
    text: {
      vi: `${missingVi}: tỷ lệ bình quân (${mean.vi}) nằm trong khoảng ${low.vi}%–${high.vi}%, chưa biết có trên 50% hay không`,
      en: `${missingEn}: the average (${mean.en}) lies between ${low.en}% and ${high.en}%, so whether it is above 50% is not known`,
    },
  };
}

function unleasedLandFinding(existing: readonly ExistingClusterFigures[]): ConditionFinding {
  const count = existing.length;
  const known = existing.map((cluster) => cluster.unleasedIndustrialHectares).filter(isKnown);
  const missing = count - known.length;
  const knownTotal = known.reduce((sum, hectares) => sum + hectares, 0);
  const total = bothLanguages(knownTotal);
  if (missing === 0) {
    const holds = knownTotal <= UNLEASED_THRESHOLD_HECTARES;
    return {
      holds,
      text: {
        vi: `tổng diện tích đất công nghiệp chưa cho thuê của ${count} cụm là ${total.vi} ha, ${holds ? 'không quá' : 'vượt'} 100 ha`,
        en: `the unleased industrial land of the ${count} ${count === 1 ? 'cluster' : 'clusters'} totals ${total.en} ha, ${holds ? 'not more than' : 'more than'} 100 ha`,
      },
    };
  }
  if (missing === count) {
    return {
      holds: null,
      text: {
        vi: `chưa cụm nào trong ${count} cụm có số liệu đất công nghiệp chưa cho thuê`,
        en: `none of the ${count} clusters has a figure for unleased industrial land`,
      },
    };
  }
  const missingVi = `${missing} trong số ${count} cụm chưa có số liệu đất công nghiệp chưa cho thuê`;
  const missingEn = `${missing} of the ${count} clusters ${missing === 1 ? 'has' : 'have'} no figure for unleased industrial land`;
  // Missing clusters can only add unleased land: a known part above 100 ha settles it, one below does not.
  if (knownTotal > UNLEASED_THRESHOLD_HECTARES) {
    return {
      holds: false,
      text: {
        vi: `${missingVi}, nhưng riêng các cụm có số liệu đã có ${total.vi} ha chưa cho thuê, vượt 100 ha`,
        en: `${missingEn}, but the others alone have ${total.en} ha unleased, more than 100 ha`,
      },
    };
  }
  return {
    holds: null,
    text: {
      vi: `${missingVi}: ${total.vi} ha của các cụm có số liệu chưa đủ để kết luận tổng không quá 100 ha, vì các cụm còn thiếu có thể có thêm đất chưa cho thuê`,
      en: `${missingEn}: the ${total.en} ha of the others does not show the total is 100 ha or less, since the missing clusters may add land`,
    },
  };
}

/**
 * Checks whether a new cluster may be set up in a district, under Nghị định 32/2024/NĐ-CP: when
 * the district already has clusters, their average occupancy must be above 50% (the simple mean of
 * the clusters' rates, not leased ÷ leasable over all of them), or their unleased industrial land
 * must total 100 ha or less. Pass the district's existing clusters.
 *
 * Missing figures are reasoned about, not guessed: a missing rate lies between 0% and 100% and a
 * missing unleased area is at least 0 ha, so a pass or a fail is given only when no missing figure
 * could change it; otherwise the check is unknown and its message names what is missing. A known
 * part of the unleased land under 100 ha therefore does not pass. A negative or non-finite figure
 * counts as missing.
 *
 * @example
 * checkNewClusterInDistrict([{ occupancyPercent: 78, unleasedIndustrialHectares: 32.85 }]).status // 'pass'
 * @example checkNewClusterInDistrict([]).status // 'pass': the condition does not apply
 */
export function checkNewClusterInDistrict(existing: readonly ExistingClusterFigures[]): RuleCheck {
  const result = (status: RuleCheckStatus, message: LocalizedText): RuleCheck => ({
    rule: 'new-cluster-in-district',
    status,
    message,
    legalBasis: newClusterInDistrictLegalBasis,
  });
  if (existing.length === 0) {
    return result('pass', {
      vi: 'Huyện chưa có cụm công nghiệp: điều kiện về tỷ lệ lấp đầy bình quân và đất công nghiệp chưa cho thuê không áp dụng.',
      en: 'The district has no cluster yet: the conditions on average occupancy and unleased industrial land do not apply.',
    });
  }
  const occupancy = averageOccupancyFinding(existing);
  const unleased = unleasedLandFinding(existing);
  const status: RuleCheckStatus =
    occupancy.holds === true || unleased.holds === true
      ? 'pass'
      : occupancy.holds === false && unleased.holds === false
        ? 'fail'
        : 'unknown';
  // The finding that decides comes first.
  const findings =
    unleased.holds === true && occupancy.holds !== true ? [unleased, occupancy] : [occupancy, unleased];
  const prefix = {
    pass: { vi: 'Đáp ứng điều kiện thành lập cụm công nghiệp mới', en: 'A new cluster may be set up' },
    fail: {
      vi: 'Không đáp ứng điều kiện thành lập cụm công nghiệp mới',
      en: 'A new cluster may not be set up',
    },
    unknown: { vi: 'Chưa đủ số liệu để kết luận', en: 'Not enough data to decide' },
  }[status];
  return result(status, {
    vi: `${prefix.vi}: ${findings.map((finding) => finding.text.vi).join('; ')}.`,
    en: `${prefix.en}: ${findings.map((finding) => finding.text.en).join('; ')}.`,
  });
}
