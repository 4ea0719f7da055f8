// Form model for the client form: string-based draft <-> ClientInput.
import type {
  Client,
  ClientInput,
  ClientStatus,
  ClientType,
  FieldError,
  Gender,
  StatushouderSubtype,
} from '../api';

export type ClientDraft = {
  external_id: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  gender: Gender | '';
  country_of_origin: string;
  mother_tongue: string;
  other_languages: string;
  interpreter_needed: boolean;
  interpreter_language: string;
  client_type: ClientType | '';
  statushouder_subtype: StatushouderSubtype | '';
  municipality: string;
  brp_registration_date: string;
  kennisgeving_date: string;
  obligation_date: string;
  housing_date: string;
  bsn: string;
  phone: string;
  email: string;
  address: string;
  consultant: string;
  status: ClientStatus;
};

export function emptyDraft(consultant: string, municipalities: string[]): ClientDraft {
  return {
    external_id: '',
    given_name: '',
    family_name: '',
    birth_date: '',
    gender: '',
    country_of_origin: '',
    mother_tongue: '',
    other_languages: '',
    interpreter_needed: false,
    interpreter_language: '',
    client_type: '',
    statushouder_subtype: '',
    municipality: municipalities.length === 1 ? municipalities[0] : '',
    brp_registration_date: '',
    kennisgeving_date: '',
    obligation_date: '',
    housing_date: '',
    bsn: '',
    phone: '',
    email: '',
    address: '',
    consultant,
    status: 'aangemeld',
  };
}

export function draftFromClient(c: Client): ClientDraft {
  const s = (v: string | null) => v ?? '';
  return {
    external_id: s(c.external_id),
    given_name: c.given_name,
    family_name: c.family_name,
    birth_date: s(c.birth_date),
    gender: c.gender ?? '',
    country_of_origin: s(c.country_of_origin),
    mother_tongue: s(c.mother_tongue),
    other_languages: c.other_languages.join(', '),
    interpreter_needed: c.interpreter_needed,
    interpreter_language: s(c.interpreter_language),
    client_type: c.client_type ?? '',
    statushouder_subtype: c.statushouder_subtype ?? '',
    municipality: c.municipality,
    brp_registration_date: s(c.brp_registration_date),
    kennisgeving_date: s(c.kennisgeving_date),
    obligation_date: s(c.obligation_date),
    housing_date: s(c.housing_date),
    bsn: s(c.bsn),
    phone: s(c.phone),
    email: s(c.email),
    address: s(c.address),
    consultant: s(c.consultant),
    status: c.status,
  };
}

/** Trimmed string, empty → null. */
function opt(value: string): string | null {
  const t = value.trim();
  return t === '' ? null : t;
}

export function draftToInput(d: ClientDraft): ClientInput {
  return {
    external_id: opt(d.external_id),
    given_name: d.given_name.trim(),
    family_name: d.family_name.trim(),
    birth_date: opt(d.birth_date),
    gender: d.gender === '' ? null : d.gender,
    country_of_origin: opt(d.country_of_origin),
    mother_tongue: opt(d.mother_tongue),
    other_languages: d.other_languages
      .split(',')
      .map((l) => l.trim())
      .filter((l) => l !== ''),
    interpreter_needed: d.interpreter_needed,
    interpreter_language: d.interpreter_needed ? opt(d.interpreter_language) : null,
    client_type: d.client_type === '' ? null : d.client_type,
    statushouder_subtype:
      d.client_type === 'statushouder' && d.statushouder_subtype !== '' ? d.statushouder_subtype : null,
    municipality: d.municipality.trim(),
    brp_registration_date: opt(d.brp_registration_date),
    kennisgeving_date: opt(d.kennisgeving_date),
    obligation_date: opt(d.obligation_date),
    housing_date: opt(d.housing_date),
    bsn: opt(d.bsn.replace(/\s+/g, '')),
    phone: opt(d.phone),
    email: opt(d.email),
    address: opt(d.address),
    consultant: opt(d.consultant),
    status: d.status,
  };
}

export const REQUIRED_FIELDS = [
  'given_name',
  'family_name',
  'birth_date',
  'gender',
  'client_type',
  'municipality',
] as const satisfies readonly (keyof ClientInput)[];

/** Cheap checks before submit; the backend remains the authority. */
export function validateInput(input: ClientInput): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of REQUIRED_FIELDS) {
    const value = input[field];
    if (value == null || value === '') {
      errors.push({ field, rule: 'required', message: 'is verplicht' });
    }
  }
  return errors;
}
