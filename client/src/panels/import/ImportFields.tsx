import type { Source } from '../../../../domain/source.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { sourceShortName } from '../SourceRef.tsx';
import type { CrsOption } from './crs-options.ts';

/** What the planner chooses before a run. */
export type ImportChoices = { file: File | null; crs: string; sourceId: string; asOf: string };

type Props = {
  choices: ImportChoices;
  crsOptions: CrsOption[];
  sources: Source[];
  disabled: boolean;
  onChange: (change: Partial<ImportChoices>) => void;
};

/** The file, the CRS it is in (read from the file unless chosen), the source it cites and its date. */
export function ImportFields({ choices, crsOptions, sources, disabled, onChange }: Props) {
  const { t, text, language } = useI18n();
  return (
    <fieldset className="import-fields" disabled={disabled}>
      <label className="edit-row">
        <span>{t.importFile}</span>
        <input
          type="file"
          name="file"
          accept=".geojson,.json,.kml,.zip,.csv"
          onChange={(event) => onChange({ file: event.target.files?.[0] ?? null })}
        />
      </label>
      <label className="edit-row">
        <span>{t.importCrs}</span>
        <select name="crs" value={choices.crs} onChange={(event) => onChange({ crs: event.target.value })}>
          <option value="">{t.importCrsFromFile}</option>
          {crsOptions.map((option) => (
            <option key={option.code} value={option.code}>
              {text(option.label)}
              {option.provinceZone ? ` (${t.importCrsProvinceZone})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="edit-row">
        <span>{t.editSource}</span>
        <select
          name="sourceId"
          value={choices.sourceId}
          onChange={(event) => onChange({ sourceId: event.target.value })}
        >
          <option value="">{t.editChooseSource}</option>
          {sources.map((source) => (
            <option key={source.id} value={source.id} title={text(source.title)}>
              {sourceShortName(source, language)} — {text(source.title)}
            </option>
          ))}
        </select>
      </label>
      <label className="edit-row">
        <span>{t.editAsOf}</span>
        <input
          type="date"
          name="asOf"
          value={choices.asOf}
          onChange={(event) => onChange({ asOf: event.target.value })}
        />
      </label>
      <p className="muted small">{t.importSourceHelp}</p>
    </fieldset>
  );
}
