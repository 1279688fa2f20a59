//! Migrations of an existing vault make an encrypted copy first and keep it until they succeed.

use std::path::Path;

use alongside_core::paths::VaultPaths;
use alongside_core::vault::database::{self, MIGRATOR};
use alongside_core::vault::key::DataKey;
use sqlx::migrate::Migrator;

fn migrations_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations")
}

/// A migrator holding the real migrations up to `up_to`, plus any extra files.
async fn migrator(up_to: i64, extra: &[(&str, &str)]) -> (tempfile::TempDir, Migrator) {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(migrations_dir()).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let version: i64 = name.split('_').next().unwrap().parse().unwrap();
        if version <= up_to {
            std::fs::copy(entry.path(), dir.path().join(&name)).unwrap();
        }
    }
    for (name, sql) in extra {
        std::fs::write(dir.path().join(name), sql).unwrap();
    }
    let m = Migrator::new(dir.path()).await.unwrap();
    (dir, m)
}

/// The newest schema version the program knows.
fn latest() -> i64 {
    MIGRATOR.iter().map(|m| m.version).max().unwrap()
}

fn copies(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("before-upgrade"))
        .collect()
}

#[tokio::test]
async fn an_upgrade_copies_first_and_removes_the_copy_after_success() {
    let dir = tempfile::tempdir().unwrap();
    let paths = VaultPaths::new(dir.path());
    let key = DataKey::generate().unwrap();
    let pool = database::open_pool(&paths, &key, true).await.unwrap();
    let (_m_dir, old) = migrator(1, &[]).await;
    let report = database::migrate(&pool, &paths, &old).await.unwrap();
    assert_eq!(
        (report.from, report.to, report.copy_made),
        (None, Some(1), false)
    );

    let report = database::migrate(&pool, &paths, &MIGRATOR).await.unwrap();
    assert_eq!(
        (report.from, report.to, report.copy_made),
        (Some(1), Some(latest()), true)
    );
    assert!(copies(dir.path()).is_empty());

    let report = database::migrate(&pool, &paths, &MIGRATOR).await.unwrap();
    assert!(!report.copy_made, "nothing pending, no copy");
}

#[tokio::test]
async fn a_failed_upgrade_keeps_an_encrypted_copy_that_opens_with_the_same_key() {
    let dir = tempfile::tempdir().unwrap();
    let paths = VaultPaths::new(dir.path());
    let key = DataKey::generate().unwrap();
    let pool = database::open_pool(&paths, &key, true).await.unwrap();
    database::migrate(&pool, &paths, &MIGRATOR).await.unwrap();
    sqlx::query("INSERT INTO drafts VALUES ('d', 'SECRET-TEXT-42', 'x', 'x')")
        .execute(&pool)
        .await
        .unwrap();
    let broken_name = format!("{:04}_broken.sql", latest() + 1);
    let (_m_dir, broken) = migrator(latest(), &[(&broken_name, "CREATE TABLE broken (")]).await;
    let err = database::migrate(&pool, &paths, &broken).await.unwrap_err();
    assert_eq!(err.code(), alongside_core::ErrorCode::Storage);
    assert_eq!(
        copies(dir.path()),
        [format!("vault.before-upgrade-{}.db", latest())]
    );

    let copy = paths.pre_migration_copy(latest());
    let bytes = std::fs::read(&copy).unwrap();
    assert!(
        !bytes.starts_with(b"SQLite format 3"),
        "the copy must be encrypted"
    );
    assert!(!String::from_utf8_lossy(&bytes).contains("SECRET-TEXT-42"));

    // The copy opens with the vault's key and holds the data.
    let copy_dir = tempfile::tempdir().unwrap();
    std::fs::copy(&copy, copy_dir.path().join("vault.db")).unwrap();
    let copy_pool = database::open_pool(&VaultPaths::new(copy_dir.path()), &key, false)
        .await
        .unwrap();
    let body: String = sqlx::query_scalar("SELECT body FROM drafts WHERE id = 'd'")
        .fetch_one(&copy_pool)
        .await
        .unwrap();
    assert_eq!(body, "SECRET-TEXT-42");
    assert!(database::integrity(&copy_pool).await.unwrap().ok());
}

#[tokio::test]
async fn claim_pence_is_filled_in_for_contributions_saved_before_it_existed() {
    let dir = tempfile::tempdir().unwrap();
    let paths = VaultPaths::new(dir.path());
    let key = DataKey::generate().unwrap();
    let pool = database::open_pool(&paths, &key, true).await.unwrap();
    let (_m_dir, old) = migrator(4, &[]).await;
    database::migrate(&pool, &paths, &old).await.unwrap();
    sqlx::query(
        "INSERT INTO projects (id, created_at, updated_at, title, approach, status)
         VALUES (1, 'x', 'x', 'P', 'co_design', 'active')",
    )
    .execute(&pool)
    .await
    .unwrap();
    // Paid fee with expenses; a declined fee with expenses; an unpaid fee and nothing else.
    for (id, arrangement, fee, expenses) in [
        (1, "fee", 5000, 1240),
        (2, "declined", 5000, 300),
        (3, "unpaid", 2500, 0),
    ] {
        sqlx::query(
            "INSERT INTO contributions (id, created_at, updated_at, project_id, date, activity,
                 fee_arrangement, fee_pence, expenses_pence)
             VALUES (?, 'x', 'x', 1, '2026-01-05', 'meeting', ?, ?, ?)",
        )
        .bind(id)
        .bind(arrangement)
        .bind(fee)
        .bind(expenses)
        .execute(&pool)
        .await
        .unwrap();
    }
    database::migrate(&pool, &paths, &MIGRATOR).await.unwrap();
    let claims: Vec<(i64, i64)> =
        sqlx::query_as("SELECT id, claim_pence FROM contributions ORDER BY id")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(claims, [(1, 6240), (2, 300), (3, 0)]);
}

