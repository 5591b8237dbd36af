/**
 * Colour-blind-safe colours. Categories use Okabe & Ito's palette; ordered classes use viridis,
 * whose steps differ in lightness, so they read in grey-scale and for every common colour-vision type.
 */
export const okabeIto = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#999999',
  black: '#000000',
};

/** Viridis in five steps, low to high. */
export const viridis5 = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;
