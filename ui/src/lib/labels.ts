// Dutch labels for enum codes and field keys.
import type {
  AuditAction,
  ClientStatus,
  ClosingReason,
  CoreValue,
  Culpability,
  EnforcementDecision,
  EnforcementTrigger,
  MapResult,
  MapTheme,
  ReferralTarget,
  WorkKind,
  ClientType,
  ContactChannel,
  CefrLevel,
  ContactOutcome,
  CourseProduct,
  ExamPart,
  ExamResult,
  ExemptionKind,
  Gender,
  HourCategory,
  HourSource,
  IntakeStatus,
  Leerroute,
  MapExemption,
  PipStatus,
  PortfolioTarget,
  Role,
  StatushouderSubtype,
  VersionKind,
  DossierTab,
  Severity,
  SignalCounts,
  SignalKind,
  SpukKind,
  ServerRole,
  SyncPhase,
} from '../api';

export type Option<T extends string> = { value: T; label: string };

function options<T extends string>(labels: Record<T, string>): Option<T>[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

export const GENDER_LABELS: Record<Gender, string> = { M: 'Man', V: 'Vrouw', X: 'X' };

export const CLIENT_TYPE_LABELS: Record<ClientType, string> = {
  statushouder: 'Statushouder',
  gezinsmigrant: 'Gezinsmigrant',
  overige_migrant: 'Overige migrant',
};

export const SUBTYPE_LABELS: Record<StatushouderSubtype, string> = {
  nareiziger: 'Nareiziger',
  hervestiger: 'Hervestiger',
};

export const STATUS_LABELS: Record<ClientStatus, string> = {
  aangemeld: 'Aangemeld',
  intake: 'Intake',
  pip: 'PIP',
  in_traject: 'In traject',
  afgerond: 'Afgerond',
  ontheffing: 'Ontheffing',
  verhuisd: 'Verhuisd',
  beeindigd: 'Beëindigd',
};

export const CHANNEL_LABELS: Record<ContactChannel, string> = {
  telefoon: 'Telefoon',
  email: 'E-mail',
  brief: 'Brief',
  huisbezoek: 'Huisbezoek',
  berichtenapp: 'Berichtenapp',
  balie: 'Balie',
};

export const OUTCOME_LABELS: Record<ContactOutcome, string> = {
  bereikt: 'Bereikt',
  niet_bereikt: 'Niet bereikt',
  voicemail_ingesproken: 'Voicemail ingesproken',
  afspraak_gemaakt: 'Afspraak gemaakt',
  niet_verschenen: 'Niet verschenen',
};

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Aangemaakt',
  update: 'Gewijzigd',
  read: 'Ingezien',
  append: 'Toegevoegd',
  reveal: 'BSN bekeken',
  export: 'Dossier geëxporteerd (inzage)',
  purge: 'Dossier verwijderd (bewaartermijn)',
};

export const AUDIT_ACTION_OPTIONS = options(AUDIT_ACTION_LABELS);

export const ROLE_LABELS: Record<Role, string> = {
  consultant: 'Inburgeringsconsulent',
  teamleider: 'Teamleider',
};

export const INTAKE_STATUS_LABELS: Record<IntakeStatus, string> = {
  in_progress: 'Bezig',
  completed: 'Afgerond',
};

/** How interpretation was arranged in an intake conversation; 'geen' is stored as null. */
export const INTERPRETER_LABELS: Record<string, string> = {
  geen: 'Geen tolk',
  tolkentelefoon: 'Tolkentelefoon',
  tolk_aanwezig: 'Tolk aanwezig',
  engels: 'In het Engels',
  anders: 'Anders',
};

export const HOUR_CATEGORY_LABELS: Record<HourCategory, string> = {
  taal: 'Taal (incl. KNM)',
  participatie: 'Participatie',
  map_theorie: 'MAP-theorie',
  map_praktijk: 'MAP-praktijk',
  werk: 'Betaald werk',
  eigen_plek: 'Eigen plek',
  pvt: 'PVT',
};

