import { type EmbedOptions, writeEmbedOptions } from './embed-options.ts';

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export type SnippetSize = { width: string; heightPx: number };

export function embedUrl(origin: string, options: EmbedOptions): string {
  return `${origin}/embed${writeEmbedOptions(options)}`;
}

/** The iframe a site pastes: one element, lazy, titled for screen readers, no border. */
export function iframeSnippet(origin: string, options: EmbedOptions, size: SnippetSize): string {
  const title = options.language === 'vi' ? 'Bản đồ cụm công nghiệp' : 'Map of industrial clusters';
  return `<iframe src="${escapeAttribute(embedUrl(origin, options))}" width="${escapeAttribute(size.width)}" height="${size.heightPx}" style="border:0" title="${title}" loading="lazy"></iframe>`;
}

/** The one-line-of-script variant: the web component takes the same options as attributes. */
export function scriptSnippet(origin: string, options: EmbedOptions, size: SnippetSize): string {
  const params = new URLSearchParams(writeEmbedOptions(options));
  const attributes = [...params.entries()]
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  return `<script src="${origin}/embed.js" async></script>\n<ccn-atlas-map${attributes} height="${size.heightPx}"></ccn-atlas-map>`;
}
