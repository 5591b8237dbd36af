import { describe, expect, test } from 'vitest';
import { type EmbedOptions, parseBbox, readEmbedOptions, writeEmbedOptions } from './embed-options.ts';

describe('embed options', () => {
  test('default to the whole province in Vietnamese, stage layer, legend and controls on', () => {
    expect(readEmbedOptions('?province=khanh-hoa')).toEqual({
      province: 'khanh-hoa',
      layer: 'stage',
      language: 'vi',
      view: null,
      bbox: null,
      clusters: null,
      legend: true,
      controls: true,
    });
  });

  test('round-trip every option', () => {
    const options: EmbedOptions = {
      province: 'khanh-hoa',
      layer: 'occupancy',
      language: 'en',
      view: null,
      bbox: [108.9, 12.1, 109.2, 12.4],
      clusters: ['song-cau', 'khatoco-ninh-ich'],
      legend: false,
      controls: false,
    };
    const query = writeEmbedOptions(options);
    expect(query).toBe(
      '?province=khanh-hoa&layer=occupancy&lang=en&bbox=108.90000,12.10000,109.20000,12.40000&clusters=song-cau,khatoco-ninh-ich&legend=0&controls=0',
    );
    expect(readEmbedOptions(query)).toEqual(options);
  });

  test('drop a malformed bbox or cluster id instead of failing', () => {
    expect(parseBbox('109,12,108,13')).toBeNull();
    expect(parseBbox('1,2,3')).toBeNull();
    expect(parseBbox('a,b,c,d')).toBeNull();
    expect(readEmbedOptions('?clusters=song-cau,<script>').clusters).toEqual(['song-cau']);
  });
});
