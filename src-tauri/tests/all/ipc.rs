//! The real commands through Tauri's IPC, with the real config and capabilities, on a real
//! encrypted vault in a temporary folder.

use crate::support::{app, app_with, invoke};
use alongside_app::state::AppState;
use serde_json::{json, Value};

fn code(r: Result<Value, Value>) -> String {
    r.unwrap_err()["code"].as_str().unwrap_or("").to_owned()
}

#[test]
fn vault_commands_work_end_to_end_over_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let w = app(dir.path());

    let info = invoke(&w, "app_info", json!({})).unwrap();
    assert_eq!(info["vault_exists"], false);
    assert_eq!(info["data_dir"], dir.path().display().to_string());
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));

    let err = invoke(
        &w,
        "vault_create",
        json!({"passphrase": "short", "useKeyring": false}),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    assert_eq!(err["field"], "passphrase");

    let created = invoke(
        &w,
        "vault_create",
        json!({"passphrase": "maple harbour violin", "useKeyring": false}),
    )
    .unwrap();
    assert_eq!(created["recovery_code"].as_str().unwrap().len(), 29);
    assert_eq!(created["keyring_problem"], Value::Null);
    assert_eq!(
        invoke(&w, "app_info", json!({})).unwrap()["vault_exists"],
        true
    );
    assert_eq!(
        invoke(
            &w,
            "vault_create",
            json!({"passphrase": "maple harbour violin", "useKeyring": false})
        )
        .map_err(|e| e["code"].clone())
        .unwrap_err(),
        "vault_exists"
    );

    invoke(&w, "vault_lock", json!({})).unwrap();
    let status = invoke(&w, "vault_status", json!({})).unwrap();
    assert_eq!(status["unlocked"], false);
    assert_eq!(status["slots"]["passphrase"], true);
    assert_eq!(
        code(invoke(&w, "lock_settings_get", json!({}))),
        "vault_locked"
    );

    let wrong = json!({"request": {"method": "passphrase", "passphrase": "maple harbour viola"}});
    assert_eq!(code(invoke(&w, "vault_unlock", wrong)), "wrong_passphrase");
    let right = json!({"request": {"method": "passphrase", "passphrase": "maple harbour violin"}});
    invoke(&w, "vault_unlock", right).unwrap();

    let saved = invoke(
        &w,
        "lock_settings_set",
        json!({"settings": {"auto_lock_minutes": 5}}),
    )
    .unwrap();
    assert_eq!(saved["auto_lock_minutes"], 5);
    let err = invoke(
        &w,
        "lock_settings_set",
        json!({"settings": {"auto_lock_minutes": 4}}),
    )
    .unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("invalid_input"), Some("auto_lock_minutes"))
    );

    let proof = |p: &str| json!({"method": "passphrase", "passphrase": p});
    let bad = json!({"proof": proof("not it at all"), "newPassphrase": "a whole new passphrase"});
    assert_eq!(
        code(invoke(&w, "passphrase_change", bad)),
        "wrong_passphrase"
    );
    let good =
        json!({"proof": proof("maple harbour violin"), "newPassphrase": "a whole new passphrase"});
    invoke(&w, "passphrase_change", good).unwrap();
    let code_now = invoke(
        &w,
        "recovery_code_new",
        json!({"proof": proof("a whole new passphrase")}),
    )
    .unwrap();
    assert_eq!(code_now.as_str().unwrap().len(), 29);
    invoke(&w, "recovery_code_keep", json!({})).unwrap();
}

#[test]
fn plugins_the_window_was_not_granted_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let w = app(dir.path());
    for cmd in [
        "plugin:fs|read_file",
        "plugin:shell|execute",
        "plugin:window-state|save_window_state",
    ] {
        assert!(invoke(&w, cmd, json!({})).is_err(), "{cmd} must be refused");
    }
}

