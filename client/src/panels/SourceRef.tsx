import type { Source } from '../../../domain/source.ts';
import { useI18n } from '../i18n/I18nContext.tsx';

/** Short citation of a source: its number, or its issuer when it has none. */
export function sourceShortName(source: Source | undefined, language: 'vi' | 'en'): string {
  if (!source) return '?';
  return source.number ?? source.issuer[language];
}

export function SourceRef({ source }: { source: Source | undefined }) {
  const { language, text } = useI18n();
  return (
    <cite className="source-ref" title={source ? text(source.title) : undefined}>
      {sourceShortName(source, language)}
    </cite>
  );
}

/** A full entry of the source list: title, number, issuer, date and the file as received. */
export function SourceEntry({ source }: { source: Source }) {
  const { t, text, date } = useI18n();
  return (
    <li className="source-entry" data-source-id={source.id}>
      <div className="source-title">{text(source.title)}</div>
      <div className="muted">
        {[source.number, text(source.issuer), source.issuedOn ? date(source.issuedOn) : t.issuedOnUnknown]
          .filter(Boolean)
          .join(' · ')}
        {' · '}
        {t.file} <code>{source.file}</code>
      </div>
      {source.note && <div className="muted small">{text(source.note)}</div>}
    </li>
  );
}