/// A vault written by the schema before the lead side (version 6) moves to the lead side with
/// every record kept: global ids, "I take part", old notes made private (and out of search),
/// the free-text "you said, we did" as one item, the register, the EBCD stage and the user's
/// own attendance where they logged time for the meeting.
#[tokio::test]
async fn the_lead_side_upgrade_keeps_every_record_and_makes_old_notes_private() {
    use alongside_core::records::choices::{AttendanceStatus, CoDesignStage, Involvement};
    use alongside_core::records::search::{self, Privacy};
    use alongside_core::records::{store, FeedbackItem, Meeting, Person, Project};

    let dir = tempfile::tempdir().unwrap();
    let paths = VaultPaths::new(dir.path());
    let key = DataKey::generate().unwrap();
    let pool = database::open_pool(&paths, &key, true).await.unwrap();
    let (_m_dir, old) = migrator(6, &[]).await;
    database::migrate(&pool, &paths, &old).await.unwrap();
    let stamp = "2025-03-01T10:00:00.000000Z";
    for sql in [
        "INSERT INTO people (id, name, roles, created_at, updated_at)
         VALUES (1, 'Priya Shah', '[\"researcher\"]', ?1, ?1)",
        "INSERT INTO projects (id, title, approach, status, created_at, updated_at)
         VALUES (1, 'Hip fracture', 'co_design', 'active', ?1, ?1)",
        "INSERT INTO meetings (id, project_id, kind, title, date, notes, you_said_we_did, stage,
                               created_at, updated_at)
         VALUES (1, 1, 'co_design_workshop', 'Workshop', '2025-03-01', 'zebracrossing worry',
                 'You said the form was long; we cut it.', 'gather_experiences', ?1, ?1)",
        "INSERT INTO meetings (id, project_id, kind, title, date, created_at, updated_at)
         VALUES (2, 1, 'steering_committee', 'Steering', '2025-04-01', ?1, ?1)",
        "INSERT INTO people (id, name, roles, created_at, updated_at)
         VALUES (2, 'Tom Reid', '[\"chair\"]', ?1, ?1)",
        "INSERT INTO meeting_attendees (meeting_id, person_id, role) VALUES (1, 1, 'researcher')",
        "INSERT INTO meeting_attendees (meeting_id, person_id, role) VALUES (1, 2, 'chair')",
        "INSERT INTO meeting_attendees (meeting_id, person_id, role) VALUES (2, 2, 'chair')",
        "INSERT INTO contributions (project_id, meeting_id, date, activity, fee_arrangement,
                                    created_at, updated_at)
         VALUES (1, 1, '2025-03-01', 'co_design', 'unpaid', ?1, ?1)",
    ] {
        sqlx::query(sql).bind(stamp).execute(&pool).await.unwrap();
    }
    let indexed: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM search_index WHERE search_index MATCH 'zebracrossing'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(indexed, 1, "found before the upgrade");

    database::migrate(&pool, &paths, &MIGRATOR).await.unwrap();

    let person = store::get::<Person>(&pool, 1).await.unwrap();
    let project = store::get::<Project>(&pool, 1).await.unwrap();
    let workshop = store::get::<Meeting>(&pool, 1).await.unwrap();
    let steering = store::get::<Meeting>(&pool, 2).await.unwrap();
    let mut uids = vec![&person.uid, &project.uid, &workshop.uid, &steering.uid];
    for uid in &uids {
        let parsed = uuid::Uuid::parse_str(uid).unwrap();
        assert_eq!(parsed.get_version_num(), 7, "{uid}");
        // The id's time is when the record was made.
        let (secs, _) = parsed.get_timestamp().unwrap().to_unix();
        assert_eq!(secs, 1_740_823_200);
    }
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), 4, "every uid is its own");
    assert_eq!(project.data.involvement, Involvement::TakePart);
    assert_eq!(workshop.data.private_notes, "zebracrossing worry");
    assert_eq!(workshop.data.record_notes, "");
    // The app says so once: the notice is pending until dismissed.
    use alongside_core::records::notices::{self, NoticeKind};
    let pending = notices::pending(&pool).await.unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].kind, NoticeKind::NotesBecamePrivate);
    notices::dismiss(&pool, NoticeKind::NotesBecamePrivate)
        .await
        .unwrap();
    assert!(notices::pending(&pool).await.unwrap().is_empty());
    assert_eq!(workshop.data.stage, Some(CoDesignStage::PatientExperiences));
    assert_eq!(
        workshop.data.attendees[0].status,
        AttendanceStatus::Attended
    );
    assert!(workshop.data.attendees[0].uid.is_some());
    assert_eq!(
        workshop.data.my_attendance,
        Some(AttendanceStatus::Attended)
    );
    assert_eq!(
        steering.data.my_attendance, None,
        "no time logged: not recorded"
    );
    let items: Vec<alongside_core::records::Stored<FeedbackItem>> = {
        let mut conn = pool.acquire().await.unwrap();
        store::all(&mut conn).await.unwrap()
    };
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].data.meeting_id, 1);
    assert_eq!(
        items[0].data.we_did,
        "You said the form was long; we cut it."
    );
    assert!(
        search::search(&pool, "zebracrossing", 10, Privacy::IncludePrivate)
            .await
            .unwrap()
            .is_empty(),
        "private notes are not searchable"
    );
    assert_eq!(
        search::search(&pool, "Workshop", 10, Privacy::IncludePrivate)
            .await
            .unwrap()
            .len(),
        1,
        "the meeting itself still is"
    );
}
