//! Replacing people's names with their roles everywhere in a report, free text included.
//! Matching ignores case and takes whole words only: "priya" and "PRIYA" are replaced,
//! "Shahid" is not replaced for "Shah".

use std::collections::HashMap;

use alongside_core::records::{Person, Stored};
use regex::Regex;

use crate::document::Document;

/// Parts of names that are also everyday words: replaced on their own only when written with
/// a capital letter, so "I will call" keeps its "will" while "Will said" becomes a role. A
/// whole name ("Will Hart") is always replaced, whatever its case.
const EVERYDAY_WORDS: &[&str] = &[
    "an", "as", "at", "be", "do", "go", "in", "is", "it", "me", "no", "of", "on", "or", "so", "to",
    "up", "us", "we", "and", "art", "bill", "can", "dawn", "fair", "faith", "grace", "guy", "hope",
    "iris", "ivy", "joy", "june", "lane", "may", "mark", "page", "pat", "ray", "rose", "sue",
    "the", "will", "young", "wood", "hill", "hall", "green", "white", "brown", "king", "long",
    "little", "rich", "sunny", "summer", "storm", "chase", "frank", "holly", "dale",
];

/// Finds names (whole names first, then each part of a name) and puts roles in their place.
pub struct Redactor {
    /// Case-insensitive: whole names and parts that are not everyday words.
    any_case: Option<Regex>,
    /// Case-sensitive: parts that are everyday words, as names are written (capitalised).
    capitalised: Option<Regex>,
    /// Lower-cased name → role.
    roles: HashMap<String, String>,
}

impl Redactor {
    /// Patterns for every person: their whole name, then each part of it.
    pub fn new(people: &[Stored<Person>]) -> Self {
        let mut any_case: Vec<String> = Vec::new();
        let mut capitalised: Vec<String> = Vec::new();
        let mut roles = HashMap::new();
        for p in people {
            let role = p
                .data
                .roles
                .first()
                .map_or("Someone", |r| r.label())
                .to_owned();
            let name = p.data.name.split_whitespace().collect::<Vec<_>>().join(" ");
            let name = name.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
            if name.is_empty() {
                continue;
            }
            roles
                .entry(name.to_lowercase())
                .or_insert_with(|| role.clone());
            any_case.push(name.clone());
            for part in name.split(|c: char| c.is_whitespace() || c == '-') {
                let part = part.trim_matches(|c: char| !c.is_alphanumeric());
                if part.is_empty() || part.chars().count() == name.chars().count() {
                    continue;
                }
                let lower = part.to_lowercase();
                roles.entry(lower.clone()).or_insert_with(|| role.clone());
                if EVERYDAY_WORDS.contains(&lower.as_str()) || part.chars().count() < 2 {
                    if part.starts_with(char::is_uppercase) {
                        capitalised.push(part.to_owned());
                    }
                } else {
                    any_case.push(part.to_owned());
                }
            }
        }
        Redactor {
            any_case: pattern(any_case, true),
            capitalised: pattern(capitalised, false),
            roles,
        }
    }

    /// Replaces every name in `text` (whole words only).
    pub fn text(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for re in [&self.any_case, &self.capitalised].into_iter().flatten() {
            if re.is_match(&out) {
                out = re
                    .replace_all(&out, |c: &regex::Captures<'_>| {
                        let found = c.get(0).map_or("", |m| m.as_str());
                        let found = found.split_whitespace().collect::<Vec<_>>().join(" ");
                        self.roles
                            .get(&found.to_lowercase())
                            .cloned()
                            .unwrap_or_else(|| "Someone".to_owned())
                    })
                    .into_owned();
            }
        }
        out
    }

    /// Replaces every name in every piece of the document.
    pub fn apply(&self, doc: &mut Document) {
        doc.for_each_text(|t| {
            let hit = [&self.any_case, &self.capitalised]
                .into_iter()
                .flatten()
                .any(|re| re.is_match(t));
            if hit {
                *t = self.text(t);
            }
        });
    }
}

/// One pattern matching any of `names` as a whole word (longest first, so "Priya Shah" wins
/// over "Priya"); `None` when there are no names.
fn pattern(mut names: Vec<String>, ignore_case: bool) -> Option<Regex> {
    if names.is_empty() {
        return None;
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    let alternatives: Vec<String> = names
        .iter()
        .map(|n| regex::escape(n).replace(' ', r"\s+"))
        .collect();
    // `\b` is a Unicode word boundary: a name never matches inside a longer word.
    let source = format!(
        r"{}\b(?:{})\b",
        if ignore_case { "(?i)" } else { "" },
        alternatives.join("|")
    );
    Regex::new(&source).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use alongside_core::records::choices::PersonRole;

    fn person(name: &str, role: PersonRole) -> Stored<Person> {
        Stored {
            id: 1,
            uid: String::new(),
            created_at: String::new(),
            updated_at: String::new(),
            data: Person {
                name: name.into(),
                roles: vec![role],
                ..Default::default()
            },
        }
    }

    #[test]
    fn names_become_roles_in_free_text() {
        let r = Redactor::new(&[
            person("Priya Shah", PersonRole::Researcher),
            person("Tom O'Neill", PersonRole::Chair),
        ]);
        assert_eq!(
            r.text("Priya Shah agreed; Priya said Tom would chase. Shahid and Tomorrow stay."),
            "Researcher agreed; Researcher said Chair would chase. Shahid and Tomorrow stay."
        );
        assert_eq!(r.text("O'Neill's point"), "Chair's point");
    }

    #[test]
    fn matching_ignores_case_and_covers_short_names() {
        let r = Redactor::new(&[
            person("Priya Shah", PersonRole::Researcher),
            person("Jo", PersonRole::PatientPartner),
            person("Al Reid", PersonRole::Chair),
        ]);
        assert_eq!(
            r.text("PRIYA SHAH and priya met jo; reid and Al agreed. Jonah and alpha stay."),
            "Researcher and Researcher met Patient partner; Chair and Chair agreed. Jonah and \
             alpha stay."
        );
    }

    #[test]
    fn everyday_words_in_names_are_replaced_only_as_names() {
        let r = Redactor::new(&[person("Will Hart", PersonRole::Researcher)]);
        assert_eq!(
            r.text("Will said he will call; will hart agreed. Hart too."),
            "Researcher said he will call; Researcher agreed. Researcher too."
        );
    }
}
