import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { Language } from '../../../domain/text.ts';
import { fontFaces, labelFont } from './fonts.ts';

const colors = {
  sea: '#c9dfec',
  land: '#efebe4',
  vietnam: '#fbf9f3',
  vietnamCoast: '#7a8f9c',
  border: '#9b8f86',
  label: '#5b534d',
  archipelago: '#35637f',
  sea_label: '#5f86a0',
};

/**
 * The offline basemap: Natural Earth land, Viet Nam with Hoàng Sa and Trường Sa, land borders and
 * place labels, all GeoJSON served by this app (geodata/basemap). No request leaves the origin.
 */
export function basemapStyle(origin: string, language: Language): StyleSpecification {
  const name: ExpressionSpecification = ['get', `name_${language}`];
  const geojson = (file: string) => ({ type: 'geojson' as const, data: `${origin}/basemap/${file}` });
  return {
    version: 8,
    name: 'CCN Atlas offline basemap',
    'font-faces': fontFaces(origin),
    sources: {
      land: { ...geojson('land.geojson'), attribution: 'Natural Earth' },
      vietnam: geojson('vietnam.geojson'),
      borders: geojson('borders.geojson'),
      places: geojson('labels.geojson'),
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': colors.sea } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': colors.land } },
      { id: 'vietnam', type: 'fill', source: 'vietnam', paint: { 'fill-color': colors.vietnam } },
      {
        id: 'vietnam-coast',
        type: 'line',
        source: 'vietnam',
        paint: {
          'line-color': colors.vietnamCoast,
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 10, 1.4],
        },
      },
      {
        id: 'borders',
        type: 'line',
        source: 'borders',
        paint: { 'line-color': colors.border, 'line-width': 1.2, 'line-dasharray': [3, 2] },
      },
      {
        id: 'place-labels',
        type: 'symbol',
        source: 'places',
        filter: ['match', ['get', 'kind'], ['sea', 'archipelago'], false, true],
        layout: {
          'text-field': name,
          'text-font': [labelFont],
          'text-size': ['match', ['get', 'kind'], 'country', 15, 12],
          'text-max-width': 9,
        },
        paint: { 'text-color': colors.label, 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
      {
        // Hoàng Sa and Trường Sa are always labelled, whatever else competes for the space.
        id: 'archipelago-labels',
        type: 'symbol',
        source: 'places',
        filter: ['==', ['get', 'kind'], 'archipelago'],
        layout: {
          'text-field': name,
          'text-font': [labelFont],
          'text-size': 12,
          'text-max-width': 12,
          'text-allow-overlap': true,
          'text-ignore-placement': true,
        },
        paint: { 'text-color': colors.archipelago, 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
      {
        id: 'sea-labels',
        type: 'symbol',
        source: 'places',
        filter: ['==', ['get', 'kind'], 'sea'],
        layout: { 'text-field': name, 'text-font': [labelFont], 'text-size': 16, 'text-letter-spacing': 0.2 },
        paint: { 'text-color': colors.sea_label },
      },
    ],
  };
}
