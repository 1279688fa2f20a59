//! The committed TypeScript bindings must match the Rust commands and types.
//! `UPDATE_BINDINGS=1` (used by `make bindings`) rewrites them instead of checking.

use std::path::PathBuf;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

#[test]
fn committed_bindings_match_the_rust_commands() {
    let committed = repo_root().join(alongside_app::BINDINGS_PATH);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        alongside_app::export_bindings(&committed).unwrap();
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("bindings.ts");
    alongside_app::export_bindings(&fresh).unwrap();
    let fresh = std::fs::read_to_string(fresh).unwrap();
    let old = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        fresh == old,
        "{} is stale: run `make bindings` and commit the result",
        committed.display()
    );
}

/// The choices and the report catalogue the mocked UI tests use are the core's, written as
/// JSON beside the mock.
#[test]
fn committed_mock_fixtures_match_the_core() {
    let fixtures = [
        (
            "ui/src/mock/choices.json",
            serde_json::to_string_pretty(&alongside_core::records::choices::Choices::all())
                .unwrap(),
        ),
        (
            "ui/src/mock/reports.json",
            serde_json::to_string_pretty(&alongside_export::catalogue()).unwrap(),
        ),
        (
            "ui/src/mock/core-answers.json",
            serde_json::to_string_pretty(&core_answers()).unwrap(),
        ),
    ];
    for (path, fresh) in fixtures {
        let committed = repo_root().join(path);
        let fresh = fresh + "\n";
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&committed, &fresh).unwrap();
            continue;
        }
        let old = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(
            fresh == old,
            "{} is stale: run `make bindings` and commit the result",
            committed.display()
        );
    }
}

/// The core's answers to the calls whose rule the mocked core repeats (so a UI test cannot pass
/// on a rule the core no longer has): `ui/src/mock/mock.test.ts` replays each through the mock
/// and expects the same answer.
fn core_answers() -> serde_json::Value {
    use alongside_core::records::money::mileage_pence;
    use alongside_core::vault::strength;
    use secrecy::SecretString;

    let mut answers = Vec::new();
    for (tenth_miles, pence_per_mile) in [(0, 45), (123, 45), (125, 45), (1, 25), (4999, 56)] {
        answers.push(serde_json::json!({
            "cmd": "mileage_pence",
            "args": { "tenthMiles": tenth_miles, "pencePerMile": pence_per_mile },
            "answer": mileage_pence(tenth_miles, pence_per_mile).unwrap(),
        }));
    }
    // The passphrases the UI tests type: one too short, the ones their vaults use.
    for passphrase in [
        "short",
        "   spaces   ",
        "correct horse battery staple",
        "river kettle orchard lantern",
    ] {
        answers.push(serde_json::json!({
            "cmd": "passphrase_strength",
            "args": { "passphrase": passphrase },
            "answer": strength(&SecretString::from(passphrase.to_owned())),
        }));
    }
    serde_json::Value::Array(answers)
}
