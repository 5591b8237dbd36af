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

describe('url state of the investor view', () => {
  test('round-trips mode, filters, selected plot, compare list, camera and language', () => {
    const state: UrlState = {
      province: 'khanh-hoa',
      cluster: null,
      language: 'en',
      layer: 'stage',
      view: { zoom: 15, latitude: 12.282, longitude: 108.975 },
      showRemoved: false,
      mode: 'plots',
      plot: 'sc-a-02',
      plotFilter: {
        clusterIds: ['song-cau'],
        statuses: ['available', 'reserved'],
        minAreaHa: 0.3,
        maxAreaHa: null,
        minInfrastructurePercent: 50,
        wastewaterCompliant: true,
        sort: '-area',
      },
      compare: [
        { kind: 'plot', id: 'sc-a-02' },
        { kind: 'cluster', id: 'song-cau' },
      ],
    };
    const url = writeUrlState(state);
    expect(url).toContain('mode=plots');
    expect(url).toContain('compare=plot:sc-a-02,cluster:song-cau');
    expect(readUrlState(url)).toEqual(state);
  });

  test('reads the default filter when the investor link sets none', () => {
    expect(readUrlState('?mode=plots')).toMatchObject({
      mode: 'plots',
      plotFilter: { statuses: ['available'], minAreaHa: null, sort: 'area' },
    });
  });

  test('ignores junk: an unknown mode, a bad plot id, bad compare entries', () => {
    const state = readUrlState('?mode=shop&plot=A%20B&compare=house:1,plot:%3Cx%3E');
    expect(state.mode).toBeUndefined();
    expect(state.plot).toBeUndefined();
    expect(state.compare).toBeUndefined();
    expect(readUrlState('?mode=plots&plot=..%2Fetc').plot).toBeUndefined();
  });

  test('keeps the compare list in the planner view too', () => {
    expect(readUrlState('?compare=cluster:song-cau').compare).toEqual([{ kind: 'cluster', id: 'song-cau' }]);
  });
});

describe('url state of a past date (asOf)', () => {
  const today = '2025-07-01';
  const base: UrlState = {
    province: 'khanh-hoa',
    cluster: null,
    language: 'vi',
    layer: 'stage',
    view: null,
    showRemoved: false,
  };

  test('round-trips a day, with the rest of the planner’s view', () => {
    const state: UrlState = { ...base, layer: 'occupancy', asOf: '2024-06-14' };
    const url = writeUrlState(state);
    expect(url).toContain('asOf=2024-06-14');
    expect(readUrlState(url, today)).toEqual(state);
  });

  test('writes nothing for now', () => {
    expect(writeUrlState(base)).not.toContain('asOf');
    expect(readUrlState(writeUrlState(base), today)).not.toHaveProperty('asOf');
  });

  test.each([
    ['not a date', 'hôm qua'],
    ['day first', '14/06/2024'],
    ['no such day', '2024-02-30'],
    ['no such month', '2024-13-01'],
    ['empty', ''],
  ])('ignores junk: %s', (_why, text) => {
    expect(readUrlState(`?province=khanh-hoa&asOf=${encodeURIComponent(text)}`, today)).toEqual(base);
  });

  test('ignores a day after today, keeps today itself', () => {
    expect(readUrlState('?asOf=2025-07-02', today).asOf).toBeUndefined();
    expect(readUrlState('?asOf=2025-07-01', today).asOf).toBe('2025-07-01');
  });
});
