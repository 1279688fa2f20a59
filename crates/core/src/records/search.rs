//! Full-text search over titles, notes, contributions, the impact log, decisions and
//! reflections (SQLite FTS5, kept in step by triggers), ranked, with highlighted snippets
//! returned as plain-text parts so no record text is ever treated as HTML.

use serde::Serialize;
use specta::Type;
use sqlx::SqlitePool;

use super::RecordKind;
use crate::error::{CoreError, CoreResult};

/// Most results in one search.
pub const MAX_RESULTS: u32 = 200;
/// Longest query accepted, in characters.
pub const MAX_QUERY: usize = 200;

/// Matches ranked per kind, newest first.
const PER_KIND: u32 = 100;
/// The search index's rowid is the kind's number shifted by this many bits, plus the id.
const KIND_SHIFT: u32 = 40;

/// Part of a snippet: plain text, highlighted when it matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SnippetPart {
    /// The text.
    pub text: String,
    /// Whether this part matched the search.
    pub hit: bool,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct SearchHit {
    /// What kind of record it is.
    pub kind: RecordKind,
    /// The record's id.
    pub id: i64,
    /// Its global id.
    pub uid: String,
    /// Its title (for contributions, the start of "what I contributed").
    pub title: String,
    /// Its date, when it has one.
    pub date: Option<String>,
    /// The best-matching passage, with the matches marked.
    pub snippet: Vec<SnippetPart>,
    /// Whether it is a private reflection.
    pub private: bool,
}

/// Whether private reflections may appear in the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Privacy {
    /// Inside the app: private reflections are found too.
    IncludePrivate,
    /// Anywhere else (the command line): private reflections are left out.
    LeaveOutPrivate,
}

/// Turns what the person typed into a safe FTS5 query: every word must match, the last one as
/// a prefix (so results appear while typing). FTS5 operators in the text have no effect.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| format!("\"{w}\""))
        .collect();
    let (last, rest) = words.split_last()?;
    let mut query = rest.join(" ");
    if !query.is_empty() {
        query.push(' ');
    }
    query.push_str(last);
    query.push('*');
    Some(query)
}