/// Every record command over IPC on a real vault: typed results, field errors, locked refusals.
#[test]
fn record_commands_work_end_to_end_over_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let w = app(dir.path());
    let kinds = [
        "person",
        "project",
        "meeting",
        "action",
        "contribution",
        "reflection",
        "consent",
        "voice",
        "feedback",
        "payment",
    ];
    // Locked (no vault yet): every record command says so.
    for kind in kinds {
        assert_eq!(
            code(invoke(&w, &format!("{kind}_list"), json!({"query": {}}))),
            "vault_locked"
        );
    }
    invoke(
        &w,
        "vault_create",
        json!({"passphrase": "maple harbour violin", "useKeyring": false}),
    )
    .unwrap();

    let person = invoke(
        &w,
        "person_create",
        json!({"data": {"name": "Dr Ada Reid", "roles": ["researcher"], "organisation": "", "notes": ""}}),
    )
    .unwrap();
    let project_data = json!({
        "title": "Early psychosis support", "organisation": "Trust", "my_role": "Patient partner",
        "approach": "co_production", "status": "active", "start_date": "2025-01-01",
        "end_date": null, "lead_id": person["id"], "rate_cards": [], "notes": "", "tags": []
    });
    let project = invoke(&w, "project_create", json!({"data": project_data})).unwrap();
    let pid = project["id"].clone();
    let meeting = invoke(
        &w,
        "meeting_create",
        json!({"data": {
            "project_id": pid, "kind": "co_design_workshop", "title": "Workshop", "date": "2025-02-01",
            "start_time": "10:00", "end_time": "12:00", "place": "Library", "online": false,
            "attendees": [{"person_id": person["id"], "role": "chair"}], "agenda": ["Welcome"],
            "notes": "", "decisions": ["Use plain English"], "you_said_we_did": "", "stage": "co_design",
            "felt_heard": {"listened_to": 5, "views_used": 4, "comfortable": null}, "tags": []
        }}),
    )
    .unwrap();
    assert_eq!(meeting["data"]["attendees"][0]["role"], "chair");
    let action = invoke(
        &w,
        "action_create",
        json!({"data": {"project_id": pid, "meeting_id": meeting["id"], "title": "Send notes",
                        "owner_id": person["id"], "due_date": "2025-02-10", "status": "open", "notes": ""}}),
    )
    .unwrap();
    let contribution_data = json!({
        "project_id": pid, "meeting_id": meeting["id"], "date": "2025-02-01", "activity": "co_design",
        "prep_minutes": 30, "meeting_minutes": 120, "travel_minutes": 40, "summary": "Shared my story",
        "impact_said": "", "impact_changed": "", "impact_evidence": "", "feedback": "", "feedback_date": null,
        "fee_arrangement": "fee", "fee_pence": 7500, "claim_submitted_on": null, "paid_on": null,
        "expenses": [{"kind": "mileage", "amount_pence": 0, "tenth_miles": 100, "pence_per_mile": 45, "note": ""}],
        "tags": ["story"]
    });
    let contribution = invoke(
        &w,
        "contribution_create",
        json!({"data": contribution_data}),
    )
    .unwrap();
    assert_eq!(contribution["data"]["expenses"][0]["amount_pence"], 450);
    let reflection = invoke(
        &w,
        "reflection_create",
        json!({"data": {"date": "2025-02-02", "title": "Workshop thoughts", "project_id": pid,
                        "meeting_id": meeting["id"], "contribution_id": contribution["id"], "template": "kolb",
                        "entries": {"experience": "A quiet hopefulness"}, "mood": 4, "private": true,
                        "share_ready": false, "tags": []}}),
    )
    .unwrap();

    // The lead side: consent, words (quotable only with consent), "you said, we did".
    let consent = invoke(
        &w,
        "consent_create",
        json!({"data": {"meeting_id": meeting["id"], "person_id": person["id"], "quote": true,
                        "named": false, "photo": false, "audio": false, "given_how": "verbal",
                        "given_on": "2025-02-01", "withdrawn_on": null, "notes": ""}}),
    )
    .unwrap();
    let voice = invoke(
        &w,
        "voice_create",
        json!({"data": {"meeting_id": meeting["id"], "person_id": person["id"],
                        "text": "Say it plainly", "quotable": true, "themes": ["language"],
                        "touchpoint": "", "emotion": null}}),
    )
    .unwrap();
    let feedback = invoke(
        &w,
        "feedback_create",
        json!({"data": {"meeting_id": meeting["id"], "you_said": "Plainer words",
                        "we_did": "Rewrote the leaflet", "status": "did", "due_date": null,
                        "reason": "", "voice_ids": [voice["id"]],
                        "fed_back": [{"person_id": person["id"], "on": "2025-02-20"}]}}),
    )
    .unwrap();
    let refused = invoke(
        &w,
        "feedback_create",
        json!({"data": {"meeting_id": meeting["id"], "you_said": "", "we_did": "No",
                        "status": "cannot", "due_date": null, "reason": "", "voice_ids": [],
                        "fed_back": []}}),
    )
    .unwrap_err();
    assert_eq!(refused["field"], "reason");
    // Payments: a run is only for sessions of projects the user runs; a line can be made and
    // marked paid; a declined fee carries no amount.
    let not_run = invoke(&w, "payment_run", json!({"meetingId": meeting["id"]})).unwrap_err();
    assert_eq!(not_run["field"], "meeting_id");
    let payment = invoke(
        &w,
        "payment_create",
        json!({"data": {"meeting_id": meeting["id"], "person_id": person["id"],
                        "arrangement": "fee", "fee_pence": 6250,
                        "expenses": [{"kind": "mileage", "amount_pence": 0, "tenth_miles": 124,
                                      "pence_per_mile": 45, "note": ""}],
                        "reference": "INV-1", "paid_on": null, "note": ""}}),
    )
    .unwrap();
    assert_eq!(payment["data"]["expenses"][0]["amount_pence"], 558);
    let declined_with_fee = invoke(
        &w,
        "payment_update",
        json!({"id": payment["id"], "data": {"meeting_id": meeting["id"], "person_id": person["id"],
               "arrangement": "declined", "fee_pence": 100, "expenses": [], "reference": "",
               "paid_on": null, "note": ""}}),
    )
    .unwrap_err();
    assert_eq!(declined_with_fee["field"], "fee_pence");
    let marked = invoke(
        &w,
        "payments_mark_paid",
        json!({"ids": [payment["id"]], "paidOn": "2025-02-15"}),
    )
    .unwrap();
    assert_eq!(marked, 1);
    let payment = invoke(&w, "payment_get", json!({"id": payment["id"]})).unwrap();
    assert_eq!(payment["data"]["paid_on"], "2025-02-15");
    let page = invoke(&w, "person_page", json!({"id": person["id"]})).unwrap();
    assert_eq!(page["payments"][0]["data"]["reference"], "INV-1");
    assert_eq!(page["consents"].as_array().unwrap().len(), 1);
    assert_eq!(page["voices"][0]["data"]["text"], "Say it plainly");
    assert_eq!(page["sessions"][0]["status"], "attended");
    assert_eq!(
        meeting["data"]["private_notes"], "",
        "earlier \"notes\" read as private"
    );

    // Get and list each kind.
    for (kind, record) in kinds.iter().zip([
        &person,
        &project,
        &meeting,
        &action,
        &contribution,
        &reflection,
        &consent,
        &voice,
        &feedback,
        &payment,
    ]) {
        let got = invoke(&w, &format!("{kind}_get"), json!({"id": record["id"]})).unwrap();
        assert_eq!(&got, record, "{kind}");
        let page = invoke(&w, &format!("{kind}_list"), json!({"query": {"limit": 10}})).unwrap();
        assert_eq!(page["items"].as_array().unwrap().len(), 1, "{kind}");
        assert_eq!(page["has_more"], false);
    }
    // Updates, with field-level errors.
    let mut changed = contribution_data.clone();
    changed["date"] = json!("2025-02-30");
    let err = invoke(
        &w,
        "contribution_update",
        json!({"id": contribution["id"], "data": changed}),
    )
    .unwrap_err();
    assert_eq!(
        (err["code"].as_str(), err["field"].as_str()),
        (Some("invalid_input"), Some("date"))
    );
    let mut renamed = project_data.clone();
    renamed["title"] = json!("Psychosis support (phase 2)");
    let updated = invoke(&w, "project_update", json!({"id": pid, "data": renamed})).unwrap();
    assert_eq!(updated["data"]["title"], "Psychosis support (phase 2)");
    // Every kind's update command: saving the fields unchanged keeps them and moves updated_at.
    for (kind, record) in [
        ("person", &person),
        ("meeting", &meeting),
        ("action", &action),
        ("reflection", &reflection),
    ] {
        let again = invoke(
            &w,
            &format!("{kind}_update"),
            json!({"id": record["id"], "data": record["data"]}),
        )
        .unwrap();
        assert_eq!(again["data"], record["data"], "{kind}");
        assert_ne!(again["updated_at"], record["updated_at"], "{kind}");
    }
    assert_eq!(
        code(invoke(
            &w,
            "action_update",
            json!({"id": 9_999, "data": action["data"]})
        )),
        "not_found"
    );

    // Drafts of unsaved forms.
    invoke(
        &w,
        "draft_save",
        json!({"id": "reflection:new", "body": "half a thought"}),
    )
    .unwrap();
    let draft = invoke(&w, "draft_load", json!({"id": "reflection:new"})).unwrap();
    assert_eq!(draft["body"], "half a thought");
    invoke(&w, "draft_delete", json!({"id": "reflection:new"})).unwrap();
    assert_eq!(
        invoke(&w, "draft_load", json!({"id": "reflection:new"})).unwrap(),
        Value::Null
    );

    // List filters are typed: an unknown meeting kind is refused as the call arrives.
    let bad_kind = invoke(&w, "meeting_list", json!({"query": {"kind": "seance"}})).unwrap_err();
    assert!(bad_kind.to_string().contains("seance"), "{bad_kind}");

    // Dashboard, search (private reflections found inside the app), preferences, choices.
    let dash = invoke(&w, "dashboard_get", json!({})).unwrap();
    assert_eq!(dash["money"]["to_claim_pence"], 7_500 + 450);
    assert_eq!(dash["overdue_count"], 1);
    let hits = invoke(
        &w,
        "search_records",
        json!({"query": "hopeful", "limit": 10}),
    )
    .unwrap();
    assert_eq!(hits[0]["kind"], "reflection");
    assert_eq!(hits[0]["private"], true);
    let prefs = invoke(&w, "preferences_get", json!({})).unwrap();
    assert_eq!(prefs["tax_year_start_month"], 4);
    let mut new_prefs = prefs.clone();
    new_prefs["theme"] = json!("dark");
    new_prefs["mileage_rates"] =
        json!([{"vehicle": "car", "from": "2024-04-06", "pence_per_mile": 45}]);
    let saved = invoke(&w, "preferences_set", json!({"preferences": new_prefs})).unwrap();
    assert_eq!(saved["theme"], "dark");
    let mut bad_prefs = prefs.clone();
    bad_prefs["tax_year_start_day"] = json!(31);
    bad_prefs["tax_year_start_month"] = json!(2);
    assert_eq!(
        code(invoke(
            &w,
            "preferences_set",
            json!({"preferences": bad_prefs})
        )),
        "invalid_input"
    );
    let choices = invoke(&w, "choices", json!({"language": "en-GB"})).unwrap();
    assert_eq!(choices["approaches"].as_array().unwrap().len(), 5);
    assert_eq!(choices["approaches"][3]["label"], "Co-design");
    // The labels come in the window's language.
    let welsh = invoke(&w, "choices", json!({"language": "cy"})).unwrap();
    assert_eq!(welsh["approaches"][3]["label"], "Cyd-ddylunio");
    assert_eq!(welsh["approaches"][3]["value"], "co_design");
    assert_eq!(
        choices["templates"][0]["prompts"].as_array().unwrap().len(),
        6,
        "Gibbs has six prompts"
    );

    // Delete with undo.
    let deleted = invoke(&w, "record_delete", json!({"kind": "project", "id": pid})).unwrap();
    // Its meeting, contribution and action, and the session's consent, words, item and payment.
    assert_eq!(deleted["with_it"], 7);
    assert_eq!(
        code(invoke(&w, "project_get", json!({"id": pid}))),
        "not_found"
    );
    invoke(&w, "record_restore", json!({"kind": "project", "id": pid})).unwrap();
    invoke(&w, "contribution_get", json!({"id": contribution["id"]})).unwrap();
    assert_eq!(
        code(invoke(
            &w,
            "record_restore",
            json!({"kind": "project", "id": pid})
        )),
        "not_found"
    );

    // Exports: the catalogue, a preview with private reflections left out unless asked,
    // refusals tied to their fields, and no opening of files the app did not save.
    let reports = invoke(&w, "export_reports", json!({"language": "en-GB"})).unwrap();
    // Six of the author's own, the finance CSV and the claim pack (a statement is made from a
    // person's page).
    assert_eq!(reports.as_array().unwrap().len(), 8);
    assert_eq!(reports[0]["title"], "Involvement summary");
    // In the window's language, titles and purposes both.
    let welsh = invoke(&w, "export_reports", json!({"language": "cy"})).unwrap();
    assert_eq!(welsh[0]["title"], "Crynodeb cyfranogiad");
    assert!(welsh[0]["about"]
        .as_str()
        .unwrap()
        .starts_with("Prosiectau, rolau"));
    for (en, cy) in reports
        .as_array()
        .unwrap()
        .iter()
        .zip(welsh.as_array().unwrap())
    {
        assert_ne!(
            en["about"], cy["about"],
            "{} has no Welsh purpose",
            en["kind"]
        );
    }
    let options = |report: &str, format: &str, private: bool, no_money: bool| {
        json!({"options": {"report": report, "format": format,
            "selection": {"from": null, "to": null, "project_ids": []},
            "include_private": private, "names": "full", "leave_out_money": no_money}})
    };
    let doc = invoke(
        &w,
        "export_preview",
        options("reflection", "pdf", false, false),
    )
    .unwrap();
    assert_eq!(doc["title"], "Reflections");
    assert!(
        !doc.to_string().contains("hopeful"),
        "private text in preview"
    );
    let doc = invoke(
        &w,
        "export_preview",
        options("reflection", "pdf", true, false),
    )
    .unwrap();
    assert!(
        doc.to_string().contains("hopeful"),
        "private text asked for"
    );
    let err = invoke(
        &w,
        "export_preview",
        options("payments", "pdf", false, true),
    )
    .unwrap_err();
    assert_eq!(err["field"], "leave_out_money");
    let err = invoke(
        &w,
        "export_preview",
        options("meeting", "csv", false, false),
    )
    .unwrap_err();
    assert_eq!(err["field"], "format");
    let err = invoke(
        &w,
        "export_open",
        json!({"path": "/etc/passwd", "reveal": false}),
    )
    .unwrap_err();
    assert_eq!(err["field"], "path");

    // After lock, nothing is readable.
    invoke(&w, "vault_lock", json!({})).unwrap();
    assert_eq!(
        code(invoke(
            &w,
            "export_preview",
            options("involvement", "pdf", false, false)
        )),
        "vault_locked"
    );
    assert_eq!(
        code(invoke(
            &w,
            "search_records",
            json!({"query": "hopeful", "limit": 10})
        )),
        "vault_locked"
    );
    assert_eq!(code(invoke(&w, "dashboard_get", json!({}))), "vault_locked");
}

