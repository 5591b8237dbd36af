import { type ReactNode, type RefObject, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nContext.tsx';

type Props = {
  className: string;
  /** Id of the title, for `aria-labelledby`. */
  titleId: string;
  title: string;
  /** Called once the dialog has closed, by its button, Escape, or `dialogRef.current.close()`. */
  onClose: () => void;
  /** For callers that close it themselves, e.g. after a successful form. */
  dialogRef?: RefObject<HTMLDialogElement | null>;
  /** Focused on opening instead of the first control (which is the close button). */
  initialFocusRef?: RefObject<HTMLElement | null>;
  children: ReactNode;
};

/** A modal `<dialog>` shown on mount, with a titled header and a close button; Escape closes it too. */
export function ModalDialog({
  className,
  titleId,
  title,
  onClose,
  dialogRef,
  initialFocusRef,
  children,
}: Props) {
  const { t } = useI18n();
  const ownRef = useRef<HTMLDialogElement>(null);
  const ref = dialogRef ?? ownRef;
  useEffect(() => {
    ref.current?.showModal();
    initialFocusRef?.current?.focus();
  }, [ref, initialFocusRef]);

  return (
    <dialog ref={ref} className={className} onClose={onClose} aria-labelledby={titleId}>
      <header className="panel-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="close" onClick={() => ref.current?.close()} aria-label={t.close}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