export const HOUR_SOURCE_LABELS: Record<HourSource, string> = {
  provider_report: 'Voortgangsrapportage',
  consultant: 'Consulent',
  client_evidence: 'Bewijs van de klant',
};

export const PORTFOLIO_TARGET_LABELS: Record<PortfolioTarget, string> = {
  taal: 'Lesuren taal en KNM',
  participatie: 'Participatie',
  map_theorie: 'MAP-theorie',
  map_praktijk: 'MAP-praktijk',
  pvt: 'PVT (participatieverklaring)',
};

export const LEERROUTE_LABELS: Record<Leerroute, string> = {
  b1: 'B1-route',
  onderwijsroute: 'Onderwijsroute',
  z_route: 'Z-route',
};

export const EXAM_PART_LABELS: Record<ExamPart, string> = {
  lezen: 'Lezen',
  luisteren: 'Luisteren',
  spreken: 'Spreken',
  schrijven: 'Schrijven',
  knm: 'KNM',
  eindgesprek: 'Eindgesprek (Z-route)',
};

export const EXAM_RESULT_LABELS: Record<ExamResult, string> = {
  behaald: 'Behaald',
  niet_behaald: 'Niet behaald',
};

export const CEFR_LEVELS: readonly CefrLevel[] = ['A0', 'A1', 'A2', 'B1', 'B2'];

/** The skills of a progress report, in the order a report lists them. */
export const SKILL_LABELS: Record<'lezen' | 'luisteren' | 'spreken' | 'schrijven' | 'knm', string> = {
  lezen: 'Lezen',
  luisteren: 'Luisteren',
  spreken: 'Spreken',
  schrijven: 'Schrijven',
  knm: 'KNM',
};

export const VERSION_KIND_LABELS: Record<VersionKind, string> = {
  eerste: 'Eerste PIP',
  routewijziging: 'Andere leerroute',
  afschalen: 'Afschalen naar A2',
  verhuizing: 'Verhuizing',
  bijstelling: 'Bijstelling',
  migratie: 'Overgenomen uit vorig systeem',
};

export const PIP_STATUS_LABELS: Record<PipStatus, string> = {
  concept: 'Concept',
  vastgesteld: 'Vastgesteld',
};

export const MAP_EXEMPTION_LABELS: Record<MapExemption, string> = {
  geen: 'Volledige deelname',
  gedeeltelijk: 'Gedeeltelijke ontheffing',
  volledig: 'Volledige ontheffing',
};

export const EXEMPTION_KIND_LABELS: Record<ExemptionKind, string> = {
  volledig: 'Volledige ontheffing',
  gedeeltelijk: 'Gedeeltelijke ontheffing',
};

// The trajectory after the PIP.

export const CORE_VALUE_LABELS: Record<CoreValue, string> = {
  vrijheid: 'Vrijheid',
  gelijkwaardigheid: 'Gelijkwaardigheid',
  solidariteit: 'Solidariteit',
  participatie: 'Participatie',
};

/** The eight MAP theory themes, in the order of the module. */
export const MAP_THEME_LABELS: Record<MapTheme, string> = {
  beroepsorientatie: 'Beroepsoriëntatie',
  werkcompetenties: 'Werkcompetenties',
  realistisch_beroepsbeeld: 'Realistisch beroepsbeeld',
  beroepsmogelijkheden: 'Beroepsmogelijkheden',
  verwerven_beroepscompetenties: 'Verwerven beroepscompetenties',
  netwerk_opbouwen: 'Netwerk opbouwen',
  werk_vinden: 'Werk vinden',
  werkcultuur: 'Werkcultuur',
};

export const MAP_RESULT_LABELS: Record<MapResult, string> = {
  voltooid: 'Voltooid',
  niet_voltooid: 'Niet voltooid',
};

