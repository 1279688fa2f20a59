//! The `alongside` command line from outside, as one test binary: the black-box tests of its
//! contract (docs/cli.md) and the crash tests that kill it mid-write, on real vaults in
//! temporary folders. Built as a test of `crates/cli`, so the binary under test is its own.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

mod attachments;
mod black_box;
mod conventions;
mod crash;
mod exchange;
mod support;
mod windows;
