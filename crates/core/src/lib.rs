//! traject-core: everything in Traject that is neither transport nor pixels.
//!
//! - [`app`]: the app state and the error shape that cross the desktop app's IPC.
//! - [`domain`]: pure types and rules of the Wet inburgering 2021 (no I/O; `today` is a parameter).
//! - [`store`]: the laptop's SQLite store. Every write is one transaction that changes the row,
//!   appends one outbox op per changed field and appends to the audit log.
//! - [`sync`]: the hybrid logical clock and the outbox op that later travel to the server.
//! - [`questionnaire`]: questionnaire definitions (the Brede intake), their expression language
//!   and the engine for skip logic, constraints, computed values and completeness.
//! - [`import`]: validated, idempotent CSV imports.
//! - [`export`]: client lists as CSV or JSON.
//! - [`generate`]: synthetic caseloads for demos, tests and benchmarks.
//! - [`document`]: formal letters as PDF (the PIP beschikking), typeset with an embedded font.
//! - [`profiles`]: a database per user of the laptop, and the move of an earlier version's.
//! - [`session`]: the desktop app's session: which profile, locked or open, idle locking.

pub mod app;
pub mod document;
pub mod domain;
pub mod export;
pub mod generate;
pub mod import;
pub mod profiles;
pub mod questionnaire;
pub mod session;
pub mod store;
pub mod sync;

#[cfg(test)]
mod bindings;

pub use store::{Store, StoreError};
