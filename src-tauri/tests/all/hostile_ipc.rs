//! Hostile arguments to every command over the real IPC, on a real unlocked vault: random JSON
//! built from the commands' own argument and field names, and well-formed calls with hostile
//! values put in (wrong types, huge strings, impossible dates and numbers, deep nesting). Every call answers (no panic, no hang) with a result or a refusal — Tauri's own for
//! arguments of the wrong shape, otherwise a typed `{code, message}` — and a refused call
//! changes no file of the vault. `PROPTEST_CASES` sets the number of calls.

use std::cell::Cell;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crate::support::speech::SpeechService;
use crate::support::{app_with, invoke};
use alongside_app::read_aloud::ReadAloud;
use alongside_app::state::AppState;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

const PASS: &str = "maple harbour violin";

/// The codes a typed refusal may carry (crates/core/src/error.rs).
const CODES: &[&str] = &[
    "vault_locked",
    "no_vault",
    "vault_exists",
    "wrong_passphrase",
    "slots_unusable",
    "keyring_unavailable",
    "busy",
    "reauth_required",
    "invalid_input",
    "not_found",
    "damaged",
    "not_addressed",
    "storage",
    "io",
    "cancelled",
    "internal",
];

/// Commands that open a system file dialog once their arguments pass: no dialog can be answered
/// here. Their arguments are still checked before the dialog (see `ipc.rs`).
const OPENS_A_DIALOG: &[&str] = &[
    "backup_make",
    "backup_choose",
    "export_save",
    "identity_save",
    "share_save",
    "inbox_choose",
    "import_choose",
    "invitation_choose",
    "meeting_calendar_save",
    "attachment_choose",
    "attachment_save",
    // Opens the desktop's file manager on the log folder.
    "log_folder_open",
];

/// Every command with its argument names, read from the generated bindings.
fn commands() -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts"),
    )
    .unwrap();
    let mut all = Vec::new();
    for part in text.split("__TAURI_INVOKE(\"").skip(1) {
        let name: String = part.chars().take_while(|c| *c != '"').collect();
        let rest = &part[name.len() + 1..];
        let args = match rest.trim_start().strip_prefix(", {") {
            Some(inner) => inner
                .split('}')
                .next()
                .unwrap()
                .split(',')
                .map(|a| a.trim().to_owned())
                .filter(|a| !a.is_empty())
                .collect(),
            None => Vec::new(),
        };
        all.push((name, args));
    }
    assert!(
        all.len() > 50,
        "bindings unreadable: {} commands",
        all.len()
    );
    all
}

/// Field names of the generated types (`name: type` inside the bindings), for realistic objects.
fn field_names() -> Vec<String> {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts"),
    )
    .unwrap();
    let mut names = BTreeSet::new();
    for line in text.lines() {
        let line = line.trim();
        if let Some((name, _)) = line.split_once(": ") {
            if !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
            {
                names.insert(name.to_owned());
            }
        }
    }
    names.into_iter().collect()
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop_oneof![Just(0i64), Just(-1), Just(1), Just(i64::MAX), Just(1 << 53)]
            .prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[ -~éü£—\u{202e}\u{0}\n]{0,40}".prop_map(Value::from),
        prop_oneof![
            Just("2025-01-01"),
            Just("2025-02-30"),
            Just("18:30"),
            Just("passphrase"),
            Just("keyring"),
            Just("recovery_code"),
            Just("co_design"),
            Just("meeting"),
            Just("involvement"),
            Just("pdf"),
            Just("json"),
            Just("DELETE ME"),
            Just("../../etc/passwd"),
        ]
        .prop_map(Value::from),
        (1usize..4).prop_map(|n| Value::from("x".repeat(n * 100_000))),
    ]
}

