//! What every benchmark shares: figures, medians and percentiles, and the report
//! `target/bench/report.json` (a list of `{name, value, unit, target, pass}`) printed as a table.

#![allow(dead_code)]

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{json, Value};

/// The passphrase of every benchmark vault.
pub const PASSPHRASE: &str = "benchmark passphrase words";

/// A new, unlocked vault in a temporary folder.
pub async fn new_vault() -> (
    tempfile::TempDir,
    alongside_core::vault::Vault,
    alongside_core::SqlitePool,
) {
    let dir = tempfile::tempdir().unwrap();
    let vault = alongside_core::vault::Vault::new(dir.path());
    vault
        .create(&secrecy::SecretString::from(PASSPHRASE.to_owned()), false)
        .await
        .unwrap();
    let pool = vault.pool().await.unwrap();
    (dir, vault, pool)
}

/// One measured figure.
pub struct Figure {
    pub name: &'static str,
    pub value: f64,
    pub unit: &'static str,
    pub target: String,
    pub pass: bool,
}

impl Figure {
    /// A figure reported without a target.
    pub fn report(
        name: &'static str,
        value: f64,
        unit: &'static str,
        what: impl Into<String>,
    ) -> Self {
        Figure {
            name,
            value,
            unit,
            target: what.into(),
            pass: true,
        }
    }
}

pub fn median(v: Vec<f64>) -> f64 {
    percentile(v, 50.0)
}

/// The p-th percentile (nearest rank).
pub fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Merges the figures into the report (replacing same-named ones), prints the table and exits
/// non-zero when any figure missed its target.
pub fn finish(figures: &[Figure]) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("report.json");
    let mut entries: Vec<Value> = std::fs::read(&path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    entries.retain(|e| !figures.iter().any(|f| e["name"] == f.name));
    for f in figures {
        entries.push(json!({"name": f.name, "value": (f.value * 1000.0).round() / 1000.0, "unit": f.unit, "target": f.target, "pass": f.pass}));
    }
    std::fs::write(&path, serde_json::to_vec_pretty(&entries).unwrap()).unwrap();
    println!(
        "{:<28} {:>12} {:>5}  {:<36} result",
        "benchmark", "value", "unit", "target"
    );
    for f in figures {
        println!(
            "{:<28} {:>12.3} {:>5}  {:<36} {}",
            f.name,
            f.value,
            f.unit,
            f.target,
            if f.pass { "pass" } else { "MISS" }
        );
    }
    println!("report: {}", path.display());
    if figures.iter().any(|f| !f.pass) {
        std::process::exit(1);
    }
}
