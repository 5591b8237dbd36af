import { useState } from 'react';
import { canEditProvince } from '../../../../domain/account.ts';
import type { ClusterProperties } from '../../../../domain/cluster.ts';
import type { Source } from '../../../../domain/source.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ClusterEditForm } from './ClusterEditForm.tsx';

type Props = {
  cluster: ClusterProperties;
  sources: Source[];
  today: string;
  /** After a save: the app reloads the card, map and dashboard. */
  onSaved: () => void;
  /** Opens the boundary drawing on the map; absent where it cannot be drawn (a past day's view). */
  onDrawBoundary?: () => void;
};

/** "Sửa số liệu" for an account that may edit the cluster's province, the form it opens, and "Đã lưu". */
export function ClusterEditing({ cluster, sources, today, onSaved, onDrawBoundary }: Props) {
  const { t } = useI18n();
  const { account } = useAuth();
  const [open, setOpen] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  if (!canEditProvince(account, cluster.provinceId)) return null;
  return (
    <div className="cluster-editing">
      {!open && (
        <div className="card-actions">
          <button
            type="button"
            className="button"
            data-action="edit-cluster"
            onClick={() => {
              setSavedVersion(null);
              setOpen(true);
            }}
          >
            {t.edit}
          </button>
          {onDrawBoundary && (
            <button type="button" className="button" data-action="draw-boundary" onClick={onDrawBoundary}>
              {t.drawBoundary}
            </button>
          )}
          {savedVersion !== null && (
            <span className="notice saved" role="status">
              {t.editSaved.replace('{version}', String(savedVersion))}
            </span>
          )}
        </div>
      )}
      {open && (
        <ClusterEditForm
          clusterId={cluster.id}
          sources={sources}
          today={today}
          onCancel={() => setOpen(false)}
          onSaved={(version) => {
            setOpen(false);
            setSavedVersion(version);
            onSaved();
          }}
        />
      )}
    </div>
  );
}
