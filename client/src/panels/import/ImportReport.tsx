import type { ImportPlanReport, ImportProblem } from '../../../../domain/import-api.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';

/** Rows and messages shown at most: a file of thousands of features is summarised, not listed whole. */
const MAX_ROWS = 200;
const MAX_MESSAGES = 50;

type Item = ImportPlanReport['items'][number];

function MessageList({ title, items, kind }: { title: string; items: ImportProblem[]; kind: string }) {
  const { t, language } = useI18n();
  if (items.length === 0) return null;
  return (
    <section className={`import-messages import-${kind}`}>
      <h4>
        {title} ({items.length})
      </h4>
      <ul>
        {items.slice(0, MAX_MESSAGES).map((item, index) => (
          // Messages may repeat word for word (two features, one fault): the index tells them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
          <li key={index}>{language === 'vi' ? item.vi : item.en}</li>
        ))}
      </ul>
      {items.length > MAX_MESSAGES && (
        <p className="muted small">
          {t.importMoreMessages.replace('{count}', String(items.length - MAX_MESSAGES))}
        </p>
      )}
    </section>
  );
}

/** The match cell: the cluster and how it was found, or why none was. */
function MatchCell({ item }: { item: Item }) {
  const { t } = useI18n();
  if (item.match) {
    return (
      <>
        {item.match.name} <span className="muted small">({t[`importMatchBy_${item.match.by}`]})</span>
      </>
    );
  }
  return (
    <>
      <span className="import-bad">{t.importNoMatch}</span>
      {item.suggestions.length > 0 && (
        <div className="muted small">
          {t.importSuggestions.replace('{names}', item.suggestions.join('; '))}
        </div>
      )}
    </>
  );
}

/** The area and its difference from each declared area, in ha and %. */
function AreaCells({ item }: { item: Item }) {
  const { t, number } = useI18n();
  const signed = (value: number, digits: number) =>
    `${value > 0 ? '+' : value < 0 ? '−' : ''}${number(Math.abs(value), digits)}`;
  if (item.invalidReason) {
    return (
      <td colSpan={2} className="import-bad">
        {t.importInvalidGeometry.replace('{reason}', item.invalidReason)}
      </td>
    );
  }
  if (!item.area) {
    const figures = Object.keys(item.figures).length;
    return (
      <td colSpan={2} className="muted">
        {figures > 0 ? t.importFigureCount.replace('{count}', String(figures)) : t.importNoBoundary}
      </td>
    );
  }
  const measure =
    item.area.measure === 'vn2000-plane' ? t.importMeasure_vn2000_plane : t.importMeasure_ellipsoid;
  return (
    <>
      <td className="number">
        {number(item.area.hectares, 2)} ha
        <div className="muted small">{measure}</div>
      </td>
      <td className="number" data-testid="area-difference">
        {item.area.comparisons.map((comparison) => (
          <div key={comparison.key}>
            {signed(comparison.differenceHa, 2)} ha ({signed(comparison.differencePercent, 1)}%){' '}
            <span className="muted small">
              {t[`importDeclared_${comparison.key}`]} {number(comparison.declaredHa, 2)} ha
            </span>
          </div>
        ))}
      </td>
    </>
  );
}

/**
 * What the dry run found: counts, each item's match and area, unknown fields, problems, warnings.
 * Once `committed`, it no longer says what a commit would write.
 */
export function ImportReport({ plan, committed }: { plan: ImportPlanReport; committed: boolean }) {
  const { t, text } = useI18n();
  const boundaries = plan.items.filter((item) => item.match && item.hasBoundary).length;
  const figures = plan.items.filter((item) => item.match && Object.keys(item.figures).length > 0).length;
  return (
    <div className="import-report">
      <dl className="import-summary">
        <dt>{t.importFormat}</dt>
        <dd>{plan.format}</dd>
        {plan.crs && (
          <>
            <dt>{t.importCrsRead}</dt>
            <dd>
              {text(plan.crs.label)}{' '}
              <span className="muted small">({t[`importCrsFrom_${plan.crs.from}`]})</span>
            </dd>
          </>
        )}
        <dt>{plan.format === 'csv' ? t.importRowsRead : t.importItemsRead}</dt>
        <dd data-testid="items-read">{plan.itemsRead}</dd>
      </dl>
      {plan.problems.length === 0 && !committed && (
        <p className="notice import-ok">
          {t.importNoProblems}{' '}
          {t.importWouldWrite
            .replace('{boundaries}', String(boundaries))
            .replace('{figures}', String(figures))}
        </p>
      )}
      <MessageList title={t.importProblems} items={plan.problems} kind="problems" />
      {plan.items.length > 0 && (
        <div className="import-table-wrap">
          <table className="import-items">
            <thead>
              <tr>
                <th>{t.importColumnItem}</th>
                <th>{t.importColumnReference}</th>
                <th>{t.importColumnMatch}</th>
                <th>{t.importColumnArea}</th>
                <th>{t.importColumnDifference}</th>
              </tr>
            </thead>
            <tbody>
              {plan.items.slice(0, MAX_ROWS).map((item) => (
                <tr key={item.item} data-item={item.item}>
                  <td className="number">{item.item}</td>
                  <td>{item.reference ?? '—'}</td>
                  <td>
                    <MatchCell item={item} />
                  </td>
                  <AreaCells item={item} />
                </tr>
              ))}
            </tbody>
          </table>
          {plan.items.length > MAX_ROWS && (
            <p className="muted small">
              {t.importMoreItems.replace('{count}', String(plan.items.length - MAX_ROWS))}
            </p>
          )}
        </div>
      )}
      {plan.unknownFields.length > 0 && (
        <p className="import-unknown-fields">
          <strong>{t.importUnknownFields}:</strong> {plan.unknownFields.join(', ')}
        </p>
      )}
      <MessageList title={t.importWarnings} items={plan.warnings} kind="warnings" />
      <MessageList
        title={t.importNotes}
        items={plan.notes.map((note) => ({ feature: null, ...note }))}
        kind="notes"
      />
    </div>
  );
}
