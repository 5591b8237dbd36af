import { describe, expect, test } from 'vitest';
import { writeUrlState } from './url-state.ts';
import { plannerLink } from './url-view.ts';

describe('the planner link the embed opens', () => {
  test('is the address writeUrlState writes for the same province, layer, cluster and language', () => {
    const links = [
      { province: 'khanh-hoa', layer: 'stage', cluster: null, language: 'vi' },
      { province: 'khanh-hoa', layer: 'wastewater', cluster: 'song-cau', language: 'en' },
      { province: null, layer: 'occupancy', cluster: 'a-b', language: 'vi' },
    ] as const;
    for (const link of links) {
      expect(plannerLink(link)).toBe(writeUrlState({ ...link, view: null, showRemoved: false }));
    }
  });
});
