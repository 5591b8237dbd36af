import { describe, expect, test } from 'vitest';
import { readUrlState, type UrlState, writeUrlState } from './url-state.ts';

describe('url state', () => {
  test('defaults to Vietnamese, the stage layer and the province view', () => {
    expect(readUrlState('')).toEqual({
      province: null,
      cluster: null,
      language: 'vi',
      layer: 'stage',
      view: null,
      showRemoved: false,
    });
  });

  test('round-trips a shared link with layer, selection and camera', () => {
    const state: UrlState = {
      province: 'khanh-hoa',
      cluster: 'song-cau',
      language: 'en',
      layer: 'wastewater',
      view: { zoom: 11.5, latitude: 12.28, longitude: 108.975 },
      showRemoved: true,
    };
    const url = writeUrlState(state);
    expect(url).toContain('map=11.50/12.28000/108.97500');
    expect(readUrlState(url)).toEqual(state);
  });

  test('ignores an unknown layer, language or a camera out of range', () => {
    const state = readUrlState('?layer=bogus&lang=fr&map=99/12/109');
    expect(state).toMatchObject({ layer: 'stage', language: 'vi', view: null });
  });
});