export const ENFORCEMENT_TRIGGER_LABELS: Record<EnforcementTrigger, string> = {
  verzuim: 'Verzuim bij de taalles',
  afspraak_niet_nagekomen: 'Afspraak niet nagekomen',
  intake_niet_meegewerkt: 'Niet meegewerkt aan de intake',
  pip_afspraken_niet_nagekomen: 'PIP-afspraken niet nagekomen',
  anders: 'Anders',
};

export const ENFORCEMENT_DECISION_LABELS: Record<EnforcementDecision, string> = {
  geen_maatregel: 'Geen maatregel',
  waarschuwing: 'Waarschuwing',
  boete: 'Bestuurlijke boete',
};

export const CULPABILITY_LABELS: Record<Culpability, string> = {
  opzet: 'Opzet',
  grove_nalatigheid: 'Grove nalatigheid',
  normale_verwijtbaarheid: 'Normale verwijtbaarheid',
  verminderde_verwijtbaarheid: 'Verminderde verwijtbaarheid',
};

export const REFERRAL_TARGET_LABELS: Record<ReferralTarget, string> = {
  participatiewet_consulent: 'Participatiewet-consulent',
  werkbedrijf: 'Werkbedrijf (plaatsing)',
  huisarts: 'Huisarts',
  schuldhulpverlening: 'Schuldhulpverlening',
  wmo: 'Wmo',
  ggz: 'GGZ',
  anders: 'Anders',
};

export const WORK_KIND_LABELS: Record<WorkKind, string> = {
  betaald_werk: 'Betaald werk',
  werkervaringsplek: 'Werkervaringsplek',
};

export const CLOSING_REASON_LABELS: Record<ClosingReason, string> = {
  diploma: 'Diploma behaald',
  z_route_eindgesprek: 'Eindgesprek Z-route afgerond',
  ontheffing: 'Ontheffing',
  verhuisd: 'Verhuisd',
  beeindigd: 'Beëindigd',
};

/** The Werkvoorraad's name of each signal. */
export const SIGNAL_KIND_LABELS: Record<SignalKind, string> = {
  intake_due: 'Brede intake',
  pip_due: 'PIP vaststellen',
  termijn_ending: 'Termijn loopt af',
  termijn_passed: 'Termijn verlopen',
  progress_conversations: 'Voortgangsgesprekken eerste jaar',
  no_conversation: 'Geen voortgangsgesprek',
  revision_window: 'Routewijziging: venster sluit',
  change_not_allowed: 'Wijziging niet toegestaan',
  z_route_behind: 'Z-route loopt achter',
  map_practice_missing: 'MAP-praktijk ontbreekt',
  pvt_not_signed: 'Participatieverklaring niet ondertekend',
  absence: 'Verzuim',
  provider_report_overdue: 'Rapportage taalschool te laat',
  refer_to_work: 'Verwijzen naar werk',
  turning18: 'Wordt 18',
  onderwijsroute_age: 'Onderwijsroute: 30 jaar',
  ontzorgen_ending: 'Ontzorgen eindigt',
  begeleiding_ending: 'Begeleiding eindigt',
  waiting_too_long: 'Te lang op de wachtlijst',
  no_contact: 'Geen contact',
  data_quality: 'Gegevens ontbreken',
};

/** The four SPUK amounts of a cohort year. */
export const SPUK_KIND_LABELS: Record<SpukKind, string> = {
  statushouder_jaar1: 'Statushouder jaar 1',
  statushouder_jaar2: 'Statushouder jaar 2',
  statushouder_jaar3: 'Statushouder jaar 3',
  gezins_overige_migrant: 'Gezins- en overige migrant',
};

/** What a trajectprijs is for. */
export const COURSE_PRODUCT_LABELS: Record<CourseProduct, string> = {
  b1_route: 'B1-route',
  z_route: 'Z-route',
  map_b1: 'MAP (B1-route)',
  map_gezinsmigranten: 'MAP gezinsmigranten',
  onderwijsroute_mbo: 'Onderwijsroute (mbo)',
};

