import type { ClusterProperties } from '../../../../domain/cluster.ts';
import { infrastructureCompleteness } from '../../../../domain/infrastructure.ts';
import { occupancyPercent } from '../../../../domain/occupancy.ts';
import { stages, wastewaterPlantStates } from '../../../../domain/vocabulary.ts';
import { stageColors } from '../stageColors.ts';
import { okabeIto } from './palette.ts';
import { percentClass, percentClasses } from './percent-classes.ts';
import { type ThematicLayer, type ThematicLayerId, UNKNOWN_CLASS, unknownClass } from './types.ts';

const stageLayer: ThematicLayer = {
  id: 'stage',
  title: { vi: 'Giai đoạn', en: 'Stage' },
  description: { vi: 'Giai đoạn phát triển theo nguồn.', en: 'Lifecycle stage, as the sources give it.' },
  classes: stages.codes.map((stage) => ({
    key: stage,
    color: stageColors[stage],
    label: stages.labels[stage],
  })),
  classify: (cluster) => cluster.stage,
  symbol: 'dot',
};

const CLEARANCE_OBSTACLES = new Set(['clearance', 'compensation', 'resettlement']);

const clearanceLayer: ThematicLayer = {
  id: 'clearance',
  title: { vi: 'Giải phóng mặt bằng', en: 'Land clearance' },
  description: { vi: 'Tỷ lệ diện tích đã GPMB.', en: 'Share of the land cleared.' },
  classes: percentClasses({ vi: 'Hoàn thành (100%)', en: 'Complete (100%)' }),
  classify: (cluster) => percentClass(cluster.figures.clearedSharePercent?.value ?? null),
  ring: {
    label: {
      vi: 'Vướng GPMB, bồi thường hoặc tái định cư',
      en: 'Held up by clearance, compensation or resettlement',
    },
    test: (cluster) =>
      cluster.obstacles.some((obstacle) => CLEARANCE_OBSTACLES.has(obstacle.kind)) ||
      cluster.clearance?.value.compensationNeeded === true ||
      cluster.clearance?.value.resettlementNeeded === true,
  },
  symbol: 'dot',
};

const infrastructureLayer: ThematicLayer = {
  id: 'infrastructure',
  title: { vi: 'Hoàn thiện hạ tầng kỹ thuật', en: 'Infrastructure completeness' },
  description: {
    vi: 'Tỷ lệ hạng mục hoàn thành trong 10 hạng mục hạ tầng kỹ thuật; chưa có số liệu nếu thiếu một hạng mục.',
    en: 'Share of the ten technical infrastructure components done; no data if any component is unknown.',
  },
  classes: percentClasses({ vi: 'Đủ 10/10 hạng mục', en: 'All 10 components' }),
  classify: (cluster) => percentClass(infrastructureCompleteness(cluster.infrastructure).percent),
  symbol: 'dot',
};

const wastewaterColors = {
  none: okabeIto.vermillion,
  planned: okabeIto.reddishPurple,
  building: okabeIto.orange,
  operating: okabeIto.skyBlue,
  compliant: okabeIto.blue,
} as const;

const wastewaterLayer: ThematicLayer = {
  id: 'wastewater',
  title: { vi: 'Trạm xử lý nước thải tập trung', en: 'Central wastewater treatment plant' },
  description: {
    vi: 'Mục tiêu: 100% cụm có trạm đạt quy chuẩn kỹ thuật quốc gia.',
    en: 'Target: every cluster with a plant meeting the national standard.',
  },
  classes: [
    ...wastewaterPlantStates.codes.map((state) => ({
      key: state,
      color: wastewaterColors[state],
      label: wastewaterPlantStates.labels[state],
    })),
    unknownClass,
  ],
  classify: (cluster) => cluster.wastewaterPlant?.value.state ?? UNKNOWN_CLASS,
  symbol: 'droplet',
};

const occupancyLayer: ThematicLayer = {
  id: 'occupancy',
  title: { vi: 'Tỷ lệ lấp đầy', en: 'Occupancy' },
  description: {
    vi: 'Đất đã cho thuê ÷ đất công nghiệp cho thuê của từng cụm.',
    en: 'Leased ÷ leasable industrial land of each cluster.',
  },
  classes: percentClasses({ vi: 'Đã lấp đầy (100%)', en: 'Full (100%)' }),
  classify: (cluster: ClusterProperties) =>
    percentClass(
      occupancyPercent(
        cluster.figures.leasedIndustrialLandHa?.value,
        cluster.figures.leasableIndustrialLandHa?.value,
      ),
    ),
  symbol: 'dot',
};

export const thematicLayers: Record<ThematicLayerId, ThematicLayer> = {
  stage: stageLayer,
  clearance: clearanceLayer,
  infrastructure: infrastructureLayer,
  wastewater: wastewaterLayer,
  occupancy: occupancyLayer,
};
