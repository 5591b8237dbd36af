import type { PlotClusterContext, ResolvedContact } from '../../../../domain/plot-api.ts';
import { units, wastewaterPlantStates } from '../../../../domain/vocabulary.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';

/** Texts the plot card, list, compare table and print sheet share, in the interface's number format. */
export function usePlotFormat() {
  const { t, number, language, text } = useI18n();
  return {
    /** `1,25 ha` in Vietnamese, `1.25 ha` in English. */
    hectares: (value: number) => `${number(value, 2)} ha`,
    /** `12.500 m²` in Vietnamese, `12,500 m²` in English. */
    squareMetres: (value: number) => `${number(Math.round(value), 0)} m²`,
    /** Exact when every component is known, else the range it must lie in; null when nothing is known. */
    infrastructure: (infrastructure: PlotClusterContext['infrastructure']) =>
      infrastructure.percent !== null
        ? `${number(infrastructure.percent, 0)}%`
        : `${t.between} ${number(infrastructure.minimumPercent, 0)}–${number(infrastructure.maximumPercent, 0)}%`,
    /** Null: unknown, to be shown as "chưa có số liệu". */
    wastewater: (plant: PlotClusterContext['wastewaterPlant']) =>
      plant
        ? [
            wastewaterPlantStates.label(plant.state, language),
            plant.capacityM3PerDay !== undefined
              ? `${number(plant.capacityM3PerDay)} ${units.label('m3/day', language)}`
              : null,
          ]
            .filter(Boolean)
            .join(' · ')
        : null,
    /** The contact as one line; null when there is none. */
    contact: (resolved: ResolvedContact) => {
      const contact = resolved.contact;
      const parts = contact ? [contact.name, contact.phone, contact.email, contact.address] : [];
      if (resolved.description) parts.unshift(text(resolved.description));
      const line = parts.filter(Boolean).join(' · ');
      return line || null;
    },
  };
}