/** A signal's name in a narrow column (the caseload's "Volgende termijn"). */
export const SIGNAL_KIND_SHORT_LABELS: Record<SignalKind, string> = {
  intake_due: 'Intake',
  pip_due: 'PIP',
  termijn_ending: 'Termijn',
  termijn_passed: 'Termijn verlopen',
  progress_conversations: 'Voortgangsgesprekken',
  no_conversation: 'Voortgangsgesprek',
  revision_window: 'Routewijziging',
  change_not_allowed: 'Wijziging',
  z_route_behind: 'Z-route',
  map_practice_missing: 'MAP-praktijk',
  pvt_not_signed: 'PVT',
  absence: 'Verzuim',
  provider_report_overdue: 'Rapportage',
  refer_to_work: 'Werk',
  turning18: 'Wordt 18',
  onderwijsroute_age: '30 jaar',
  ontzorgen_ending: 'Ontzorgen',
  begeleiding_ending: 'Begeleiding',
  waiting_too_long: 'Wachtlijst',
  no_contact: 'Contact',
  data_quality: 'Gegevens',
};

/** The most urgent first. */
export const SEVERITIES: readonly Severity[] = ['error', 'overdue', 'warning', 'info'];

/** A signal's badge. */
export const SEVERITY_LABELS: Record<Severity, string> = {
  error: 'Fout',
  overdue: 'Te laat',
  warning: 'Binnenkort',
  info: 'Ter info',
};

/** The Werkvoorraad's group headings. */
export const SEVERITY_GROUP_TITLES: Record<Severity, string> = {
  error: 'Fout in het dossier',
  overdue: 'Te laat',
  warning: 'Binnenkort',
  info: 'Ter info',
};

/** The dossier tabs a signal can point to, as the dossier names them. */
export const DOSSIER_TAB_LABELS: Record<DossierTab, string> = {
  overview: 'Overzicht',
  intake: 'Brede intake',
  pip: 'PIP en termijn',
  contacts: 'Contactpogingen',
  portfolio: 'Uren en portfolio',
  absences: 'Verzuim',
  reports: 'Rapportages',
  voortgang: 'Voortgang',
  handhaving: 'Handhaving',
  ondersteuning: 'Ondersteuning',
};

/** "3 te laat", "12 waarschuwingen", "1 fout", "2 opzij gelegd". */
export function signalCount(key: keyof SignalCounts, n: number): string {
  const count = n.toLocaleString('nl-NL');
  switch (key) {
    case 'error':
      return `${count} ${n === 1 ? 'fout' : 'fouten'}`;
    case 'overdue':
      return `${count} te laat`;
    case 'warning':
      return `${count} ${n === 1 ? 'waarschuwing' : 'waarschuwingen'}`;
    case 'info':
      return `${count} ter info`;
    case 'acknowledged':
      return `${count} opzij gelegd`;
  }
}

/** What needs doing: errors, overdue and warnings (not the info and not what was put aside). */
export function urgentCount(c: SignalCounts): number {
  return c.error + c.overdue + c.warning;
}

