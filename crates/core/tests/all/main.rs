//! The core's integration tests, as one test binary (one link instead of ten): each module is
//! one area, run against a real SQLCipher vault in a temporary folder.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

mod attachments;
mod backup;
mod exchange;
mod exit;
mod hostile;
mod invitations;
mod lead;
mod logs;
mod migrations;
mod payments;
mod records;
mod reminders;
mod security;
mod transfer;
mod vault;
