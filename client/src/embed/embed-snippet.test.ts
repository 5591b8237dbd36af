import { describe, expect, test } from 'vitest';
import type { EmbedOptions } from './embed-options.ts';
import { iframeSnippet, scriptSnippet } from './embed-snippet.ts';

const options: EmbedOptions = {
  province: 'khanh-hoa',
  layer: 'wastewater',
  language: 'vi',
  view: null,
  bbox: null,
  clusters: null,
  legend: false,
  controls: true,
};

describe('embed snippets', () => {
  test('build an iframe with the options in its URL, escaped for an attribute', () => {
    expect(iframeSnippet('https://atlas.example', options, { width: '100%', heightPx: 480 })).toBe(
      '<iframe src="https://atlas.example/embed?province=khanh-hoa&amp;layer=wastewater&amp;legend=0" width="100%" height="480" style="border:0" title="Bản đồ cụm công nghiệp" loading="lazy"></iframe>',
    );
  });

  test('build the script variant with the same options as attributes', () => {
    expect(scriptSnippet('https://atlas.example', options, { width: '100%', heightPx: 400 })).toBe(
      '<script src="https://atlas.example/embed.js" async></script>\n<ccn-atlas-map province="khanh-hoa" layer="wastewater" legend="0" height="400"></ccn-atlas-map>',
    );
  });

  test('cannot be broken out of by a width with quotes', () => {
    expect(iframeSnippet('https://a.vn', options, { width: '100%" onload="x', heightPx: 300 })).toContain(
      'width="100%&quot; onload=&quot;x"',
    );
  });
});