export const GENDER_OPTIONS = options(GENDER_LABELS);
export const CLIENT_TYPE_OPTIONS = options(CLIENT_TYPE_LABELS);
export const SUBTYPE_OPTIONS = options(SUBTYPE_LABELS);
export const STATUS_OPTIONS = options(STATUS_LABELS);
export const CHANNEL_OPTIONS = options(CHANNEL_LABELS);
export const OUTCOME_OPTIONS = options(OUTCOME_LABELS);
export const ROLE_OPTIONS = options(ROLE_LABELS);
export const INTERPRETER_OPTIONS = options(INTERPRETER_LABELS);
export const HOUR_CATEGORY_OPTIONS = options(HOUR_CATEGORY_LABELS);
export const HOUR_SOURCE_OPTIONS = options(HOUR_SOURCE_LABELS);
export const LEERROUTE_OPTIONS = options(LEERROUTE_LABELS);
export const EXAM_PART_OPTIONS = options(EXAM_PART_LABELS);
export const EXAM_RESULT_OPTIONS = options(EXAM_RESULT_LABELS);
export const MAP_EXEMPTION_OPTIONS = options(MAP_EXEMPTION_LABELS);
export const EXEMPTION_KIND_OPTIONS = options(EXEMPTION_KIND_LABELS);
export const CORE_VALUE_OPTIONS = options(CORE_VALUE_LABELS);
export const MAP_THEMES = Object.keys(MAP_THEME_LABELS) as MapTheme[];
export const MAP_RESULT_OPTIONS = options(MAP_RESULT_LABELS);
export const ENFORCEMENT_TRIGGER_OPTIONS = options(ENFORCEMENT_TRIGGER_LABELS);
export const ENFORCEMENT_DECISION_OPTIONS = options(ENFORCEMENT_DECISION_LABELS);
export const CULPABILITY_OPTIONS = options(CULPABILITY_LABELS);
export const REFERRAL_TARGET_OPTIONS = options(REFERRAL_TARGET_LABELS);
export const WORK_KIND_OPTIONS = options(WORK_KIND_LABELS);
export const CLOSING_REASON_OPTIONS = options(CLOSING_REASON_LABELS);
export const SIGNAL_KIND_OPTIONS = options(SIGNAL_KIND_LABELS);
export const SPUK_KIND_OPTIONS = options(SPUK_KIND_LABELS);
export const COURSE_PRODUCT_OPTIONS = options(COURSE_PRODUCT_LABELS);
/** The kinds a consultant picks for a new version ('migratie' only comes from an import). */
export const VERSION_KIND_OPTIONS = options(VERSION_KIND_LABELS).filter((o) => o.value !== 'migratie');