fn value(fields: Vec<String>) -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 8, move |inner| {
        let keys = prop::sample::select(fields.clone());
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// One call: a command and arguments for it (its own names, sometimes one left out or a stray
/// one added, sometimes nested a thousand deep).
fn call(
    commands: Vec<(String, Vec<String>)>,
    fields: Vec<String>,
) -> impl Strategy<Value = (String, Value)> {
    let n = commands.len();
    (0..n, prop::collection::vec(value(fields), 4), any::<u8>()).prop_map(
        move |(i, values, shape)| {
            let (name, arg_names) = &commands[i];
            let mut args = Map::new();
            for (k, (arg, v)) in arg_names.iter().zip(values.iter().cycle()).enumerate() {
                if shape % 7 == 1 && k == 0 {
                    continue;
                }
                args.insert(arg.clone(), v.clone());
            }
            if shape % 5 == 2 {
                args.insert("unexpected".into(), values[3].clone());
            }
            if shape % 11 == 3 {
                if let Some(first) = arg_names.first() {
                    let deep = format!("{}1{}", "[".repeat(1000), "]".repeat(1000));
                    args.insert(
                        first.clone(),
                        serde_json::from_str(&deep).unwrap_or(Value::Null),
                    );
                }
            }
            (name.clone(), Value::Object(args))
        },
    )
}

/// Well-formed arguments for the commands, from records made in the vault: hostile values are
/// put into these so that calls get past the shape check and reach the core's rules.
fn wrong_proof() -> Value {
    json!({"method": "recovery_code", "code": "7K2QD-M9XWA-4RTPB-HN3CE-8VFJS"})
}

fn seeds(w: &tauri::WebviewWindow<tauri::test::MockRuntime>) -> Vec<(String, Value)> {
    let make = |cmd: &str, data: Value| invoke(w, cmd, json!({ "data": data })).unwrap();
    let person = make(
        "person_create",
        json!({"name": "Dr Ada Reid", "roles": ["researcher"], "organisation": "", "notes": ""}),
    );
    let project = make(
        "project_create",
        json!({
            "title": "Early psychosis support", "organisation": "Trust", "my_role": "Patient partner",
            "approach": "co_production", "status": "active", "start_date": "2025-01-01",
            "end_date": null, "lead_id": person["id"],
            "rate_cards": [{"from": "2025-01-01", "per_hour_pence": 2500, "per_half_day_pence": null, "per_day_pence": 15000, "covers": "Meetings"}],
            "notes": "", "tags": ["psychosis"]
        }),
    );
    let pid = project["id"].clone();
    let meeting = make(
        "meeting_create",
        json!({
            "project_id": pid, "kind": "co_design_workshop", "title": "Workshop", "date": "2025-02-01",
            "start_time": "10:00", "end_time": "12:00", "place": "Library", "online": false,
            "attendees": [{"person_id": person["id"], "role": "chair"}], "agenda": ["Welcome"],
            "notes": "", "decisions": ["Use plain English"], "you_said_we_did": "", "stage": "co_design",
            "felt_heard": {"listened_to": 5, "views_used": 4, "comfortable": null}, "tags": []
        }),
    );
    let action = make(
        "action_create",
        json!({
            "project_id": pid, "meeting_id": meeting["id"], "title": "Send notes",
            "owner_id": person["id"], "due_date": "2025-02-10", "status": "open", "notes": ""
        }),
    );
    let contribution = make(
        "contribution_create",
        json!({
            "project_id": pid, "meeting_id": meeting["id"], "date": "2025-02-01", "activity": "co_design",
            "prep_minutes": 30, "meeting_minutes": 120, "travel_minutes": 40, "summary": "Shared my story",
            "impact_said": "", "impact_changed": "", "impact_evidence": "", "feedback": "", "feedback_date": null,
            "fee_arrangement": "fee", "fee_pence": 7500, "claim_submitted_on": "2025-02-03", "paid_on": null,
            "expenses": [{"kind": "mileage", "amount_pence": 0, "tenth_miles": 100, "pence_per_mile": 45, "note": ""}],
            "tags": ["story"]
        }),
    );
    let reflection = make(
        "reflection_create",
        json!({
            "date": "2025-02-02", "title": "Workshop thoughts", "project_id": pid,
            "meeting_id": meeting["id"], "contribution_id": contribution["id"], "template": "kolb",
            "entries": {"experience": "A quiet hopefulness"}, "mood": 4, "private": true,
            "share_ready": false, "tags": []
        }),
    );
    let mut seeds = Vec::new();
    for (kind, record) in [
        ("person", &person),
        ("project", &project),
        ("meeting", &meeting),
        ("action", &action),
        ("contribution", &contribution),
        ("reflection", &reflection),
    ] {
        seeds.push((format!("{kind}_create"), json!({"data": record["data"]})));
        seeds.push((
            format!("{kind}_update"),
            json!({"id": record["id"], "data": record["data"]}),
        ));
        seeds.push((format!("{kind}_get"), json!({"id": record["id"]})));
        seeds.push((
            format!("{kind}_list"),
            json!({"query": {"limit": 10, "offset": 0, "project_id": pid, "from": "2025-01-01", "to": "2025-12-31"}}),
        ));
        seeds.push((
            "record_delete".into(),
            json!({"kind": kind, "id": record["id"]}),
        ));
        seeds.push((
            "record_restore".into(),
            json!({"kind": kind, "id": record["id"]}),
        ));
    }
    let prefs = invoke(w, "preferences_get", json!({})).unwrap();
    let options = json!({"report": "involvement", "format": "md",
        "selection": {"from": "2025-01-01", "to": "2025-12-31", "project_ids": [pid]},
        "include_private": false, "names": "roles", "leave_out_money": false});
    seeds.extend([
        ("preferences_set".into(), json!({ "preferences": prefs })),
        (
            "lock_settings_set".into(),
            json!({"settings": {"auto_lock_minutes": 5}}),
        ),
        ("project_totals".into(), json!({ "projectId": pid })),
        (
            "search_records".into(),
            json!({"query": "story", "limit": 10}),
        ),
        (
            "draft_save".into(),
            json!({"id": "reflection:new", "body": "half a thought"}),
        ),
        ("draft_load".into(), json!({"id": "reflection:new"})),
        ("export_preview".into(), json!({ "options": options })),
        (
            "export_open".into(),
            json!({"path": "/tmp/x.pdf", "reveal": false}),
        ),
        (
            "vault_unlock".into(),
            json!({"request": {"method": "passphrase", "passphrase": "not it at all"}}),
        ),
        (
            "passphrase_change".into(),
            json!({"proof": wrong_proof(), "newPassphrase": "a whole new passphrase"}),
        ),
        (
            "recovery_code_new".into(),
            json!({ "proof": wrong_proof() }),
        ),
        ("vault_confirm".into(), json!({ "proof": wrong_proof() })),
        ("vault_rekey".into(), json!({ "proof": wrong_proof() })),
        (
            "keyring_set".into(),
            json!({"enabled": true, "proof": wrong_proof()}),
        ),
        (
            "lock_settings_set".into(),
            json!({"settings": {"auto_lock_minutes": null}, "proof": wrong_proof()}),
        ),
        (
            "backup_restore".into(),
            json!({"passphrase": "a backup passphrase", "replace": false, "proof": null}),
        ),
        (
            "delete_everything".into(),
            json!({"confirm": "delete", "proof": wrong_proof()}),
        ),
    ]);
    seeds
}

/// Every place in `v` that holds a value, as a JSON pointer.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, x)| pointers(x, format!("{at}/{k}"), out)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| pointers(x, format!("{at}/{i}"), out)),
        _ => {}
    }
    if !at.is_empty() {
        out.push(at);
    }
}

