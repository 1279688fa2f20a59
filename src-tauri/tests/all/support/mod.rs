//! What the IPC tests share: the app with its real commands, config and capabilities on the
//! mock runtime, and one call through Tauri's IPC.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // tests may panic

pub mod speech;

use alongside_app::state::AppState;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindowBuilder;

/// The app's main window over a data folder.
pub fn app(dir: &std::path::Path) -> tauri::WebviewWindow<tauri::test::MockRuntime> {
    app_with(AppState::new(dir.to_path_buf()))
}

/// The app's main window with the given state.
pub fn app_with(state: AppState) -> tauri::WebviewWindow<tauri::test::MockRuntime> {
    let specta = alongside_app::specta_builder::<tauri::test::MockRuntime>();
    let app = alongside_app::with_commands(mock_builder(), state, specta)
        .build(tauri::generate_context!("tauri.conf.json", test = true))
        .unwrap();
    let w = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    std::mem::forget(app);
    w
}

/// Calls `cmd` with `args` as the window would.
pub fn invoke(
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
