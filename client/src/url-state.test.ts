import { describe, expect, test } from 'vitest';
import { readUrlState, writeUrlState } from './url-state.ts';

describe('url state', () => {
  test('defaults to Vietnamese with nothing chosen', () => {
    expect(readUrlState('')).toEqual({ province: null, cluster: null, language: 'vi' });
  });

  test('round-trips a shared link', () => {
    const state = { province: 'khanh-hoa', cluster: 'song-cau', language: 'en' as const };
    expect(readUrlState(writeUrlState(state))).toEqual(state);
  });

  test('falls back to Vietnamese for an unknown language', () => {
    expect(readUrlState('?lang=fr').language).toBe('vi');
  });
});
