import { plotOrigins } from '../../../../domain/vocabulary.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';

/** "Minh họa" on every plot the layout tool made; its title says what that means. */
export function GeneratedBadge({ origin }: { origin: 'import' | 'generated' }) {
  const { t, language } = useI18n();
  if (origin !== 'generated') return null;
  return (
    <span className="generated-badge" title={plotOrigins.label('generated', language)}>
      {t.generatedBadge}
    </span>
  );
}
