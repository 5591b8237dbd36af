import { useI18n } from '../../i18n/I18nContext.tsx';
import type { FieldError } from './change-from-form.ts';

/** A field error in the interface's words. */
export function useFieldErrorText() {
  const { t } = useI18n();
  return (error: FieldError) =>
    ({
      invalidNumber: t.errorInvalidNumber,
      sourceRequired: t.errorSourceRequired,
      asOfRequired: t.errorAsOfRequired,
      descriptionRequired: t.errorDescriptionRequired,
      unitRequired: t.errorUnitRequired,
      deadlineRequired: t.errorDeadlineRequired,
      invalidDate: t.errorInvalidDate,
    })[error];
}
