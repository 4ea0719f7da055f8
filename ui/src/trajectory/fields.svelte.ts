// What every trajectory form shares besides its frame (RecordForm): its props, and its fields'
// ids, labels and messages.
import type { Stored } from '../api';
import { NO_ERRORS, type FormErrors } from '../hours/errors';
import type { SaveRecord } from './data.svelte';
import { fieldId } from './form';

/** The props every trajectory form takes: how to save, and what after saving or cancelling. */
export type FormActions = {
  save: SaveRecord;
  /** After a successful save. */
  ondone: () => void;
  oncancel: () => void;
};

/** The props of a form that adds a record or changes `stored`. */
export type RecordFormProps<T> = FormActions & {
  /** The record to change; a new one when `null`. */
  stored?: Stored<T> | null;
};

/** A form's fields: their ids, their labels, and the messages RecordForm puts at them. */
export class FormFields<F extends string = string> {
  /** The record kind as the testids name it: 'conversation', 'map-closing'. */
  readonly kind: string;
  /** The form's fields (record field names) and their labels, for the backend's errors too. */
  readonly labels: Record<F, string>;
  errors = $state<FormErrors>(NO_ERRORS);

  constructor(kind: string, labels: Record<F, string>) {
    this.kind = kind;
    this.labels = labels;
  }

  /** The id (and data-testid) of a field: 'map-closing-next-date'. */
  id(field: string): string {
    return fieldId(this.kind, field);
  }

  /** A field's id, label and message, to spread on a TextField, DateField or SelectField. */
  f = (field: F) => ({ id: this.id(field), label: this.labels[field], error: this.errors.fields[field] });
}
