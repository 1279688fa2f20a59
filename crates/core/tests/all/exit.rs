//! A process that ends while the vault's connections are still closing must end cleanly.
//! SQLCipher closes each connection on its own thread; OpenSSL's clean-up at exit once freed
//! its tables under such a thread and the process died with heap corruption (seen in CI, after
//! every test had passed).

use std::process::Command;

/// The child: opens a vault, uses several connections at once, drops them without locking and
/// exits straight away, so connections are still closing as the process ends.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "run by exit::ending_the_process_with_connections_still_closing_is_clean"]
async fn child_exits_while_connections_close() {
    let (_dir, vault, pool) = alongside_test_support::vault().await;
    // Enough written that closing the last connection has a large WAL to move into the
    // database, encrypting page after page as the process ends.
    sqlx::query("CREATE TABLE filler (text TEXT)")
        .execute(&pool)
        .await
        .unwrap();
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let pool = pool.clone();
        tasks.push(tokio::spawn(async move {
            sqlx::query(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) \
                 INSERT INTO filler SELECT hex(randomblob(200)) FROM n",
            )
            .execute(&pool)
            .await
            .unwrap()
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    drop(pool);
    drop(vault);
    let wait: u64 = std::env::var("EXIT_AFTER_MS").unwrap().parse().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(wait));
    std::process::exit(0);
}

#[test]
fn ending_the_process_with_connections_still_closing_is_clean() {
    let me = std::env::current_exe().unwrap();
    for run in 0..30 {
        let out = Command::new(&me)
            .env("EXIT_AFTER_MS", (run % 15).to_string())
            .args([
                "--exact",
                "exit::child_exits_while_connections_close",
                "--ignored",
                "--test-threads=1",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "run {run}: the process ended with {:?}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