/// A backup of a vault with one project, made by the core (the app's save dialog cannot be
/// driven here), sealed with `BACKUP_PASS`.
fn backup_file(folder: &std::path::Path) -> std::path::PathBuf {
    use alongside_core::backup::{self, Control};
    use alongside_core::vault::Vault;
    use secrecy::SecretString;
    let dir = folder.join("source");
    let out = folder.join("source.alongside-backup");
    tauri::async_runtime::block_on(async {
        let vault = Vault::new(&dir);
        vault
            .create(
                &SecretString::from("source vault passphrase".to_owned()),
                false,
            )
            .await
            .unwrap();
        let pool = vault.pool().await.unwrap();
        let p: alongside_core::records::Project = serde_json::from_value(json!({
            "title": "From the backup", "organisation": "", "my_role": "Patient partner",
            "approach": "co_production", "status": "active", "start_date": null,
            "end_date": null, "lead_id": null, "rate_cards": [], "notes": "", "tags": []
        }))
        .unwrap();
        alongside_core::records::store::create(&pool, p)
            .await
            .unwrap();
        backup::make(
            &vault,
            &out,
            &SecretString::from(BACKUP_PASS.to_owned()),
            &alongside_core::vault::Proof::passphrase(&SecretString::from(
                "source vault passphrase".to_owned(),
            )),
            &Control::quiet(),
        )
        .await
        .unwrap();
    });
    out
}

