// Turns an ApiError into per-field messages for the hours, absence, report and exam forms.
import type { ApiError } from '../api';
import { hoursFieldLabel } from '../lib/labels';

export type FormErrors = {
  /** Message per field shown in the form: "Uren moet meer dan 0 uur zijn". */
  fields: Record<string, string>;
  /** What cannot be shown at a field (a conflict, a rule on a field the form lacks). */
  failure: string | null;
};

export const NO_ERRORS: FormErrors = { fields: {}, failure: null };

/**
 * `shown` lists the fields the form has; errors on any other field go to `failure`. `label`
 * names a field in Dutch (the hours forms' labels unless given); `text` makes the sentence
 * of a field's label and the backend's message (the label, then the message, unless given).
 */
export function formErrors(
  reason: unknown,
  shown: readonly string[],
  label: (field: string) => string = hoursFieldLabel,
  text: (label: string, message: string) => string = (l, m) => `${l} ${m}`,
): FormErrors {
  const err = reason as ApiError;
  if (err.code !== 'validation' || err.fields.length === 0) {
    return { fields: {}, failure: err.message };
  }
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const f of err.fields) {
    const sentence = text(label(f.field), f.message);
    if (shown.includes(f.field)) {
      fields[f.field] ??= sentence;
    } else {
      rest.push(sentence);
    }
  }
  return { fields, failure: rest.length ? rest.join('; ') : null };
}
