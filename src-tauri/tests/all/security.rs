//! Fails if the app's security settings loosen (docs/security.md).

use serde_json::Value;
use std::path::PathBuf;

fn src_tauri() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: PathBuf) -> Value {
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn commands() -> Vec<String> {
    let text = std::fs::read_to_string(src_tauri().join("src/command_names.in")).unwrap();
    text.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn there_is_one_config_at_the_repository_root() {
    let root = src_tauri().join("../tauri.conf.json");
    let meta = std::fs::symlink_metadata(&root).unwrap();
    assert!(meta.is_file(), "tauri.conf.json must be a file, not a link");
    // The copy where Tauri looks is build.rs's: a plain file with the same bytes, never a link
    // (links break on Windows checkouts) and never edited on its own.
    let copy = src_tauri().join("tauri.conf.json");
    let meta = std::fs::symlink_metadata(&copy).unwrap();
    assert!(
        meta.is_file(),
        "src-tauri/tauri.conf.json must be a copy, not a link"
    );
    assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&root).unwrap());
    for dir in [src_tauri(), src_tauri().join("..")] {
        for other in [
            "tauri.conf.json5",
            "Tauri.toml",
            "tauri.linux.conf.json",
            "tauri.windows.conf.json",
            "tauri.macos.conf.json",
        ] {
            assert!(
                std::fs::symlink_metadata(dir.join(other)).is_err(),
                "{other} must not exist: the top-level tauri.conf.json is the only config"
            );
        }
    }
}

#[test]
fn window_and_global_settings_are_locked_down() {
    let conf = read_json(src_tauri().join("../tauri.conf.json"));
    let app = &conf["app"];
    assert_eq!(app["withGlobalTauri"], false);
    assert_eq!(app["security"]["freezePrototype"], true);
    assert!(app["security"]
        .get("dangerousDisableAssetCspModification")
        .is_none());
    assert!(app["security"].get("assetProtocol").is_none());
    assert_eq!(
        app["security"]["capabilities"],
        serde_json::json!(["main-window"])
    );
    let windows = app["windows"].as_array().unwrap();
    assert_eq!(windows.len(), 1);
    assert_eq!(windows[0]["label"], "main");
    assert_eq!(windows[0]["title"], "Alongside");
    assert!(conf
        .get("plugins")
        .is_none_or(|p| p.as_object().is_none_or(|o| o.is_empty())));
}

#[test]
fn content_security_policy_is_strict() {
    let conf = read_json(src_tauri().join("../tauri.conf.json"));
    let csp = conf["app"]["security"]["csp"].as_object().unwrap();
    let get = |k: &str| csp.get(k).and_then(Value::as_str).unwrap_or("");
    assert_eq!(get("default-src"), "'self'");
    assert_eq!(get("script-src"), "'self'");
    assert_eq!(get("style-src"), "'self'");
    assert_eq!(get("object-src"), "'none'");
    assert_eq!(get("frame-ancestors"), "'none'");
    assert_eq!(get("connect-src"), "ipc: http://ipc.localhost");
    for (k, v) in csp {
        let v = v.as_str().unwrap();
        for bad in [
            "unsafe-inline",
            "unsafe-eval",
            "*",
            "https:",
            "http:",
            "wasm-unsafe-eval",
        ] {
            assert!(
                !v.split_whitespace()
                    .any(|t| t.contains(bad) && t != "http://ipc.localhost"),
                "{k} allows {bad}"
            );
        }
    }
}

#[test]
fn capabilities_grant_the_main_window_one_permission_per_command_and_no_plugins() {
    let dir = src_tauri().join("capabilities");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "exactly one capability file: {files:?}");
    let cap = read_json(files[0].clone());
    assert_eq!(cap["identifier"], "main-window");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    assert!(
        cap.get("remote").is_none(),
        "no remote URLs may call commands"
    );
    assert!(cap.get("webviews").is_none());
    let perms: Vec<String> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_str()
                .expect("permissions are plain identifiers")
                .to_owned()
        })
        .collect();
    let allowed_core = ["core:event:allow-listen", "core:event:allow-unlisten"];
    let mut expected: Vec<String> = commands()
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    expected.extend(allowed_core.iter().map(|s| s.to_string()));
    let (mut got, mut want) = (perms.clone(), expected);
    got.sort();
    want.sort();
    assert_eq!(
        got, want,
        "one allow-<command> per command, and only the event listeners"
    );
    for p in &perms {
        assert!(!p.ends_with(":default"), "{p}: no default permission sets");
        for plugin in ["fs:", "shell:", "http:", "process:", "opener:", "dialog:"] {
            assert!(!p.starts_with(plugin), "{p} exposes a plugin to the UI");
        }
    }
}

#[test]
fn every_registered_command_is_listed_for_permissions() {
    let bindings =
        std::fs::read_to_string(src_tauri().join("../").join(alongside_app::BINDINGS_PATH))
            .unwrap();
    let mut invoked: Vec<String> = bindings
        .split("__TAURI_INVOKE")
        .skip(1)
        .filter_map(|s| s.split_once("(\"")) // `__TAURI_INVOKE("x"` or `__TAURI_INVOKE<T>("x"`
        .map(|(_, rest)| rest.split('"').next().unwrap().to_owned())
        .collect();
    let mut listed = commands();
    invoked.sort();
    listed.sort();
    assert_eq!(invoked, listed);
}
