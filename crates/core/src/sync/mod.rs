//! What travels between laptop and server: the hybrid logical clock, the outbox op and the
//! wire types of the sync server.

pub mod hlc;
pub mod outbox;
pub mod wire;

pub use hlc::Hlc;
pub use outbox::OutboxOp;
