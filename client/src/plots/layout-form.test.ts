import { describe, expect, test } from 'vitest';
import { PlotLayoutRequest } from '../../../domain/plot-layout-api.ts';
import { defaultLayoutForm, layoutFromForm } from './layout-form.ts';

describe('the plot layout form', () => {
  test('opens on the CLI defaults, written the language’s way', () => {
    expect(defaultLayoutForm('vi')).toEqual({ plotWidthM: '50', plotDepthM: '80', roadWidthM: '12' });
  });

  test('reads decimal commas and points into a body the server accepts', () => {
    const { body, errors } = layoutFromForm({ plotWidthM: '40', plotDepthM: '60,5', roadWidthM: '12' }, true);
    expect(errors).toEqual({});
    expect(body).toEqual({ plotWidthM: 40, plotDepthM: 60.5, roadWidthM: 12, dryRun: true });
    expect(PlotLayoutRequest.safeParse(body).success).toBe(true);
    expect(layoutFromForm({ plotWidthM: '40.5', plotDepthM: '60', roadWidthM: '12' }, false).body).toEqual({
      plotWidthM: 40.5,
      plotDepthM: 60,
      roadWidthM: 12,
      dryRun: false,
    });
  });

  test('names each field out of the bounds the server applies, with those bounds', () => {
    const { body, errors } = layoutFromForm({ plotWidthM: '5', plotDepthM: 'abc', roadWidthM: '61' }, true);
    expect(body).toBeNull();
    expect(errors).toEqual({
      plotWidthM: { min: 10, max: 500 },
      plotDepthM: { min: 10, max: 500 },
      roadWidthM: { min: 4, max: 60 },
    });
    expect(
      layoutFromForm({ plotWidthM: '', plotDepthM: '80', roadWidthM: '12' }, true).errors,
    ).toHaveProperty('plotWidthM');
  });
});