/** Dutch labels of ClientInput keys plus audit-only keys. */
export const FIELD_LABELS: Record<string, string> = {
  external_id: 'Extern kenmerk',
  given_name: 'Voornaam',
  family_name: 'Achternaam',
  birth_date: 'Geboortedatum',
  gender: 'Geslacht',
  country_of_origin: 'Land van herkomst',
  mother_tongue: 'Moedertaal',
  other_languages: 'Andere talen',
  interpreter_needed: 'Tolk nodig',
  interpreter_language: 'Taal van de tolk',
  client_type: 'Doelgroep',
  statushouder_subtype: 'Soort statushouder',
  municipality: 'Gemeente',
  brp_registration_date: 'Datum inschrijving BRP',
  kennisgeving_date: 'Datum kennisgeving DUO',
  obligation_date: 'Start inburgeringsplicht',
  housing_date: 'Datum huisvesting',
  bsn: 'BSN',
  phone: 'Telefoon',
  email: 'E-mail',
  address: 'Adres',
  consultant: 'Consulent',
  status: 'Status',
  // audit-only
  view: 'Weergave',
  note: 'Notitie',
  contact_attempt: 'Contactpoging',
  // identity
  name: 'Naam',
  role: 'Rol',
  organisation: 'Organisatie',
  municipalities: 'Gemeenten',
  // contact attempt / note inputs
  date: 'Datum',
  channel: 'Kanaal',
  outcome: 'Uitkomst',
  text: 'Tekst',
  // intake
  intake: 'Brede intake',
  intake_session: 'Intakegesprek',
  reason: 'Reden',
  interpreter: 'Tolk',
  duration_minutes: 'Duur',
  // hours, absences, progress reports, exams
  hours: 'Uren',
  reversal: 'Terugdraaiing',
  progress_report: 'Voortgangsrapportage',
  exam: 'Examen',
  quarters: 'Uren',
  category: 'Soort',
  source: 'Bron',
  provider: 'Aanbieder',
  activity: 'Les of activiteit',
  excused: 'Geoorloofd',
  period_start: 'Begin periode',
  period_end: 'Einde periode',
  attendance_pct: 'Aanwezigheid (%)',
  course_hours: 'Lesuren',
  map_theory_hours: 'MAP-theorie (uren)',
  map_practice_hours: 'MAP-praktijk (uren)',
  obstacles: 'Belemmeringen',
  stagnating: 'Stagnatie',
  part: 'Onderdeel',
  level: 'Niveau',
  result: 'Uitslag',
  // PIP versions and the termijn
  kind: 'Soort versie',
  leerroute: 'Leerroute',
  target_level: 'Beoogd niveau',
  goals: 'Doelen',
  waiting_list_date: 'Op wachtlijst sinds',
  course_start_date: 'Start cursus',
  map_exemption: 'MAP',
  map_exemption_reason: 'Reden ontheffing MAP',
  map_agreement: 'Afspraken MAP',
  pvt_agreement: 'Afspraken PVT',
  participation_hours_per_week: 'Participatie (uur per week)',
  participation_agreement: 'Afspraken participatie',
  participatiewet: 'Besluiten Participatiewet',
  preconditions: 'Randvoorwaarden (kinderopvang, reiskosten)',
  monitoring: 'Monitoring van de voortgang',
  dagtekening: 'Dagtekening',
  late_reason: 'Reden na 10 weken',
  decision_date: 'Datum besluit DUO',
  ground: 'Verlengingsgrond',
  new_end: 'Nieuwe einddatum',
  from: 'Van',
  until: 'Tot en met',
  // the trajectory after the PIP (record fields, as the audit names them)
  attendees: 'Aanwezigen',
  notes: 'Verslag',
  agreements: 'Afspraken',
  next_date: 'Volgend gesprek gepland',
  topic: 'Onderwerp',
  signed_on: 'Ondertekend op',
  theme: 'MAP-thema',
  culpable: 'Verwijtbaar',
  trigger: 'Aanleiding',
  opened_on: 'Geopend op',
  investigation: 'Onderzoek: waarom?',
  decision: 'Besluit',
  decided_on: 'Datum besluit',
  culpability: 'Verwijtbaarheid',
  fine_rule: 'Artikel boeteverordening',
  fine_cents: 'Bedrag boete',
  case_id: 'Handhavingszaak',
  letter_sent: 'Brief verstuurd',
  start: 'Start',
  end: 'Einde',
  months: 'Aantal maanden',
  extended_until: 'Verlengd tot',
  huur_from: 'Huur ingehouden vanaf',
  zorgverzekering_from: 'Zorgverzekering ingehouden vanaf',
  energie_from: 'Energie ingehouden vanaf',
  water_from: 'Water ingehouden vanaf',
  rent_collected_by_corporation: 'Woningcorporatie int de huur nog zelf',
  budget_coach: 'Budgetcoach',
  contact_person: 'Contactpersoon',
  walk_in_until: 'Spreekuur tot',
  target: 'Verwezen naar',
  target_other: 'Naar wie',
  outcome_date: 'Datum uitkomst',
  employer: 'Werkgever',
  quarters_per_week: 'Uren per week',
  retention_years: 'Bewaartermijn',
  code: 'Artikel',
  description: 'Omschrijving',
  max_cents: 'Maximum',
  // signals put aside
  signal: 'Signaal',
};

/** Field labels of the PIP, termijn and pause forms, where they differ from FIELD_LABELS. */
const PIP_FIELD_LABELS: Record<string, string> = {
  reason: 'Reden van deze versie',
  provider: 'Taalschool',
  note: 'Toelichting',
};

/** The Dutch label of a field of a PIP version, an extension, an exemption or a pause. */
export function pipFieldLabel(field: string): string {
  return PIP_FIELD_LABELS[field] ?? fieldLabel(field);
}

