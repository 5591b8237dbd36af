import { useState } from 'react';
import { canEditProvince } from '../../../../domain/account.ts';
import type { Source } from '../../../../domain/source.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ImportDialog } from './ImportDialog.tsx';

type Props = {
  provinceId: string;
  sources: Source[];
  today: string;
  /** After a commit: the app reloads the map and dashboard. */
  onImported: () => void;
};

/** "Nhập dữ liệu" for an account that may edit the province, and the dialog it opens. */
export function ImportButton({ provinceId, sources, today, onImported }: Props) {
  const { t } = useI18n();
  const { account } = useAuth();
  const [open, setOpen] = useState(false);
  if (!canEditProvince(account, provinceId)) return null;
  return (
    <div className="card-actions import-actions">
      <button type="button" className="button" data-action="import-data" onClick={() => setOpen(true)}>
        {t.importButton}
      </button>
      {open && (
        <ImportDialog
          provinceId={provinceId}
          sources={sources}
          today={today}
          onClose={() => setOpen(false)}
          onImported={onImported}
        />
      )}
    </div>
  );
}
