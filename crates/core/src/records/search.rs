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
const PER_KIND: u32 = 300;
/// The search index's rowid is the kind's number shifted by this many bits, plus the id.
const KIND_SHIFT: u32 = 40;

const HIT_START: char = '\u{E000}';
const HIT_END: char = '\u{E001}';

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

fn split_snippet(marked: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut hit = false;
    let mut current = String::new();
    for ch in marked.chars() {
        if ch == HIT_START || ch == HIT_END {
            if !current.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut current),
                    hit,
                });
            }
            hit = ch == HIT_START;
        } else {
            current.push(ch);
        }
    }
    if !current.is_empty() {
        parts.push(SnippetPart { text: current, hit });
    }
    parts
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
    let Some(query) = fts_query(text) else {
        return Ok(Vec::new());
    };
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
    let mut conn = pool.acquire().await?;
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
    let detail = format!(
        "SELECT title, date, private,
                snippet(search_index, -1, '{HIT_START}', '{HIT_END}', '…', 16)
         FROM search_index WHERE search_index MATCH ? AND rowid = ?"
    );
    let mut hits = Vec::with_capacity(rowids.len());
    for rowid in rowids {
        let row: Option<(String, Option<String>, i64, String)> = sqlx::query_as(&detail)
            .bind(&query)
            .bind(rowid)
            .fetch_optional(&mut *conn)
            .await?;
        let (Some((title, date, private, snippet)), Some(kind)) =
            (row, RecordKind::from_search_number(rowid >> KIND_SHIFT))
        else {
            continue;
        };
        hits.push(SearchHit {
            kind,
            id: rowid & ((1 << KIND_SHIFT) - 1),
            title: short_title(&title),
            date,
            snippet: split_snippet(&snippet),
            private: private != 0,
        });
    }
    Ok(hits)
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
    fn snippets_split_into_parts() {
        let parts = split_snippet("we \u{E000}agreed\u{E001} to <b>act</b>");
        assert_eq!(parts.len(), 3);
        assert!(parts[1].hit && parts[1].text == "agreed");
        assert_eq!(parts[2].text, " to <b>act</b>");
    }
}
