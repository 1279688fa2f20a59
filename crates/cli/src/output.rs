//! What a command prints as its result: lines for people, or one JSON document with `--json`
//! (shapes in docs/cli.md). Results go to standard output; messages and progress to standard
//! error.

use serde::Serialize;

use crate::exit::{CliError, RUNTIME};

/// Prints `value` as pretty JSON on standard output.
pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| CliError::Plain(RUNTIME, format!("Could not print the result: {e}.")))?;
    println!("{text}");
    Ok(())
}
