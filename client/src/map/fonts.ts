import type { StyleSpecification } from 'maplibre-gl';

/**
 * Label fonts drawn from files this app serves (MapLibre `font-faces`), so Vietnamese diacritics
 * render with no glyph server. The ranges are those Fontsource declares for each subset file.
 */
const subsets = {
  vietnamese:
    'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
};

export const labelFont = 'Be Vietnam Pro Regular';
export const labelFontBold = 'Be Vietnam Pro Bold';

function faces(origin: string, weight: 400 | 700) {
  return Object.entries(subsets).map(([subset, ranges]) => ({
    url: `${origin}/fonts/be-vietnam-pro/be-vietnam-pro-${subset}-${weight}-normal.woff2`,
    'unicode-range': ranges.split(','),
  }));
}

/** The style's `font-faces`: URLs must be absolute, so they are built from the page's origin. */
export function fontFaces(origin: string): NonNullable<StyleSpecification['font-faces']> {
  return { [labelFont]: faces(origin, 400), [labelFontBold]: faces(origin, 700) };
}