/// Mostly a hostile value of the same JSON kind as `old` (so the call keeps its shape and
/// reaches the core's checks), sometimes `hostile` as it is.
fn same_kind(old: &Value, hostile: Value, pick: usize) -> Value {
    const STRINGS: &[&str] = &[
        "",
        " ",
        "2025-02-30",
        "0000-01-01",
        "9999-12-31",
        "25:61",
        "-1",
        "💥\u{202e}\u{0}",
        "<script>alert(1)</script>",
        "'; DROP TABLE projects; --",
        "../../../../etc/passwd",
    ];
    const NUMBERS: &[i64] = &[-1, 0, i64::MIN, i64::MAX, 1 << 53, 10_081, 100_000_001];
    match (old, pick) {
        (_, 0) => hostile,
        (Value::String(_), 1) => Value::from("x".repeat(300_000)),
        (Value::String(_), p) => Value::from(STRINGS[p * 3 % STRINGS.len()]),
        (Value::Number(_), p) => Value::from(NUMBERS[p % NUMBERS.len()]),
        (Value::Bool(b), _) => Value::from(!b),
        (Value::Array(a), 1) => Value::Array(a.iter().cycle().take(5_000).cloned().collect()),
        _ => hostile,
    }
}

/// A well-formed call with one to three of its values replaced by hostile ones.
fn seeded(seeds: Vec<(String, Value)>) -> impl Strategy<Value = (String, Value)> {
    let n = seeds.len();
    (
        0..n,
        prop::collection::vec((any::<prop::sample::Index>(), leaf()), 1..4),
    )
        .prop_map(move |(i, changes)| {
            let (cmd, mut args) = seeds[i].clone();
            for (at, hostile) in changes {
                let mut places = Vec::new();
                pointers(&args, String::new(), &mut places);
                if let Some(place) = places.get(at.index(places.len().max(1))) {
                    if let Some(slot) = args.pointer_mut(place) {
                        *slot = same_kind(slot, hostile, at.index(7));
                    }
                }
            }
            (cmd, args)
        })
}