const BACKUP_PASS: &str = "backup passphrase for ipc";

fn source_proof() -> Value {
    json!({"method": "passphrase", "passphrase": "source vault passphrase"})
}

#[test]
fn restore_on_first_run_replace_with_consent_and_delete_everything_over_ipc() {
    let work = tempfile::tempdir().unwrap();
    let file = backup_file(work.path());

    // First run: no vault, so the backup goes straight into the data folder.
    let data = work.path().join("data");
    let state = AppState::new(data.clone());
    let w = app_with(state);
    assert_eq!(
        invoke(
            &w,
            "backup_restore",
            json!({"passphrase": BACKUP_PASS, "replace": false})
        )
        .unwrap_err()["field"],
        "file",
        "nothing chosen yet"
    );
    // Double-clicked: the backup arrives with the app's start and is offered, read, once, as if
    // chosen in the dialog.
    let state = AppState::new(data.clone());
    assert!(state.file_arrived([file.clone()]));
    let w = app_with(state);
    let offered = invoke(&w, "backup_pending", json!({})).unwrap();
    assert!(offered["made_at"].is_string(), "{offered}");
    assert_eq!(
        invoke(&w, "backup_pending", json!({})).unwrap(),
        Value::Null
    );
    assert_eq!(
        code(invoke(
            &w,
            "backup_restore",
            json!({"passphrase": "not the one at all", "replace": false})
        )),
        "wrong_passphrase"
    );
    let restored = invoke(
        &w,
        "backup_restore",
        json!({"passphrase": BACKUP_PASS, "replace": false}),
    )
    .unwrap();
    assert_eq!(restored["counts"]["projects"], 1);
    assert_eq!(restored["safety_copy"], Value::Null);
    assert_eq!(
        invoke(&w, "app_info", json!({})).unwrap()["vault_exists"],
        true
    );
    let unlock =
        json!({"request": {"method": "passphrase", "passphrase": "source vault passphrase"}});
    invoke(&w, "vault_unlock", unlock.clone()).unwrap();
    let state_now = invoke(&w, "backup_state", json!({})).unwrap();
    assert_eq!(state_now["every_days"], 30);
    assert_eq!(state_now["due"], false);

    // With a vault here: refused without consent, and while locked; replaced with both.
    let state = AppState::new(data.clone());
    *state.restore_file.lock().unwrap() = Some(file.clone());
    let w = app_with(state);
    assert_eq!(
        code(invoke(
            &w,
            "backup_restore",
            json!({"passphrase": BACKUP_PASS, "replace": true, "proof": source_proof()})
        )),
        "vault_locked"
    );
    invoke(&w, "vault_unlock", unlock.clone()).unwrap();
    assert_eq!(
        invoke(
            &w,
            "backup_restore",
            json!({"passphrase": BACKUP_PASS, "replace": false})
        )
        .unwrap_err()["field"],
        "replace"
    );
    assert_eq!(
        code(invoke(
            &w,
            "backup_restore",
            json!({"passphrase": BACKUP_PASS, "replace": true})
        )),
        "reauth_required"
    );
    let replaced = invoke(
        &w,
        "backup_restore",
        json!({"passphrase": BACKUP_PASS, "replace": true, "proof": source_proof()}),
    )
    .unwrap();
    let safety = std::path::PathBuf::from(replaced["safety_copy"].as_str().unwrap());
    assert!(safety.join("vault.db").exists());
    assert_eq!(
        invoke(&w, "vault_status", json!({})).unwrap()["unlocked"],
        false
    );

    // Delete everything: needs the vault unlocked and the word typed.
    assert_eq!(
        code(invoke(
            &w,
            "delete_everything",
            json!({"confirm": "delete", "proof": source_proof()})
        )),
        "vault_locked"
    );
    invoke(&w, "vault_unlock", unlock).unwrap();
    assert_eq!(
        invoke(
            &w,
            "delete_everything",
            json!({"confirm": "yes", "proof": source_proof()})
        )
        .unwrap_err()["field"],
        "confirm"
    );
    let wrong = json!({"method": "passphrase", "passphrase": "not the one at all"});
    assert_eq!(
        code(invoke(
            &w,
            "delete_everything",
            json!({"confirm": "delete", "proof": wrong})
        )),
        "wrong_passphrase"
    );
    assert!(data.join("vault.db").exists());
    let erased = invoke(
        &w,
        "delete_everything",
        json!({"confirm": " Delete ", "proof": source_proof()}),
    )
    .unwrap();
    assert_eq!(erased["removed"], 4);
    assert_eq!(
        invoke(&w, "app_info", json!({})).unwrap()["vault_exists"],
        false
    );
    assert!(!safety.exists());
}

