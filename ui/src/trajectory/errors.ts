// Turns an ApiError into messages at the trajectory forms' fields.
import { formErrors, type FormErrors } from '../hours/errors';
import { trajectoryFieldLabel } from '../lib/labels';

/**
 * Backend messages normally complete the field's label ("Datum besluit" + "is verplicht"); a few
 * are sentences of their own ("een boete kan alleen bij verwijtbaar gedrag: …").
 */
const OWN_SENTENCE = /^(een|eerst|artikel|dit|deze|de|het)\b/;

/** "dd-mm-jjjj" for every 'YYYY-MM-DD' in a message ("dit MAP-thema is al afgerond op …"). */
export function dutchDates(message: string): string {
  return message.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3-$2-$1');
}

function sentence(label: string, message: string): string {
  const m = dutchDates(message);
  return OWN_SENTENCE.test(m) ? m.charAt(0).toUpperCase() + m.slice(1) : `${label} ${m}`;
}

/**
 * Messages per field of a form whose fields and labels are `labels` (record field → label);
 * what cannot be shown at a field, such as a conflict, goes to `failure`.
 */
export function recordErrors(reason: unknown, labels: Record<string, string>): FormErrors {
  const errors = formErrors(reason, Object.keys(labels), (f) => labels[f] ?? trajectoryFieldLabel(f), sentence);
  return { fields: errors.fields, failure: errors.failure && dutchDates(errors.failure) };
}
