import type { RuleCheck } from '../../../domain/rules.ts';
import { useI18n } from '../i18n/I18nContext.tsx';

/** One legal check: pass / fail / unknown, in words, with the provision it applies. */
export function RuleCheckView({ check, heading }: { check: RuleCheck; heading?: string }) {
  const { t, text } = useI18n();
  const label = { pass: t.rulePass, fail: t.ruleFail, unknown: t.statusUnknown }[check.status];
  return (
    <div className="rule-check" data-rule={check.rule} data-status={check.status}>
      <div>
        {heading && <strong>{heading}: </strong>}
        <span className={`status status-rule-${check.status}`}>{label}</span> {text(check.message)}
      </div>
      <div className="muted small">
        {check.legalBasis.document} — {text(check.legalBasis.provision)}
        {!check.legalBasis.articleVerified && <em> ({t.articleUnverified})</em>}
      </div>
    </div>
  );
}