/// Dangerous acts over IPC need the passphrase or recovery code again, checked for real.
#[test]
fn dangerous_commands_ask_for_the_secret_again_over_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let w = app(dir.path());
    let pass = "maple harbour violin";
    let proof = |p: &str| json!({"method": "passphrase", "passphrase": p});
    invoke(
        &w,
        "vault_create",
        json!({"passphrase": pass, "useKeyring": false}),
    )
    .unwrap();
    // Unlocking an open vault still checks the secret.
    let wrong = json!({"request": {"method": "passphrase", "passphrase": "maple harbour viola"}});
    assert_eq!(code(invoke(&w, "vault_unlock", wrong)), "wrong_passphrase");
    assert_eq!(
        code(invoke(
            &w,
            "vault_confirm",
            json!({"proof": proof("nope nope nope")})
        )),
        "wrong_passphrase"
    );
    invoke(&w, "vault_confirm", json!({"proof": proof(pass)})).unwrap();
    for (cmd, args) in [
        ("keyring_set", json!({"enabled": true})),
        (
            "lock_settings_set",
            json!({"settings": {"auto_lock_minutes": null}}),
        ),
    ] {
        assert_eq!(code(invoke(&w, cmd, args)), "reauth_required", "{cmd}");
    }
    for (cmd, mut args) in [
        ("keyring_set", json!({"enabled": true})),
        (
            "lock_settings_set",
            json!({"settings": {"auto_lock_minutes": null}}),
        ),
        (
            "passphrase_change",
            json!({"newPassphrase": "orbit kettle tulip marsh"}),
        ),
        ("recovery_code_new", json!({})),
        ("vault_rekey", json!({})),
        ("delete_everything", json!({"confirm": "delete"})),
    ] {
        args["proof"] = proof("maple harbour viola");
        assert_eq!(code(invoke(&w, cmd, args)), "wrong_passphrase", "{cmd}");
    }
    assert_eq!(
        invoke(&w, "vault_status", json!({})).unwrap()["auto_lock_minutes"],
        15
    );
    invoke(
        &w,
        "lock_settings_set",
        json!({"settings": {"auto_lock_minutes": null}, "proof": proof(pass)}),
    )
    .unwrap();
    // A weak new passphrase is refused by the core's rule.
    let weak = json!({"proof": proof(pass), "newPassphrase": "Password12"});
    let err = invoke(&w, "passphrase_change", weak).unwrap_err();
    assert_eq!(err["field"], "passphrase");

    // Changing the key: a new recovery code; the passphrase still opens the vault.
    let rekeyed = invoke(&w, "vault_rekey", json!({"proof": proof(pass)})).unwrap();
    let new_code = rekeyed["recovery_code"].as_str().unwrap().to_owned();
    invoke(&w, "vault_lock", json!({})).unwrap();
    // Locked: nothing saved may be opened, and the keyring is not tried again.
    assert_eq!(
        code(invoke(
            &w,
            "export_open",
            json!({"path": "/tmp/x.pdf", "reveal": false})
        )),
        "vault_locked"
    );
    let err = invoke(
        &w,
        "vault_unlock",
        json!({"request": {"method": "keyring"}}),
    )
    .unwrap_err();
    assert_eq!(err["code"], "keyring_unavailable");
    invoke(
        &w,
        "vault_unlock",
        json!({"request": {"method": "recovery_code", "code": new_code}}),
    )
    .unwrap();
}

/// A lock whose tidying fails still locks, and still tells the window to drop every record.
#[test]
fn a_lock_whose_checkpoint_fails_still_sends_the_lock_event() {
    use tauri::Listener;
    let dir = tempfile::tempdir().unwrap();
    let w = app(dir.path());
    invoke(
        &w,
        "vault_create",
        json!({"passphrase": "maple harbour violin", "useKeyring": false}),
    )
    .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let tx = std::sync::Mutex::new(tx);
    w.listen_any("vault-locked", move |e| {
        let _ = tx.lock().unwrap().send(e.payload().to_owned());
    });
    std::fs::rename(dir.path().join("vault.db"), dir.path().join("aside.db")).unwrap();
    let err = invoke(&w, "vault_lock", json!({})).unwrap_err();
    assert!(err["code"].is_string(), "the failure is reported: {err}");
    let payload = rx
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("the lock event was sent");
    assert!(payload.contains("manual"), "{payload}");
    assert_eq!(
        invoke(&w, "vault_status", json!({})).unwrap()["unlocked"],
        false
    );
    assert_eq!(code(invoke(&w, "dashboard_get", json!({}))), "vault_locked");
}

