import { useI18n } from '../i18n/I18nContext.tsx';
import type { AtlasMode } from '../url-state.ts';

/** The planner's map or the investor's plot finder. */
export function ModeSwitch({ mode, onChange }: { mode: AtlasMode; onChange: (mode: AtlasMode) => void }) {
  const { t } = useI18n();
  const modes: [AtlasMode, string][] = [
    ['planner', t.modePlanner],
    ['plots', t.modePlots],
  ];
  return (
    <fieldset className="control mode-switch" aria-label={t.modeLabel}>
      {modes.map(([value, label]) => (
        <button
          key={value}
          type="button"
          aria-pressed={mode === value}
          data-mode={value}
          onClick={() => onChange(value)}
        >
          {label}
        </button>
      ))}
    </fieldset>
  );
}
