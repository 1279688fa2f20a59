//! Exchange between vaults without a server (docs/envelope-format.md): this vault's sharing
//! identity and its contacts, `.alongside` files (signed, then encrypted with `age`), sharing
//! with the privacy rules applied in the core, and the Inbox that shows exactly what a received
//! file would change before anything does.

pub mod contacts;
pub mod envelope;
pub mod identity;
pub mod inbox;
pub mod payload;
pub mod readable;
pub mod sent;
pub mod share;
