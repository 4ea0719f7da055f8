//! Pure types and rules of the Wet inburgering 2021 (domain page §2). No I/O here:
//! every rule that depends on the date takes `today` as a parameter.

pub mod bsn;
pub mod client;
pub mod glossary;
pub mod identity;
pub mod ledger;
pub mod validation;

pub use bsn::Bsn;
pub use client::{
    Client, ClientInput, ClientStatus, ClientSummary, ClientType, Gender, StatushouderSubtype,
};
pub use identity::{Identity, Role};
pub use ledger::{
    ContactAttempt, ContactAttemptInput, ContactChannel, ContactOutcome, Note, NoteInput,
};
pub use validation::{FieldError, ValidationErrors};
