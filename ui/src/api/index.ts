// Typed wrappers around the Tauri commands. Components import from here only.
import { getVersion } from '@tauri-apps/api/app';
import { call } from './invoke';
import type {
  About,
  AgeGroups,
  Absence,
  AbsenceExcuse,
  AbsenceInput,
  AdoptInput,
  AnswerValue,
  AppState,
  AuditPage,
  AuditQuery,
  CaseloadQuery,
  Client,
  ClientInput,
  ConflictChoice,
  ConflictView,
  ClientSummary,
  ContactAttempt,
  ContactAttemptInput,
  CoursePrice,
  Dossier,
  Exam,
  Exemption,
  ExemptionInput,
  ExamInput,
  Extension,
  ExtensionInput,
  HourEntry,
  HourEntryInput,
  HoursRow,
  Identity,
  Intake,
  IntakeSessionInput,
  IntakeView,
  InvoiceCheck,
  Leerroute,
  MoneyTables,
  Note,
  NoteInput,
  Pause,
  PauseInput,
  PipContent,
  PipOverview,
  PurgeOverview,
  PipVersion,
  PortfolioView,
  ProgressReport,
  ProgressReportInput,
  ReportFormat,
  ReportInfo,
  ReportTable,
  ReversalInput,
  SavedDocument,
  SavedInzage,
  LetterheadSettings,
  LockState,
  FineRule,
  TrajectoryInput,
  TrajectoryView,
  AckInput,
  NextDeadline,
  SignalSettings,
  SpukRate,
  SyncLoginInput,
  SyncStatus,
  Werkvoorraad,
  WerkvoorraadQuery,
  UpdateInfo,
} from './types';

export * from './types';
export { toApiError, isApiError } from './invoke';