/// The bytes of the vault's files, but the shared-memory index that reads may touch.
fn files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .filter(|e| !e.file_name().to_string_lossy().ends_with("-shm"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    all.sort();
    all
}

#[test]
fn every_command_answers_hostile_arguments_with_a_result_or_a_typed_refusal() {
    let panicked = Arc::new(AtomicBool::new(false));
    let flag = panicked.clone();
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        flag.store(true, Ordering::SeqCst);
        default_hook(info);
    }));

    let dir = tempfile::tempdir().unwrap();
    // Read aloud speaks to a speech service of the test's own (sound to the null device).
    let speech = SpeechService::start();
    let mut state = AppState::new(dir.path().to_path_buf());
    state.read_aloud = ReadAloud::with_socket(speech.socket());
    let w = app_with(state);
    invoke(
        &w,
        "vault_create",
        json!({"passphrase": PASS, "useKeyring": false}),
    )
    .unwrap();
    let seeds = seeds(&w);

    let commands: Vec<_> = commands()
        .into_iter()
        .filter(|(name, _)| !OPENS_A_DIALOG.contains(&name.as_str()))
        .collect();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(400),
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let (answered, refused_by_shape, refused_typed) =
        (Cell::new(0u32), Cell::new(0u32), Cell::new(0u32));
    runner
        .run(
            &prop_oneof![1 => call(commands, field_names()), 2 => seeded(seeds)],
            |(cmd, args)| {
                let before = files(dir.path());
                let (tx, rx) = std::sync::mpsc::channel();
                let (w2, cmd2, args2) = (w.clone(), cmd.clone(), args.clone());
                std::thread::spawn(move || {
                    let _ = tx.send(invoke(&w2, &cmd2, args2));
                });
                let result = rx
                    .recv_timeout(Duration::from_secs(60))
                    .map_err(|_| TestCaseError::fail(format!("{cmd} did not answer")))?;
                prop_assert!(!panicked.load(Ordering::SeqCst), "{} panicked", cmd);
                match result {
                    Ok(_) => answered.set(answered.get() + 1),
                    Err(Value::String(_)) => {
                        refused_by_shape.set(refused_by_shape.get() + 1);
                        prop_assert!(
                            files(dir.path()) == before,
                            "{} refused its arguments but wrote",
                            cmd
                        );
                    }
                    Err(e) => {
                        refused_typed.set(refused_typed.get() + 1);
                        let code = e["code"].as_str().unwrap_or_default();
                        prop_assert!(
                            CODES.contains(&code),
                            "{} answered an untyped error: {}",
                            cmd,
                            e
                        );
                        prop_assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()));
                        prop_assert!(
                            files(dir.path()) == before,
                            "{} refused ({}) but wrote",
                            cmd,
                            code
                        );
                    }
                }
                // A call that locked the vault (or erased it) is undone, so later calls reach the
                // records again.
                let status = invoke(&w, "vault_status", json!({})).unwrap();
                if status["exists"] == false {
                    invoke(
                        &w,
                        "vault_create",
                        json!({"passphrase": PASS, "useKeyring": false}),
                    )
                    .unwrap();
                } else if status["unlocked"] == false {
                    invoke(
                        &w,
                        "vault_unlock",
                        json!({"request": {"method": "passphrase", "passphrase": PASS}}),
                    )
                    .unwrap();
                }
                Ok(())
            },
        )
        .unwrap();
    eprintln!(
        "hostile IPC: {} answered, {} refused by shape, {} refused with a code",
        answered.get(),
        refused_by_shape.get(),
        refused_typed.get()
    );
    assert!(
        refused_typed.get() * 10 >= refused_typed.get() + refused_by_shape.get() + answered.get(),
        "too few calls reached the core's own checks"
    );
}
