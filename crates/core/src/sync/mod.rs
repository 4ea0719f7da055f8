//! What travels between laptop and server: the hybrid logical clock, the outbox op, the
//! server's merge of a field and the wire types of the sync server.

pub mod client;
pub mod hlc;
pub mod merge;
pub mod outbox;
pub mod push;
pub mod rows;
pub mod status;
pub mod wire;

pub use hlc::Hlc;
pub use outbox::OutboxOp;
