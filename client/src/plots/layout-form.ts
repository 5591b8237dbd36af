import {
  defaultPlotLayout,
  type PlotLayoutField,
  type PlotLayoutRequest,
  plotLayoutFields,
} from '../../../domain/plot-layout-api.ts';
import type { Language } from '../../../domain/text.ts';

/** The sizes the editor sets, in metres, as typed. */
export type LayoutFormField = Exclude<PlotLayoutField, 'minShare'>;
export const layoutFormFields: readonly LayoutFormField[] = ['plotWidthM', 'plotDepthM', 'roadWidthM'];
export type LayoutForm = Record<LayoutFormField, string>;

/** A size as the editor types it: `12,5` in Vietnamese, `12.5` in English, both read either way. */
function metresText(value: number, language: Language): string {
  return language === 'vi' ? String(value).replace('.', ',') : String(value);
}

/** Metres typed with a decimal comma or point; null when not a plain number (sizes need no grouping). */
function parseMetres(text: string): number | null {
  const plain = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(plain) ? Number(plain) : null;
}

/** The form as it opens: the CLI's defaults (50 × 80 m plots, 12 m roads), written the language's way. */
export function defaultLayoutForm(language: Language): LayoutForm {
  return {
    plotWidthM: metresText(defaultPlotLayout.plotWidthM, language),
    plotDepthM: metresText(defaultPlotLayout.plotDepthM, language),
    roadWidthM: metresText(defaultPlotLayout.roadWidthM, language),
  };
}

/** A field out of its bounds (or not a number), with the bounds to say. */
export type LayoutFieldError = { min: number; max: number };

/**
 * The request body for the typed sizes, or the fields at fault with their bounds: the same bounds
 * the server (and the CLI) apply, so a value the form lets through is never refused for range.
 *
 * @example layoutFromForm({ plotWidthM: '40', plotDepthM: '60,5', roadWidthM: '12' }, true)
 * // { body: { plotWidthM: 40, plotDepthM: 60.5, roadWidthM: 12, dryRun: true }, errors: {} }
 */
export function layoutFromForm(
  form: LayoutForm,
  dryRun: boolean,
): { body: PlotLayoutRequest | null; errors: Partial<Record<LayoutFormField, LayoutFieldError>> } {
  const errors: Partial<Record<LayoutFormField, LayoutFieldError>> = {};
  const values = {} as Record<LayoutFormField, number>;
  for (const field of layoutFormFields) {
    const bounds = plotLayoutFields[field];
    const value = parseMetres(form[field]);
    if (value === null || value < bounds.min || value > bounds.max) errors[field] = bounds;
    else values[field] = value;
  }
  return Object.keys(errors).length > 0 ? { body: null, errors } : { body: { ...values, dryRun }, errors };
}
