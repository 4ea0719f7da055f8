//! Pure types and rules of the Wet inburgering 2021 (domain page §2). No I/O here:
//! every rule that depends on the date takes `today` as a parameter.

pub mod absence;
pub mod auto_lock;
pub mod bsn;
pub mod client;
pub mod exam;
pub mod glossary;
pub mod hours;
pub mod identity;
pub mod ledger;
pub mod level;
pub mod money;
pub mod passphrase;
pub mod pip;
pub mod portfolio;
pub mod progress_report;
pub mod reports;
pub mod route;
pub mod signals;
pub mod termijn;
pub mod trajectory;
pub mod validation;

pub use absence::{Absence, AbsenceCluster, AbsenceExcuse, AbsenceInput};
pub use bsn::Bsn;
pub use client::{
    Client, ClientInput, ClientStatus, ClientSummary, ClientType, Gender, StatushouderSubtype,
};
pub use exam::{Exam, ExamInput, ExamPart, ExamResult};
pub use hours::{
    HourCategory, HourEntry, HourEntryInput, HourSource, HoursRow, Quarters, ReversalInput,
};
pub use identity::{Identity, Role};
pub use ledger::{
    ContactAttempt, ContactAttemptInput, ContactChannel, ContactOutcome, Note, NoteInput,
};
pub use level::CefrLevel;
pub use pip::{AdoptInput, MapExemption, PipContent, PipStatus, PipVersion, VersionKind};
pub use portfolio::{Contribution, Portfolio, PortfolioLine, PortfolioPlan, PortfolioTarget};
pub use progress_report::{ProgressReport, ProgressReportInput, SkillLevels};
pub use route::{Leerroute, RoutePeriod};
pub use termijn::{Exemption, ExemptionInput, ExemptionKind, Extension, ExtensionInput, Termijn};
pub use trajectory::{
    Begeleiding, Closing, ClosingReason, CoreValue, Culpability, EnforcementCase,
    EnforcementDecision, EnforcementTrigger, FineRule, MapClosing, MapResult, MapTheme,
    MapThemeDone, Ontzorgen, ProgressConversation, PvtMeeting, PvtStatement, Referral,
    ReferralTarget, TrajectoryInput, Warning, WithheldCost, WorkKind, WorkPeriod, WorkWeek,
};
pub use validation::{FieldError, ValidationErrors};