export const api = {
  appState: () => call<AppState>('app_state'),
  saveIdentity: (identity: Identity) => call<Identity>('save_identity', { identity }),
  loadDemo: () => call<number>('load_demo'),
  caseload: (query: CaseloadQuery) => call<ClientSummary[]>('caseload', { query }),
  /**
   * The ids of the clients whose name or BSN matches `text` (a whole BSN exactly; words of three
   * letters or more by trigram, shorter words as part of a name). The caseload filters its rows by them.
   */
  searchClients: (text: string) => call<string[]>('search_clients', { text }),
  openDossier: (id: string) => call<Dossier>('open_dossier', { id }),
  openClient: (id: string) => call<Client>('open_client', { id }),
  createClient: (input: ClientInput) => call<Client>('create_client', { input }),
  updateClient: (id: string, input: ClientInput) => call<Client>('update_client', { id, input }),
  addContactAttempt: (clientId: string, input: ContactAttemptInput) =>
    call<ContactAttempt>('add_contact_attempt', { clientId, input }),
  addNote: (clientId: string, input: NoteInput) => call<Note>('add_note', { clientId, input }),
  /** Starts the client's Brede intake, or continues the one in progress. */
  startIntake: (clientId: string) => call<IntakeView>('start_intake', { clientId }),
  /** The client's intakes, newest first. */
  clientIntakes: (clientId: string) => call<Intake[]>('client_intakes', { clientId }),
  openIntake: (intakeId: string) => call<IntakeView>('open_intake', { intakeId }),
  /** Autosaves one answer; `instance` is 0 outside repeat groups; `null` clears it. */
  saveAnswer: (intakeId: string, questionId: string, instance: number, value: AnswerValue) =>
    call<IntakeView>('save_answer', { intakeId, questionId, instance, value }),
  addRepeatInstance: (intakeId: string, groupId: string) =>
    call<IntakeView>('add_repeat_instance', { intakeId, groupId }),
  removeRepeatInstance: (intakeId: string, groupId: string, instance: number) =>
    call<IntakeView>('remove_repeat_instance', { intakeId, groupId, instance }),
  addIntakeSession: (intakeId: string, input: IntakeSessionInput) =>
    call<IntakeView>('add_intake_session', { intakeId, input }),
  /** Rejects with a validation ApiError listing each missing or broken answer when incomplete. */
  completeIntake: (intakeId: string) => call<IntakeView>('complete_intake', { intakeId }),
  reopenIntake: (intakeId: string, reason: string) => call<IntakeView>('reopen_intake', { intakeId, reason }),
  /**
   * The client's hours ledger, portfolio, absences, reports and exams. `route` looks at the
   * hours against that leerroute until a PIP decides it; `null` uses the decided one (if any).
   */
  clientPortfolio: (clientId: string, route: Leerroute | null) =>
    call<PortfolioView>('client_portfolio', { clientId, route }),
  addHours: (clientId: string, input: HourEntryInput) => call<HourEntry>('add_hours', { clientId, input }),
  /** Saves all rows or none; a validation error names its row: field '3.quarters' is the 4th row's hours. */
  addHoursBatch: (rows: HoursRow[]) => call<HourEntry[]>('add_hours_batch', { rows }),
  /** Appends the entry's reversal; 'conflict' when already reversed or itself a reversal. */
  reverseHours: (entryId: string, input: ReversalInput) => call<HourEntry>('reverse_hours', { entryId, input }),
  addAbsence: (clientId: string, input: AbsenceInput) => call<Absence>('add_absence', { clientId, input }),
  excuseAbsence: (absenceId: string, excuse: AbsenceExcuse) =>
    call<Absence>('excuse_absence', { absenceId, excuse }),
  /** The report's course and MAP hours become ledger entries; 'conflict' for a second report of a provider and period. */
  addProgressReport: (clientId: string, input: ProgressReportInput) =>
    call<ProgressReport>('add_progress_report', { clientId, input }),
  addExam: (clientId: string, input: ExamInput) => call<Exam>('add_exam', { clientId, input }),
  /** The client's PIP versions (oldest first), termijn, timeline, course hours and providers. */
  pipOverview: (clientId: string) => call<PipOverview>('pip_overview', { clientId }),
  /**
   * A new concept, prefilled from the latest adopted version or the completed Brede intake;
   * 'conflict' when a concept already exists.
   */
  draftPip: (clientId: string) => call<PipVersion>('draft_pip', { clientId }),
  /** Saves a concept's content; 'conflict' once the version is vastgesteld. */
  savePip: (pipId: string, content: PipContent) => call<PipVersion>('save_pip', { pipId, content }),
  /** Adopts a concept; each broken rule of the law comes back as a validation field error. */
  adoptPip: (pipId: string, input: AdoptInput) => call<PipVersion>('adopt_pip', { pipId, input }),
  addExtension: (clientId: string, input: ExtensionInput) =>
    call<Extension>('add_extension', { clientId, input }),
  addExemption: (clientId: string, input: ExemptionInput) =>
    call<Exemption>('add_exemption', { clientId, input }),
  /** Pauses the first PIP's 10-week deadline while waiting for third parties. */
  addPause: (clientId: string, input: PauseInput) => call<Pause>('add_pause', { clientId, input }),
  /** Makes the PDF beschikking of an adopted version and saves it; returns where. */
  generatePipDocument: (pipId: string) => call<SavedDocument>('generate_pip_document', { pipId }),
  /** Opens a saved beschikking in the system's PDF viewer. */
  openDocument: (path: string) => call<null>('open_document', { path }),
  /** The letterhead of a municipality's beschikkingen. */
  letterhead: (municipality: string) => call<LetterheadSettings>('letterhead', { municipality }),
  saveLetterhead: (municipality: string, letterhead: LetterheadSettings) =>
    call<LetterheadSettings>('save_letterhead', { municipality, letterhead }),
  /** The client's trajectory after the PIP: every record of the voortgang, handhaving, ondersteuning, werk and afsluiting tabs. */
  trajectory: (clientId: string) => call<TrajectoryView>('trajectory', { clientId }),
  /** Adds a trajectory record; answers with the refreshed view. Closing also sets the client's status. */
  addTrajectoryRecord: (clientId: string, input: TrajectoryInput) =>
    call<TrajectoryView>('add_trajectory_record', { clientId, input }),
  /**
   * Changes a record field by field; 'conflict' for the kinds that are fixed once saved
   * (pvt_meeting, map_theme, warning).
   */
  updateTrajectoryRecord: (clientId: string, recordId: string, input: TrajectoryInput) =>
    call<TrajectoryView>('update_trajectory_record', { clientId, recordId, input }),
  /** Books the finished, unbooked weeks of a work period into the hours ledger. */
  bookWorkHours: (clientId: string, workId: string) => call<TrajectoryView>('book_work_hours', { clientId, workId }),
  /** The local regulation's fines (boeteverordening), by code. */
  fineRules: () => call<FineRule[]>('fine_rules'),
  /** Adds an article or changes the one with the same code; answers with all articles. */
  saveFineRule: (rule: FineRule) => call<FineRule[]>('save_fine_rule', { rule }),
  /** How many years a dossier is kept after the obligation ends. */
  retentionYears: () => call<number>('retention_years'),
  setRetentionYears: (years: number) => call<number>('set_retention_years', { years }),
  /** The dossiers past their retention period, and why this user may not purge (a consultant). */
  purgeOverview: () => call<PurgeOverview>('purge_overview'),
  /**
   * Removes the dossiers for good (teamleider; all or nothing: 'conflict' naming a dossier
   * not yet due); the server and the team's other laptops follow at the next sync. Answers
   * with the list left.
   */
  purgeDossiers: (ids: string[]) => call<PurgeOverview>('purge_dossiers', { ids }),
  /** Every signal of the query's caseload, most urgent first, with counts per severity. */
  werkvoorraad: (query: WerkvoorraadQuery) => call<Werkvoorraad>('werkvoorraad', { query }),
  /**
   * Puts a signal aside: `until` null acknowledges it (it comes back when its facts change), a
   * date snoozes it until and including that day. `reason` is required.
   */
  acknowledgeSignal: (clientId: string, input: AckInput) => call<null>('acknowledge_signal', { clientId, input }),
  /** One client's signals, put-aside ones included (with `ack`). */
  /** Per client with one: its most urgent dated signal (the caseload's "Volgende termijn"). */
  nextDeadlines: () => call<NextDeadline[]>('next_deadlines'),
  /** The thresholds of the signals. */
  signalSettings: () => call<SignalSettings>('signal_settings'),
  /** The domain page's default thresholds. */
  defaultSignalSettings: () => call<SignalSettings>('default_signal_settings'),
  saveSignalSettings: (settings: SignalSettings) => call<SignalSettings>('save_signal_settings', { settings }),
  /** The reports the Rapportages screen offers: name and title. */
  reportsList: () => call<ReportInfo[]>('reports_list'),
  /**
   * The tables of the named reports on `reference` ('YYYY-MM-DD'), in the order asked;
   * `municipality` null counts all municipalities.
   */
  reports: (names: string[], reference: string, municipality: string | null) =>
    call<ReportTable[]>('reports', { names, reference, municipality }),
  /** Saves one report as CSV or Excel under documents/rapportages/; returns where. */
  exportReport: (name: string, reference: string, municipality: string | null, format: ReportFormat) =>
    call<SavedDocument>('export_report', { name, reference, municipality, format }),
  /** Whether exports show counts 1–4 as "<5". */
  maskSmallCounts: () => call<boolean>('mask_small_counts'),
  setMaskSmallCounts: (mask: boolean) => call<boolean>('set_mask_small_counts', { mask }),
  /** The cohort report's age groups (lower bounds). */
  reportAgeGroups: () => call<AgeGroups>('report_age_groups'),
  /** Sets them from "18, 30, 45, 65"; refused (field `bounds`) when they do not rise. */
  setReportAgeGroups: (bounds: string) => call<AgeGroups>('set_report_age_groups', { bounds }),
  /** The SPUK amounts per cohort year, the trajectprijzen and the facturatiemomenten. */
  moneyTables: () => call<MoneyTables>('money_tables'),
  /** Adds or changes the amount of a cohort year and kind; answers with the fresh tables. */
  saveSpukRate: (rate: SpukRate) => call<MoneyTables>('save_spuk_rate', { rate }),
  /** Adds a price (replacing one of the same provider, product and year); answers with the fresh tables. */
  saveCoursePrice: (price: CoursePrice) => call<MoneyTables>('save_course_price', { price }),
  /**
   * Checks a language school's invoice (the CSV file's text) against the dossiers and the price
   * table; a file that cannot be read at all (columns missing, empty) is a validation error.
   */
  checkInvoice: (csv: string) => call<InvoiceCheck>('check_invoice', { csv }),
  /** Whether and where this laptop syncs, how far a running sync is, what the last one did. */
  syncStatus: () => call<SyncStatus>('sync_status'),
  /** Logs this laptop in on the organisation's sync server; the message of a refusal is Dutch. */
  syncLogIn: (input: SyncLoginInput) => call<SyncStatus>('sync_log_in', { input }),
  /** Forgets the account; unsent changes stay in the outbox until the next log-in. */
  syncLogOut: () => call<SyncStatus>('sync_log_out'),
  /** Syncs now; resolves when the sync is over, rejects when it failed. */
  syncNow: () => call<SyncStatus>('sync_now'),
  /** The team's open conflicts, oldest first. */
  conflicts: () => call<ConflictView[]>('conflicts'),
  /**
   * Chooses the value that stands; answers with the conflicts still open. The id travels as a
   * JSON number (the generated type says bigint, which JSON cannot carry).
   */
  resolveConflict: (id: ConflictView['id'] | number, choice: ConflictChoice) =>
    call<ConflictView[]>('resolve_conflict', { id: Number(id), choice }),
  /**
   * A page of the audit log, newest first; pass the page's `next` as `after` for the next one.
   * A period that ends before it begins is a validation error (field `until`).
   */
  auditLog: (query: AuditQuery) => call<AuditPage>('audit_log', { query }),
  /** Everyone who signed an audit entry, alphabetically. */
  auditActors: () => call<string[]>('audit_actors'),
  /** The client's full BSN (null when none is recorded); the reveal is written to the audit log. */
  revealBsn: (clientId: string) => call<string | null>('reveal_bsn', { clientId }),
  /** Exports the whole dossier for the client (JSON and a readable document) under documents/inzage/; audited. */
  exportDossier: (clientId: string) => call<SavedInzage>('export_dossier', { clientId }),
  /** Which screen to show (create, migrate, unlock or open), for which profile. */
  lockState: () => call<LockState>('lock_state'),
  /** Chooses another profile on the lock screen. */
  chooseProfile: (name: string) => call<LockState>('choose_profile', { name }),
  /** Starts a new profile (its name made safe as a folder name); the lock screen then asks for its passphrase. */
  newProfile: (name: string) => call<LockState>('new_profile', { name }),
  /** Why a new passphrase is too weak, or null when it is strong enough (live feedback). */
  passphraseWeakness: (passphrase: string) => call<string | null>('passphrase_weakness', { passphrase }),
  /** Creates the profile's encrypted database and opens it; validation errors on `passphrase` and `repeat`. */
  createDatabase: (passphrase: string, repeat: string) =>
    call<LockState>('create_database', { passphrase, repeat }),
  /** Encrypts the database of an earlier version (keeping everything) and opens it. */
  encryptDatabase: (passphrase: string, repeat: string) =>
    call<LockState>('encrypt_database', { passphrase, repeat }),
  /** Opens the database; 'wrong_passphrase' (answered later after several wrong ones in a row). */
  unlock: (passphrase: string) => call<LockState>('unlock', { passphrase }),
  /** Locks now: the database is closed and its key forgotten. */
  lock: () => call<LockState>('lock'),
  /** Re-encrypts the database; validation errors on `current`, `passphrase` (the new one) and `repeat`. */
  changePassphrase: (current: string, newPassphrase: string, repeat: string) =>
    call<null>('change_passphrase', { current, new: newPassphrase, repeat }),
  /** The user is active: the idle time before the auto-lock starts again. */
  activity: () => call<null>('activity'),
  /** After how many idle minutes Traject locks itself. */
  autoLockMinutes: () => call<number>('auto_lock_minutes'),
  /** Sets it: 5, 10, 15, 30 or 60. */
  setAutoLockMinutes: (minutes: number) => call<number>('set_auto_lock_minutes', { minutes }),
  /** Version, schema, database, servers and the licences of the bundled components. */
  about: () => call<About>('about'),
  /** Asks the update server for a newer version; null when Traject is up to date. Errors are 'conflict'. */
  checkUpdate: () => call<UpdateInfo | null>('check_update'),
  /** Downloads the update found by the last check and verifies its signature. */
  downloadUpdate: () => call<UpdateInfo>('download_update'),
  /** Installs the downloaded, verified update and restarts Traject. */
  installUpdate: () => call<null>('install_update'),
  /** App version from Tauri; falls back to the UI package version outside Tauri. */
  appVersion: async (): Promise<string> => {
    try {
      return (await getVersion()) || __APP_VERSION__;
    } catch {
      return __APP_VERSION__;
    }
  },
};