fn short_title(title: &str) -> String {
    const MAX: usize = 80;
    let line = title.lines().next().unwrap_or("").trim();
    if line.chars().count() <= MAX {
        line.to_owned()
    } else {
        let cut: String = line.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Searches everything, best matches first.
pub async fn search(
    pool: &SqlitePool,
    text: &str,
    limit: u32,
    privacy: Privacy,
) -> CoreResult<Vec<SearchHit>> {
    if text.chars().count() > MAX_QUERY {
        return Err(CoreError::invalid(
            "query",
            "Search for fewer words (under 200 characters).",
        ));
    }
    if !(1..=MAX_RESULTS).contains(&limit) {
        return Err(CoreError::invalid(
            "limit",
            format!("Ask for 1 to {MAX_RESULTS} results."),
        ));
    }
    let Some(mut query) = fts_query(text) else {
        return Ok(Vec::new());
    };
    let mut conn = pool.acquire().await?;
    let words = query_words(text);
    if let Some(last) = words.last() {
        match expand_prefix(&mut conn, last).await? {
            Expansion::Terms(terms) if terms.is_empty() => return Ok(Vec::new()),
            Expansion::Terms(terms) => {
                let alternatives: Vec<String> = terms.iter().map(|t| format!("\"{t}\"")).collect();
                let rest: Vec<String> = words[..words.len() - 1]
                    .iter()
                    .map(|w| format!("\"{w}\""))
                    .collect();
                let mut all = rest;
                all.push(format!("({})", alternatives.join(" OR ")));
                query = all.join(" AND ");
            }
            Expansion::TooMany => {}
        }
    }
    let private_filter = match privacy {
        Privacy::IncludePrivate => "",
        Privacy::LeaveOutPrivate => "AND private = 0",
    };
    // Each kind is one rowid range of the index. Ranking every match of a common word is what
    // makes a search slow, so each kind ranks at most its newest `PER_KIND` matches; the best
    // of those across kinds are kept, and only they get a snippet.
    let ranked = format!(
        "SELECT rowid, bm25(search_index, 4.0, 1.0) FROM search_index
         WHERE search_index MATCH ? AND rowid BETWEEN ? AND ? {private_filter}
         ORDER BY rowid DESC LIMIT {PER_KIND}"
    );
    let mut scored: Vec<(i64, f64)> = Vec::new();
    for kind in RecordKind::ALL {
        let low = kind.search_number() << KIND_SHIFT;
        let rows: Vec<(i64, f64)> = sqlx::query_as(&ranked)
            .bind(&query)
            .bind(low)
            .bind(low + (1 << KIND_SHIFT) - 1)
            .fetch_all(&mut *conn)
            .await?;
        scored.extend(rows);
    }
    scored.sort_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
    let rowids: Vec<i64> = scored
        .into_iter()
        .take(limit as usize)
        .map(|(r, _)| r)
        .collect();
    // The text of just the best hits, read by rowid (no full-text matching needed), and their
    // snippets made here from the query's words.
    let mut hits = Vec::with_capacity(rowids.len());
    for rowid in rowids {
        let row: Option<(String, String, Option<String>, i64)> =
            sqlx::query_as("SELECT title, body, date, private FROM search_index WHERE rowid = ?")
                .bind(rowid)
                .fetch_optional(&mut *conn)
                .await?;
        let (Some((title, body, date, private)), Some(kind)) =
            (row, RecordKind::from_search_number(rowid >> KIND_SHIFT))
        else {
            continue;
        };
        let mut snippet = snippet_of(&body, &words);
        if !snippet.iter().any(|p| p.hit) {
            snippet = snippet_of(&title, &words);
        }
        let id = rowid & ((1 << KIND_SHIFT) - 1);
        let uid: String =
            sqlx::query_scalar(&format!("SELECT uid FROM {} WHERE id = ?", kind.table()))
                .bind(id)
                .fetch_one(&mut *conn)
                .await?;
        hits.push(SearchHit {
            kind,
            id,
            uid,
            title: short_title(&title),
            date,
            snippet,
            private: private != 0,
        });
    }
    Ok(hits)
}

/// Most words a typed prefix is expanded into before falling back to an FTS5 prefix query.
const MAX_EXPANSION: i64 = 40;

/// What a prefix expands into.
enum Expansion {
    /// The indexed words that start with it (none: nothing can match).
    Terms(Vec<String>),
    /// Too many words, or text the expansion cannot fold like the index does.
    TooMany,
}

/// The indexed words starting with `prefix` (ASCII only: other text is left to FTS5, which
/// folds case and accents itself).
async fn expand_prefix(conn: &mut sqlx::SqliteConnection, prefix: &str) -> CoreResult<Expansion> {
    if !prefix.is_ascii() {
        return Ok(Expansion::TooMany);
    }
    let terms: Vec<String> = sqlx::query_scalar(
        "SELECT term FROM search_terms WHERE term >= ?1 AND term < ?1 || '~' ORDER BY term LIMIT ?2",
    )
    .bind(prefix)
    .bind(MAX_EXPANSION + 1)
    .fetch_all(&mut *conn)
    .await?;
    let terms: Vec<String> = terms
        .into_iter()
        .filter(|t| t.starts_with(prefix))
        .collect();
    if terms.len() as i64 > MAX_EXPANSION {
        Ok(Expansion::TooMany)
    } else {
        Ok(Expansion::Terms(terms))
    }
}

/// The words of a query, lower case; the last one matches as a prefix.
fn query_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(str::to_lowercase)
        .collect()
}

/// About sixteen words around the first match in `text`, with every matching word marked. The
/// last query word matches as a prefix, as in the search itself.
fn snippet_of(text: &str, words: &[String]) -> Vec<SnippetPart> {
    const SNIPPET_WORDS: usize = 16;
    let matches = |token: &str| {
        let t = token.to_lowercase();
        words.iter().enumerate().any(|(i, w)| {
            if i + 1 == words.len() {
                t.starts_with(w.as_str())
            } else {
                t == *w
            }
        })
    };
    // Runs of word and non-word characters, with their byte ranges.
    let mut tokens: Vec<(usize, usize, bool)> = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let word_char = c.is_alphanumeric();
        if i > 0 && word_char != in_word {
            tokens.push((start, i, in_word));
            start = i;
        }
        in_word = word_char;
    }
    if start < text.len() {
        tokens.push((start, text.len(), in_word));
    }
    let word_positions: Vec<usize> = (0..tokens.len()).filter(|&i| tokens[i].2).collect();
    let first_hit = word_positions
        .iter()
        .position(|&i| matches(&text[tokens[i].0..tokens[i].1]))
        .unwrap_or(0);
    let from_word = first_hit.saturating_sub(SNIPPET_WORDS / 4);
    let to_word = (from_word + SNIPPET_WORDS).min(word_positions.len());
    let (Some(&first), Some(&last)) = (
        word_positions.get(from_word),
        word_positions.get(to_word.saturating_sub(1)),
    ) else {
        return Vec::new();
    };
    let mut parts: Vec<SnippetPart> = Vec::new();
    if from_word > 0 {
        parts.push(SnippetPart {
            text: "…".into(),
            hit: false,
        });
    }
    for &(a, b, is_word) in &tokens[first..=last] {
        let piece = &text[a..b];
        let hit = is_word && matches(piece);
        match parts.last_mut() {
            Some(p) if !p.hit && !hit => p.text.push_str(piece),
            _ => parts.push(SnippetPart {
                text: piece.to_owned(),
                hit,
            }),
        }
    }
    if to_word < word_positions.len() {
        parts.push(SnippetPart {
            text: "…".into(),
            hit: false,
        });
    }
    parts
}

/// Merges the search index into one segment. Worth doing after writing many records at once
/// (demo data, an import): searches of common words then read far fewer pages.
pub async fn optimise(conn: &mut sqlx::SqliteConnection) -> CoreResult<()> {
    sqlx::query("INSERT INTO search_index(search_index) VALUES ('optimize')")
        .execute(&mut *conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_quoted_words() {
        assert_eq!(
            fts_query("steering  comm").as_deref(),
            Some("\"steering\" \"comm\"*")
        );
        assert_eq!(
            fts_query("NOT OR \"x\" AND*").as_deref(),
            Some("\"NOT\" \"OR\" \"x\" \"AND\"*")
        );
        assert_eq!(fts_query("  -- ** "), None);
    }

    #[test]
    fn snippets_mark_every_match_as_plain_text() {
        let words = query_words("agreed act");
        let parts = snippet_of("we agreed to <b>act</b> and acted", &words);
        let hits: Vec<&str> = parts
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(hits, ["agreed", "act", "acted"]);
        let all: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(all, "we agreed to <b>act</b> and acted");
        let long = format!("{} needle {}", "word ".repeat(40), "tail ".repeat(40));
        let parts = snippet_of(&long, &query_words("needle"));
        assert!(parts.first().unwrap().text.starts_with('…'));
        assert!(parts.iter().any(|p| p.hit && p.text == "needle"));
        assert!(snippet_of("", &words).is_empty());
    }
}
