import { useI18n } from '../i18n/I18nContext.tsx';

type Props = {
  /** The day the data is shown at (`YYYY-MM-DD`). */
  asOf: string;
  /** The province had no cluster recorded by then: say so, rather than show an unexplained empty map. */
  empty: boolean;
  onBackToNow: () => void;
};

/** Over the map while the planner looks at a past day: which day, that it is read-only, and the way back. */
export function AsOfBanner({ asOf, empty, onBackToNow }: Props) {
  const { t, date } = useI18n();
  return (
    <>
      <div className="as-of-banner" role="status">
        <span>{t.asOfBanner.replace('{date}', date(asOf))}</span>
        <button type="button" onClick={onBackToNow}>
          {t.asOfBackToNow}
        </button>
      </div>
      {empty && <p className="as-of-empty">{t.asOfEmpty}</p>}
    </>
  );
}