/// The exchange over IPC on a real vault: the identity made and read, a contact added from the
/// identity text another vault would give, a share previewed with privacy applied, and the Inbox
/// refusing a decision before any file was chosen.
#[test]
fn exchange_commands_work_end_to_end_over_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let w = app(dir.path());
    invoke(
        &w,
        "vault_create",
        json!({"passphrase": "maple harbour violin", "useKeyring": false}),
    )
    .unwrap();
    assert_eq!(invoke(&w, "identity_get", json!({})).unwrap(), Value::Null);
    let refused = invoke(&w, "identity_set_up", json!({"name": " ", "role": ""})).unwrap_err();
    assert_eq!(refused["field"], "name");
    let me = invoke(
        &w,
        "identity_set_up",
        json!({"name": "Priya Shah", "role": "project lead"}),
    )
    .unwrap();
    let code = me["sharing_code"].as_str().unwrap().to_owned();
    assert_eq!(code.len(), 29);
    assert!(me["text"]
        .as_str()
        .unwrap()
        .starts_with("alongside-identity-1:"));
    assert_eq!(
        invoke(&w, "identity_get", json!({})).unwrap()["sharing_code"],
        code
    );

    let sam = alongside_core::exchange::identity::OwnIdentity::generate("Sam", "patient partner")
        .unwrap()
        .public;
    let person = invoke(
        &w,
        "person_create",
        json!({"data": {"name": "Sam Okafor", "roles": ["patient_partner"], "organisation": "", "notes": ""}}),
    )
    .unwrap();
    let bad = invoke(
        &w,
        "contact_add",
        json!({"personId": person["id"], "text": "hello", "checked": "phone"}),
    )
    .unwrap_err();
    assert_eq!(bad["code"], "invalid_input");
    let contact = invoke(
        &w,
        "contact_add",
        json!({"personId": person["id"], "text": sam.to_text().unwrap(), "checked": "in_person"}),
    )
    .unwrap();
    assert_eq!(contact["sharing_code"], sam.sharing_code());
    assert_eq!(
        invoke(&w, "contacts_list", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let project = invoke(
        &w,
        "project_create",
        json!({"data": {
            "title": "Kingfisher", "organisation": "", "my_role": "Lead", "involvement": "run",
            "approach": "co_design", "status": "active", "start_date": null, "end_date": null,
            "lead_id": null, "rate_cards": [], "notes": "", "tags": []
        }}),
    )
    .unwrap();
    let meeting = invoke(
        &w,
        "meeting_create",
        json!({"data": {
            "project_id": project["id"], "kind": "co_design_workshop", "title": "Workshop one",
            "date": "2026-11-01", "start_time": null, "end_time": null, "place": "", "online": false,
            "attendees": [{"person_id": person["id"], "role": "patient_partner", "status": "attended"}],
            "agenda": [], "record_notes": "We met.", "private_notes": "Only mine: CANARY",
            "decisions": [], "stage": null, "felt_heard": null, "tags": []
        }}),
    )
    .unwrap();
    let request = json!({
        "what": {"kind": "session", "meeting_uid": meeting["uid"]},
        "to_person_ids": [person["id"]], "passphrase_copy": false, "delete_after": null
    });
    let preview = invoke(&w, "share_preview", json!({"request": request})).unwrap();
    assert!(preview["lines"][0]
        .as_str()
        .unwrap()
        .contains("Workshop one"));
    assert!(!preview.to_string().contains("CANARY"));
    assert_eq!(
        preview["payload"]["recipients"][0]["fingerprint"],
        sam.fingerprint()
    );

    let none = invoke(
        &w,
        "inbox_decide",
        json!({"decision": null, "passphrase": null}),
    )
    .unwrap_err();
    assert_eq!(none["field"], "file");
    assert_eq!(invoke(&w, "inbox_list", json!({})).unwrap(), json!([]));
    assert_eq!(invoke(&w, "sent_list", json!({})).unwrap(), json!([]));
    // The vault's own session came in no file.
    assert_eq!(
        invoke(
            &w,
            "record_origin",
            json!({"kind": "meeting", "id": meeting["id"]})
        )
        .unwrap(),
        Value::Null
    );
}

/// Files dropped on the window or given to the app: a spreadsheet (CSV or Excel) is read with
/// its columns, checked with problems by row, and imported all or nothing; an invitation fills
/// a new meeting; nothing is written until asked.
#[test]
fn spreadsheets_and_invitations_arrive_and_import_over_ipc() {
    use tauri::Manager;
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let w = app(dir.path());
    invoke(
        &w,
        "vault_create",
        json!({"passphrase": "maple harbour violin", "useKeyring": false}),
    )
    .unwrap();
    let arrive = |path: &std::path::Path| {
        assert!(w.state::<AppState>().file_arrived([path.to_path_buf()]));
    };
    let contributions = |w: &tauri::WebviewWindow<tauri::test::MockRuntime>| {
        invoke(w, "vault_status", json!({})).unwrap()["records"]["contributions"].clone()
    };

    // A CSV with a bad second row: the check lists it by line and nothing is written.
    let csv = files.path().join("log.csv");
    std::fs::write(
        &csv,
        "Date,Project,Hours spent\n21/01/2026,Panel,1.5\n31/02/2026,Panel,2\n",
    )
    .unwrap();
    assert_eq!(
        invoke(&w, "import_pending", json!({})).unwrap(),
        Value::Null
    );
    arrive(&csv);
    let chosen = invoke(&w, "import_pending", json!({})).unwrap();
    assert_eq!(chosen["name"], "log.csv");
    assert_eq!(chosen["format"], "csv");
    assert_eq!(
        chosen["columns"][2],
        json!({"column": "Hours spent", "field": null})
    );
    let mapping = json!([{"column": "Hours spent", "field": "meeting_hours"}]);
    let dry = invoke(
        &w,
        "import_run",
        json!({"mapping": mapping, "dryRun": true}),
    )
    .unwrap();
    assert_eq!(dry["problems"].as_array().unwrap().len(), 1, "{dry}");
    assert_eq!(dry["problems"][0]["line"], 3);
    assert_eq!(dry["problems"][0]["place"], "Date");
    let refused = invoke(
        &w,
        "import_run",
        json!({"mapping": mapping, "dryRun": false}),
    )
    .unwrap();
    assert_eq!(refused["written"], false);
    assert_eq!(contributions(&w), 0);

    // The same file put right: checked clean, then written.
    std::fs::write(
        &csv,
        "Date,Project,Hours spent\n21/01/2026,Panel,1.5\n28/02/2026,Panel,2\n",
    )
    .unwrap();
    let dry = invoke(
        &w,
        "import_run",
        json!({"mapping": mapping, "dryRun": true}),
    )
    .unwrap();
    assert_eq!(
        (
            dry["written"].clone(),
            dry["counts"]["contributions"].clone()
        ),
        (json!(false), json!(2))
    );
    assert_eq!(contributions(&w), 0, "a check writes nothing");
    let done = invoke(
        &w,
        "import_run",
        json!({"mapping": mapping, "dryRun": false}),
    )
    .unwrap();
    assert_eq!(done["written"], true);
    assert_eq!(contributions(&w), 2);
    assert_eq!(
        invoke(
            &w,
            "import_run",
            json!({"mapping": mapping, "dryRun": false})
        )
        .unwrap_err()["field"],
        "file",
        "an imported file is not imported twice"
    );

    // An Excel workbook: real date cells, checked then imported.
    let xlsx = files.path().join("log.xlsx");
    {
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let day = Format::new().set_num_format("dd/mm/yyyy");
        for (c, t) in ["Date", "Project", "Meeting minutes"].iter().enumerate() {
            sheet.write_string(0, c as u16, *t).unwrap();
        }
        let when = ExcelDateTime::from_ymd(2026, 3, 29).unwrap();
        sheet.write_datetime_with_format(1, 0, &when, &day).unwrap();
        sheet.write_string(1, 1, "Panel").unwrap();
        sheet.write_number(1, 2, 45).unwrap();
        book.save(&xlsx).unwrap();
    }
    arrive(&xlsx);
    let chosen = invoke(&w, "import_pending", json!({})).unwrap();
    assert_eq!(chosen["format"], "xlsx");
    let dry = invoke(&w, "import_run", json!({"mapping": [], "dryRun": true})).unwrap();
    assert_eq!(dry["problems"], json!([]));
    assert_eq!(dry["counts"]["contributions"], 1);
    invoke(&w, "import_run", json!({"mapping": [], "dryRun": false})).unwrap();
    assert_eq!(contributions(&w), 3);

    // A file of another kind is refused with a sentence.
    let odd = files.path().join("notes.txt");
    std::fs::write(&odd, "hello").unwrap();
    assert!(!w.state::<AppState>().file_arrived([odd]));

    // An invitation: read, nothing written.
    let ics = files.path().join("invite.ics");
    std::fs::write(
        &ics,
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Panel\r\n\
         DTSTART:20260331T130000Z\r\nDTEND:20260331T143000Z\r\nUID:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    )
    .unwrap();
    arrive(&ics);
    let meetings = invoke(&w, "vault_status", json!({})).unwrap()["records"]["meetings"].clone();
    let inv = invoke(&w, "invitation_pending", json!({})).unwrap();
    assert_eq!(
        (
            inv["date"].clone(),
            inv["start_time"].clone(),
            inv["end_time"].clone()
        ),
        (json!("2026-03-31"), json!("14:00"), json!("15:30"))
    );
    assert_eq!(
        invoke(&w, "invitation_pending", json!({})).unwrap(),
        Value::Null
    );
    assert_eq!(
        invoke(&w, "vault_status", json!({})).unwrap()["records"]["meetings"],
        meetings
    );

    // The spell-checking report answers (without a web view here: off, no languages).
    let spelling = invoke(&w, "spelling_status", json!({})).unwrap();
    assert_eq!(spelling, json!({"enabled": false, "languages": []}));
}

/// A new vault with one project, "Receipts", for `organisation`.
fn vault_with_project(
    dir: &std::path::Path,
    organisation: &str,
) -> (tauri::WebviewWindow<tauri::test::MockRuntime>, Value) {
    let w = app(dir);
    invoke(
        &w,
        "vault_create",
        json!({"passphrase": "maple harbour violin", "useKeyring": false}),
    )
    .unwrap();
    let project = invoke(
        &w,
        "project_create",
        json!({"data": {"title": "Receipts", "organisation": organisation, "my_role": "",
                        "approach": "co_production", "status": "active", "start_date": null,
                        "end_date": null, "lead_id": null, "rate_cards": [], "notes": "", "tags": []}}),
    )
    .unwrap();
    (w, project)
}

#[test]
fn attached_files_over_ipc_pasted_dropped_previewed_detached_and_counted() {
    use tauri::Manager;
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let (w, project) = vault_with_project(dir.path(), "");
    let meeting = invoke(
        &w,
        "meeting_create",
        json!({"data": {
            "project_id": project["id"], "kind": "co_design_workshop", "title": "Workshop", "date": "2026-02-01",
            "start_time": null, "end_time": null, "place": "", "online": false, "attendees": [], "agenda": [],
            "notes": "", "decisions": [], "you_said_we_did": "", "stage": null, "felt_heard": null, "tags": []
        }}),
    )
    .unwrap();
    let owner = json!({"ownerKind": "meeting", "ownerId": meeting["id"]});
    // A pasted picture: a real PNG, previewed as a data: URL.
    let png: &[u8] = &[
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0,
        0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde, 0, 0, 0, 0x0c, 0x49, 0x44,
        0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0, 0, 0x03, 0x01, 0x01, 0, 0x18, 0xdd,
        0x8d, 0xb0, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];
    let mut paste = owner.clone();
    paste["name"] = json!("Pasted image.png");
    paste["bytes"] = json!(png);
    let pasted = invoke(&w, "attachment_paste", paste).unwrap();
    assert_eq!(pasted["media_type"], "image/png");
    assert_eq!(pasted["has_preview"], true);
    let preview = invoke(&w, "attachment_preview", json!({"id": pasted["id"]})).unwrap();
    assert!(
        preview.as_str().unwrap().starts_with("data:image/"),
        "{preview}"
    );

    // Dropped while the meeting's files are shown: attached, not offered for import.
    let minutes = files.path().join("minutes.csv");
    std::fs::write(&minutes, "Item,Owner\nMinutes,Sam\n").unwrap();
    invoke(&w, "attachment_drop_target", json!({"on": true})).unwrap();
    assert!(w.state::<AppState>().file_dropped([minutes.clone()]));
    let dropped = invoke(&w, "attachment_dropped", owner.clone()).unwrap();
    assert_eq!(dropped[0]["name"], "minutes.csv");
    assert_eq!(dropped[0]["media_type"], "text/csv");
    assert_eq!(
        invoke(&w, "import_pending", json!({})).unwrap(),
        Value::Null
    );
    // With no files on screen the same drop goes to import as before.
    invoke(&w, "attachment_drop_target", json!({"on": false})).unwrap();
    assert!(w.state::<AppState>().file_dropped([minutes.clone()]));
    assert_eq!(
        invoke(&w, "attachment_dropped", owner.clone()).unwrap(),
        json!([])
    );
    assert_eq!(
        invoke(&w, "import_pending", json!({})).unwrap()["name"],
        "minutes.csv"
    );

    // Too large: refused with the core's sentence, nothing added.
    let big = files.path().join("film.mp4");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(51 * 1024 * 1024)
        .unwrap();
    invoke(&w, "attachment_drop_target", json!({"on": true})).unwrap();
    assert!(w.state::<AppState>().file_dropped([big]));
    let err = invoke(&w, "attachment_dropped", owner.clone()).unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    assert_eq!(
        invoke(&w, "attachment_list", owner.clone())
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // Detach and undo; the totals follow.
    invoke(&w, "attachment_detach", json!({"id": pasted["id"]})).unwrap();
    assert_eq!(
        invoke(&w, "attachment_list", owner.clone())
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    invoke(&w, "attachment_undo", json!({"id": pasted["id"]})).unwrap();
    let totals = invoke(&w, "attachment_totals", json!({})).unwrap();
    assert_eq!(totals["count"], 2);
    assert_eq!(totals["bytes"].as_u64().unwrap(), png.len() as u64 + 23);
    // Only contributions, meetings and reflections take files.
    let err = invoke(
        &w,
        "attachment_list",
        json!({"ownerKind": "project", "ownerId": project["id"]}),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input");
}

#[test]
fn claim_details_are_saved_per_organisation_and_lines_marked_only_when_asked_over_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let (w, project) = vault_with_project(dir.path(), "Leeds Trust");
    // An expense line sent without an id (as older windows did) gets one from the core.
    let work = invoke(
        &w,
        "contribution_create",
        json!({"data": {
            "project_id": project["id"], "meeting_id": null, "date": "2026-02-01", "activity": "meeting",
            "prep_minutes": 0, "meeting_minutes": 60, "travel_minutes": 0, "summary": "", "impact_said": "",
            "impact_changed": "", "impact_evidence": "", "feedback": "", "feedback_date": null,
            "fee_arrangement": "fee", "fee_pence": 2500, "claim_submitted_on": null, "paid_on": null,
            "expenses": [{"kind": "parking", "amount_pence": 350, "tenth_miles": null,
                          "pence_per_mile": null, "note": "Car park B"}],
            "tags": []
        }}),
    )
    .unwrap();
    let line = work["data"]["expenses"][0]["uid"].clone();
    assert_eq!(line.as_str().unwrap().len(), 36, "{work}");
    // A receipt pasted on the contribution, then said to be for that line.
    let receipt = invoke(
        &w,
        "attachment_paste",
        json!({"ownerKind": "contribution", "ownerId": work["id"], "name": "ticket.txt",
               "bytes": b"Car park B, 3.50".to_vec()}),
    )
    .unwrap();
    let placed = invoke(
        &w,
        "attachment_for_expense",
        json!({"id": receipt["id"], "expenseUid": line}),
    )
    .unwrap();
    assert_eq!(placed["expense_uid"], line);
    let err = invoke(
        &w,
        "attachment_for_expense",
        json!({"id": receipt["id"], "expenseUid": "0192e0a0-0000-7000-8000-000000000000"}),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid_input");
    let options = json!({"options": {
        "report": "claim", "format": "pdf",
        "selection": {"from": "2026-01-01", "to": "2026-03-31", "project_ids": [project["id"]],
                      "meeting_uid": null, "person_uid": null},
        "include_private": false, "names": "roles", "leave_out_money": false
    }});
    let empty = invoke(&w, "claim_details_get", options.clone()).unwrap();
    assert_eq!(empty["organisation"], "Leeds Trust");
    assert_eq!(empty["name"], "");
    let mut details = empty.clone();
    details["name"] = json!("Sam Patel");
    details["payee_reference_label"] = json!("Supplier number");
    invoke(&w, "claim_details_save", json!({"details": details})).unwrap();
    assert_eq!(
        invoke(&w, "claim_details_get", options.clone()).unwrap()["name"],
        "Sam Patel"
    );
    // The preview holds the line; nothing is marked until asked, then it is marked once.
    let preview = invoke(&w, "export_preview", options.clone()).unwrap();
    assert!(preview.to_string().contains("Supplier number"), "{preview}");
    assert_eq!(
        invoke(&w, "claim_mark_submitted", options.clone()).unwrap(),
        1
    );
    assert_eq!(
        invoke(&w, "claim_mark_submitted", options.clone()).unwrap(),
        0
    );
    let mut nameless = empty;
    nameless["organisation"] = json!("  ");
    let err = invoke(&w, "claim_details_save", json!({"details": nameless})).unwrap_err();
    assert_eq!(err["code"], "invalid_input");
}
