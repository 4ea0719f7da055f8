//! The TypeScript types of `ui/src/api/bindings/` are generated from these Rust types (ts-rs).
//! The test fails when a checked-in file differs from what the Rust types generate; run
//! `make bindings` (UPDATE_BINDINGS=1) to regenerate them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ts_rs::{Config, TS};

use crate::app::{ApiError, AppState, ErrorCode, SavedDocument, SavedInzage};
use crate::domain::money::{
    CoursePrice, CourseProduct, InvoiceFinding, InvoiceProblem, Milestone, MoneyTables, SpukKind,
    SpukRate,
};
use crate::domain::reports::{AgeGroups, CellKind, Column, ReportInfo, ReportRow, ReportTable};
use crate::domain::signals::{DossierTab, Severity, Signal, SignalKind, SignalSettings};
use crate::domain::*;
use crate::export::ReportFormat;
use crate::import::{ImportReport, InvoiceCheck, RowError};
use crate::questionnaire::definition::{ChoiceOption, Constraint, Repeat};
use crate::questionnaire::{
    DefinitionError, Evaluation, Group, GroupState, InstanceState, MissingAnswer, Question,
    QuestionState, QuestionType, Questionnaire,
};
use crate::store::{
    AckInput, NextDeadline, SignalAck, SignalCounts, Werkvoorraad, WerkvoorraadQuery, WorkItem,
};
use crate::store::{
    AuditAction, AuditEntry, CaseloadQuery, CaseloadSort, Dossier, FieldChange, Intake,
    IntakeSession, IntakeSessionInput, IntakeStatus, IntakeView, LetterheadSettings, Pause,
    PauseInput, PipOverview, PortfolioView, QuestionnaireSummary, RepeatInstances, StoredAnswer,
    TermijnView, TimelineEvent, TimelineKind,
};
use crate::store::{AuditCursor, AuditPage, AuditQuery, AuditRow};
use crate::store::{
    BegeleidingView, CaseView, ClosingView, OntzorgenView, Stored, TrajectoryView, WorkView,
};

use crate::store::{ConflictChoice, ConflictSide, ConflictView, SyncReport};
use crate::store::{DueDossier, PurgeOverview, PurgedDossier};
use crate::sync::status::{
    SyncAccount, SyncLoginInput, SyncPhase, SyncProgress, SyncState, SyncStatus,
};
use crate::sync::wire::ServerRole;

use crate::session::{LockScreen, LockState, ProfileEntry};
use crate::store::DatabaseState;

fn export_all(dir: &Path) {
    let cfg = Config::new().with_out_dir(dir);
    macro_rules! export {
        ($($t:ty),* $(,)?) => { $( <$t>::export_all(&cfg).unwrap(); )* };
    }
    export!(
        Client,
        ClientInput,
        ClientSummary,
        ClientType,
        ClientStatus,
        Gender,
        StatushouderSubtype,
        ContactAttempt,
        ContactAttemptInput,
        ContactChannel,
        ContactOutcome,
        Note,
        NoteInput,
        Identity,
        Role,
        FieldError,
        ValidationErrors,
        AuditAction,
        AuditEntry,
        FieldChange,
        AuditQuery,
        AuditCursor,
        AuditRow,
        AuditPage,
        CaseloadQuery,
        CaseloadSort,
        Dossier,
        ImportReport,
        RowError,
        AppState,
        SyncStatus,
        SyncAccount,
        SyncLoginInput,
        SyncState,
        SyncProgress,
        SyncPhase,
        SyncReport,
        DueDossier,
        PurgeOverview,
        PurgedDossier,
        ServerRole,
        ConflictView,
        ConflictSide,
        ConflictChoice,
        ApiError,
        ErrorCode,
        LockScreen,
        LockState,
        ProfileEntry,
        DatabaseState,
        Questionnaire,
        Group,
        Repeat,
        Question,
        QuestionType,
        Constraint,
        ChoiceOption,
        Evaluation,
        GroupState,
        InstanceState,
        QuestionState,
        MissingAnswer,
        DefinitionError,
        QuestionnaireSummary,
        Intake,
        IntakeStatus,
        IntakeSession,
        IntakeSessionInput,
        IntakeView,
        StoredAnswer,
        RepeatInstances,
        HourCategory,
        HourSource,
        Quarters,
        HourEntryInput,
        HourEntry,
        HoursRow,
        ReversalInput,
        Leerroute,
        RoutePeriod,
        PortfolioTarget,
        PortfolioPlan,
        Contribution,
        PortfolioLine,
        Portfolio,
        AbsenceInput,
        Absence,
        AbsenceExcuse,
        AbsenceCluster,
        CefrLevel,
        SkillLevels,
        ProgressReportInput,
        ProgressReport,
        ExamPart,
        ExamResult,
        ExamInput,
        Exam,
        PortfolioView,
        PipStatus,
        VersionKind,
        MapExemption,
        PipContent,
        PipVersion,
        AdoptInput,
        ExtensionInput,
        Extension,
        ExemptionKind,
        ExemptionInput,
        Exemption,
        Termijn,
        PauseInput,
        Pause,
        TermijnView,
        TimelineKind,
        TimelineEvent,
        PipOverview,
        SavedDocument,
        SavedInzage,
        LetterheadSettings,
        TrajectoryInput,
        ProgressConversation,
        CoreValue,
        PvtMeeting,
        PvtStatement,
        MapTheme,
        MapThemeDone,
        MapResult,
        MapClosing,
        EnforcementTrigger,
        EnforcementDecision,
        Culpability,
        FineRule,
        EnforcementCase,
        Warning,
        WithheldCost,
        Ontzorgen,
        Begeleiding,
        ReferralTarget,
        Referral,
        WorkKind,
        WorkPeriod,
        WorkWeek,
        ClosingReason,
        Closing,
        Stored<Closing>,
        CaseView,
        OntzorgenView,
        BegeleidingView,
        WorkView,
        ClosingView,
        TrajectoryView,
        SignalKind,
        Severity,
        DossierTab,
        Signal,
        SignalSettings,
        WerkvoorraadQuery,
        SignalAck,
        WorkItem,
        SignalCounts,
        Werkvoorraad,
        CellKind,
        Column,
        ReportRow,
        ReportTable,
        ReportInfo,
        ReportFormat,
        AgeGroups,
        SpukKind,
        SpukRate,
        CourseProduct,
        CoursePrice,
        Milestone,
        MoneyTables,
        InvoiceProblem,
        InvoiceFinding,
        InvoiceCheck,
        NextDeadline,
        AckInput,
    );
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        std::fs::read_to_string(e.path()).unwrap(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let checked_in: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/api/bindings");
    let fresh = tempfile::tempdir().unwrap();
    export_all(fresh.path());
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = std::fs::remove_dir_all(&checked_in);
        export_all(&checked_in);
        return;
    }
    let (expected, actual) = (read_dir(fresh.path()), read_dir(&checked_in));
    for (name, text) in &expected {
        assert_eq!(
            actual.get(name),
            Some(text),
            "ui/src/api/bindings/{name} is stale: run `make bindings`"
        );
    }
    let extra: Vec<&String> = actual
        .keys()
        .filter(|k| !expected.contains_key(*k))
        .collect();
    assert!(
        extra.is_empty(),
        "ui/src/api/bindings has files no Rust type makes: {extra:?}"
    );
}