/** Field labels of the hours, absence, report and exam forms, where they differ from FIELD_LABELS. */
const HOURS_FIELD_LABELS: Record<string, string> = {
  note: 'Toelichting',
};

/** The Dutch label of a field of the hours, absence, report or exam inputs. */
export function hoursFieldLabel(field: string): string {
  return HOURS_FIELD_LABELS[field] ?? fieldLabel(field);
}

/** Field labels of the trajectory records, where they differ from FIELD_LABELS. */
const TRAJECTORY_FIELD_LABELS: Record<string, string> = {
  note: 'Toelichting',
  kind: 'Soort',
  quarters: 'Uren',
};

/** The Dutch label of a field of a trajectory record. */
export function trajectoryFieldLabel(field: string): string {
  return TRAJECTORY_FIELD_LABELS[field] ?? fieldLabel(field);
}

export const ENTITY_LABELS: Record<string, string> = {
  client: 'Cliënt',
  clients: 'Cliënt',
  note: 'Notitie',
  notes: 'Notitie',
  contact_attempt: 'Contactpoging',
  contact_attempts: 'Contactpoging',
  identity: 'Identiteit',
  intakes: 'Brede intake',
  intake_answers: 'Intake-antwoord',
  intake_sessions: 'Intakegesprek',
  hour_entries: 'Urenregel',
  absences: 'Verzuim',
  progress_reports: 'Voortgangsrapportage',
  exams: 'Examen',
  pip_versions: 'PIP',
  termijn_extensions: 'Verlenging termijn',
  termijn_exemptions: 'Ontheffing',
  pip_pauses: 'Pauze eerste PIP',
  pip_documents: 'Beschikking',
  progress_conversations: 'Voortgangsgesprek',
  pvt_meetings: 'PVT-bijeenkomst',
  pvt_statements: 'Participatieverklaring',
  map_themes: 'MAP-thema',
  map_closings: 'Eindgesprek MAP',
  enforcement_cases: 'Handhavingszaak',
  enforcement_warnings: 'Waarschuwing',
  fine_rules: 'Boeteverordening',
  ontzorgen: 'Financieel ontzorgen',
  begeleidingen: 'Maatschappelijke begeleiding',
  referrals: 'Verwijzing',
  work_periods: 'Werk',
  closings: 'Afsluiting',
  signal_acks: 'Signaal opzij gelegd',
};

export const VIEW_LABELS: Record<string, string> = {
  dossier: 'dossier',
  edit: 'bewerken',
  bewerken: 'bewerken',
  inzage: 'inzage (export)',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

export function labelOf<T extends string>(labels: Record<T, string>, code: T | null | undefined): string {
  if (code == null) return '—';
  return labels[code] ?? code;
}

/** Pluralised counters used in the shell and caseload. */
export function clientCount(n: number): string {
  return `${n.toLocaleString('nl-NL')} ${n === 1 ? 'cliënt' : 'cliënten'}`;
}

export function pendingCount(n: number): string {
  return `${n.toLocaleString('nl-NL')} ${n === 1 ? 'wijziging' : 'wijzigingen'} niet gesynchroniseerd`;
}

/** "1 wijziging", "3 wijzigingen". */
export function changeCount(n: number): string {
  return `${n.toLocaleString('nl-NL')} ${n === 1 ? 'wijziging' : 'wijzigingen'}`;
}

/** "1 conflict", "2 conflicten". */
export function conflictCount(n: number): string {
  return `${n.toLocaleString('nl-NL')} ${n === 1 ? 'conflict' : 'conflicten'}`;
}

/** The steps of a sync. */
export const SYNC_PHASE_LABELS: Record<SyncPhase, string> = {
  push: 'Versturen',
  pull: 'Ophalen',
  apply: 'Verwerken',
};

/** What an account may do on the sync server. */
export const SERVER_ROLE_LABELS: Record<ServerRole, string> = {
  consultant: 'Consulent',
  teamleider: 'Teamleider',
  beheerder: 'Functioneel beheerder',
};
