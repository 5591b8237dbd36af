import type { ClusterDifference } from '../../../../domain/cluster-change.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { useFormatValue } from '../FigureValue.tsx';
import { pathLabel, valueText } from './difference-text.ts';

/** Each fact a change touched, in words: "Đã cho thuê: 10 ha → 12,5 ha". */
export function DifferenceList({ differences }: { differences: ClusterDifference[] }) {
  const { t, language, date } = useI18n();
  const format = useFormatValue();
  const words = { t, language, format, date };
  return (
    <ul className="difference-list">
      {differences.map((difference) => (
        <li key={difference.path} data-path={difference.path}>
          <span className="difference-label">{pathLabel(difference.path, words)}:</span>{' '}
          <span className="difference-before">{valueText(difference.path, difference.before, words)}</span>
          {' → '}
          <span className="difference-after">{valueText(difference.path, difference.after, words)}</span>
        </li>
      ))}
    </ul>
  );
}
