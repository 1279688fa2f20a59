//! Replacing people's names with their roles everywhere in a report, free text included.

use alongside_core::records::{Person, Stored};

use crate::document::Document;

/// Shortest part of a name replaced on its own ("Al" is left; "Priya" is replaced).
const MIN_PART: usize = 3;

/// Finds names (whole names first, then each part of a name) and puts roles in their place.
pub struct Redactor {
    patterns: Vec<(String, String)>,
}

impl Redactor {
    /// Patterns for every person: their whole name, then each capitalised part of it.
    pub fn new(people: &[Stored<Person>]) -> Self {
        let mut whole = Vec::new();
        let mut parts = Vec::new();
        for p in people {
            let role = p
                .data
                .roles
                .first()
                .map_or("Someone", |r| r.label())
                .to_owned();
            let name = p.data.name.trim();
            if name.is_empty() {
                continue;
            }
            whole.push((name.to_owned(), role.clone()));
            for part in name.split(|c: char| c.is_whitespace() || c == '-') {
                let part = part.trim_matches(|c: char| !c.is_alphanumeric());
                if part.chars().count() >= MIN_PART && part.starts_with(char::is_uppercase) {
                    parts.push((part.to_owned(), role.clone()));
                }
            }
        }
        whole.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
        parts.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
        whole.extend(parts);
        Redactor { patterns: whole }
    }

    /// Replaces every name in `text` (whole words only).
    pub fn text(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for (name, role) in &self.patterns {
            out = replace_word(&out, name, role);
        }
        out
    }

    /// Replaces every name in every piece of the document.
    pub fn apply(&self, doc: &mut Document) {
        doc.for_each_text(|t| {
            if self
                .patterns
                .iter()
                .any(|(name, _)| t.contains(name.as_str()))
            {
                *t = self.text(t);
            }
        });
    }
}

fn replace_word(text: &str, word: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(word) {
        let before = rest.get(..at).and_then(|b| b.chars().next_back());
        let after = rest.get(at + word.len()..).and_then(|a| a.chars().next());
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        out.push_str(rest.get(..at).unwrap_or(""));
        if boundary(before) && boundary(after) {
            out.push_str(with);
        } else {
            out.push_str(word);
        }
        rest = rest.get(at + word.len()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use alongside_core::records::enums::PersonRole;

    fn person(name: &str, role: PersonRole) -> Stored<Person> {
        Stored {
            id: 1,
            created_at: String::new(),
            updated_at: String::new(),
            data: Person {
                name: name.into(),
                roles: vec![role],
                organisation: String::new(),
                notes: String::new(),
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
}
