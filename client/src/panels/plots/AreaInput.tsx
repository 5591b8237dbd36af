import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/I18nContext.tsx';

type Props = { label: string; value: number | null; onCommit: (value: number | null) => void };

/** Reads `0,5` and `0.5` alike; commits on Enter or when the field loses focus. */
export function parseHectares(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 ? value : 'invalid';
}

/** A hectare bound of the area filter, typed in the interface's number format. */
export function AreaInput({ label, value, onCommit }: Props) {
  const { language } = useI18n();
  const shown = value === null ? '' : language === 'vi' ? String(value).replace('.', ',') : String(value);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const commit = () => {
    const parsed = parseHectares(draft);
    if (parsed === 'invalid') setDraft(shown);
    else if (parsed !== value) onCommit(parsed);
  };
  return (
    <label className="area-input">
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        value={draft}
        aria-invalid={parseHectares(draft) === 'invalid'}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
        size={6}
      />
    </label>
  );
}
