import { describe, expect, test } from 'vitest';
import { EmbedCommand } from './embed-messages.ts';

describe('embed commands', () => {
  test('accept the three commands a host may send', () => {
    expect(
      EmbedCommand.safeParse({ source: 'ccn-atlas', type: 'set-layer', layer: 'wastewater' }).success,
    ).toBe(true);
    expect(
      EmbedCommand.safeParse({ source: 'ccn-atlas', type: 'select-cluster', id: 'song-cau' }).success,
    ).toBe(true);
    expect(EmbedCommand.safeParse({ source: 'ccn-atlas', type: 'select-cluster', id: null }).success).toBe(
      true,
    );
    expect(
      EmbedCommand.safeParse({ source: 'ccn-atlas', type: 'fly-to-bbox', bbox: [108.9, 12.1, 109.2, 12.4] })
        .success,
    ).toBe(true);
  });

  test('keep only the fields a command has', () => {
    expect(
      EmbedCommand.safeParse({ source: 'ccn-atlas', type: 'set-layer', layer: 'stage', extra: '<script>' }),
    ).toEqual({ success: true, data: { source: 'ccn-atlas', type: 'set-layer', layer: 'stage' } });
  });

  test('ignore messages that are not ours or are malformed', () => {
    expect(EmbedCommand.safeParse({ type: 'set-layer', layer: 'stage' }).success).toBe(false);
    expect(
      EmbedCommand.safeParse({ source: 'ccn-atlas', type: 'set-layer', layer: 'drop table' }).success,
    ).toBe(false);
    expect(
      EmbedCommand.safeParse({ source: 'ccn-atlas', type: 'fly-to-bbox', bbox: [110, 12, 109, 13] }).success,
    ).toBe(false);
    expect(EmbedCommand.safeParse('hello').success).toBe(false);
    expect(EmbedCommand.safeParse(null).success).toBe(false);
    expect(
      EmbedCommand.safeParse({ source: 'ccn-atlas', type: 'select-cluster', id: 'Not An Id' }).success,
    ).toBe(false);
    expect(
      EmbedCommand.safeParse({ source: 'ccn-atlas', type: 'fly-to-bbox', bbox: [108, 12, 109, Number.NaN] })
        .success,
    ).toBe(false);
    expect(
      EmbedCommand.safeParse({ source: 'ccn-atlas', type: 'fly-to-bbox', bbox: [108, 12, 181, 13] }).success,
    ).toBe(false);
    expect(
      EmbedCommand.safeParse({ source: 'ccn-atlas', type: 'fly-to-bbox', bbox: [108, 12, 109] }).success,
    ).toBe(false);
  });
});
