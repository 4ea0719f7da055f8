//! What later travels between laptop and server: the hybrid logical clock and the outbox op.

pub mod hlc;
pub mod outbox;

pub use hlc::Hlc;
pub use outbox::OutboxOp;
