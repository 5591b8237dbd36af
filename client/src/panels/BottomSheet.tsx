import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/I18nContext.tsx';

type Props = {
  className: string;
  label: string;
  /** Start expanded; a phone then shows the content over the map. */
  expanded?: boolean;
  children: ReactNode;
};

/**
 * A pane beside the map on a wide screen; on a phone (≤ 700 px, see styles.css) a sheet over the
 * map's foot, folded to its handle or unfolded.
 */
export function BottomSheet({ className, label, expanded = false, children }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(expanded);
  return (
    <section className={`${className} sheet`} aria-label={label} data-expanded={open}>
      <button type="button" className="sheet-handle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="sheet-grip" aria-hidden="true" />
        <span>{label}</span>
        <span className="muted small">{open ? t.collapse : t.expand}</span>
      </button>
      <div className="sheet-content">{children}</div>
    </section>
  );
}
