//! Rebuilds the core when a migration changes: `sqlx::migrate!` reads the folder at compile
//! time, and stable Rust does not notice new or renamed files there by itself.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
