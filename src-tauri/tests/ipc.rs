//! The real commands through Tauri's IPC, with the real config and capabilities, on a real
//! encrypted vault in a temporary folder.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

use alongside_app::state::AppState;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

fn app(dir: &std::path::Path) -> tauri::WebviewWindow<tauri::test::MockRuntime> {
    let specta = alongside_app::specta_builder::<tauri::test::MockRuntime>();
    let app =
        alongside_app::with_commands(mock_builder(), AppState::new(dir.to_path_buf()), specta)
            .build(tauri::generate_context!("tauri.conf.json", test = true))
            .unwrap();
    let w = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    std::mem::forget(app);
    w
}

fn invoke(
    w: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().unwrap())
}

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

    let bad = json!({"current": "not it at all", "newPassphrase": "a whole new passphrase"});
    assert_eq!(
        code(invoke(&w, "passphrase_change", bad)),
        "wrong_passphrase"
    );
    let good =
        json!({"current": "maple harbour violin", "newPassphrase": "a whole new passphrase"});
    invoke(&w, "passphrase_change", good).unwrap();
    let code_now = invoke(
        &w,
        "recovery_code_new",
        json!({"current": "a whole new passphrase"}),
    )
    .unwrap();
    assert_eq!(code_now.as_str().unwrap().len(), 29);
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
