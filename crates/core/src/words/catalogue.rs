//! The message catalogues: every sentence the core and the reports write for people, in each
//! language, read from the same Fluent (`.ftl`) files the window uses (`locales/<tag>/`).
//! See docs/translation.md for how to correct or add a translation.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use intl_memoizer::concurrent::IntlLangMemoizer;

use super::Language;

/// The catalogue files the core reads, per language (the window's own are in the same folders).
const FILES: [(Language, &str, &str); 4] = [
    (
        Language::EnGb,
        "choices.ftl",
        include_str!("../../../../locales/en-GB/choices.ftl"),
    ),
    (
        Language::EnGb,
        "reports.ftl",
        include_str!("../../../../locales/en-GB/reports.ftl"),
    ),
    (
        Language::Cy,
        "choices.ftl",
        include_str!("../../../../locales/cy/choices.ftl"),
    ),
    (
        Language::Cy,
        "reports.ftl",
        include_str!("../../../../locales/cy/reports.ftl"),
    ),
];

/// A value put into a message: words, or a number (which also picks the plural form).
#[derive(Debug, Clone)]
pub enum Arg {
    /// Words, shown as they are.
    Text(String),
    /// A whole number, shown with thousands grouped ("1,234").
    Number(i64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(i64::from(n))
    }
}

struct Catalogue {
    bundles: HashMap<Language, FluentBundle<FluentResource>>,
    /// Every message without arguments, formatted once, so labels can be `&'static str`.
    plain: HashMap<(Language, String), String>,
}

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(load)
}

fn load() -> Catalogue {
    let mut bundles = HashMap::new();
    // Each language's message ids, read while its files are parsed (for the plain texts).
    let mut names = Vec::new();
    for lang in Language::ALL {
        // Plural rules are looked up by the language alone ("en", not "en-GB").
        let id = lang
            .tag()
            .split('-')
            .next()
            .unwrap_or("en")
            .parse()
            .unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Plain text everywhere (reports, notifications): no bidirectional isolation marks.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(group_numbers));
        let mut ids = Vec::new();
        for resource in resources(lang) {
            ids.extend(message_ids(&resource));
            let _ = bundle.add_resource(resource);
        }
        bundles.insert(lang, bundle);
        names.push((lang, ids));
    }
    let mut plain = HashMap::new();
    for (lang, ids) in names {
        for id in ids {
            if let Some(text) = format_in(&bundles, lang, &id, None) {
                plain.insert((lang, id), text);
            }
        }
    }
    Catalogue { bundles, plain }
}

/// Numbers as the reports write them: whole numbers with thousands grouped.
fn group_numbers(value: &FluentValue, _: &IntlLangMemoizer) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 1e15 => {
            #[allow(clippy::cast_possible_truncation)]
            let whole = n.value as i64;
            Some(crate::records::money::group_thousands(whole))
        }
        _ => None,
    }
}

/// A language's files, parsed. A broken file is caught by the catalogue tests; what parses is
/// still used.
fn resources(lang: Language) -> Vec<FluentResource> {
    FILES
        .iter()
        .filter(|(l, _, _)| *l == lang)
        .map(|(_, _, source)| {
            FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(r, _)| r)
        })
        .collect()
}

/// The ids of the messages in one parsed file, in order.
fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// The ids of every message in a language's files, in file order.
pub fn ids(lang: Language) -> Vec<String> {
    resources(lang).iter().flat_map(message_ids).collect()
}

fn format_in(
    bundles: &HashMap<Language, FluentBundle<FluentResource>>,
    lang: Language,
    id: &str,
    args: Option<&FluentArgs>,
) -> Option<String> {
    let bundle = bundles.get(&lang)?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// A message without arguments in `lang` (English when the language lacks it; the id itself
/// when no catalogue has it, which the catalogue tests forbid).
pub fn text(lang: Language, id: &str) -> &'static str {
    let plain = &catalogue().plain;
    plain
        .get(&(lang, id.to_owned()))
        .or_else(|| plain.get(&(Language::EnGb, id.to_owned())))
        .map_or_else(|| missing(id), String::as_str)
}

/// A message with arguments in `lang`, falling back to English as [`text`] does.
pub fn say(lang: Language, id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(t) => fluent.set(*name, FluentValue::from(t.clone())),
            Arg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
        }
    }
    let bundles = &catalogue().bundles;
    format_in(bundles, lang, id, Some(&fluent))
        .or_else(|| format_in(bundles, Language::EnGb, id, Some(&fluent)))
        .unwrap_or_else(|| missing(id).to_owned())
}

fn missing(id: &str) -> &'static str {
    tracing::warn!(id, "a message is missing from every catalogue");
    "…"
}

/// Whether `lang`'s catalogue has a message (for the catalogue tests).
pub fn has(lang: Language, id: &str) -> bool {
    catalogue()
        .bundles
        .get(&lang)
        .is_some_and(|b| b.has_message(id))
}

/// Problems reading the catalogue files: syntax errors and ids defined twice.
pub fn problems() -> Vec<String> {
    let mut out = Vec::new();
    for (lang, file, source) in FILES {
        if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
            out.push(format!("{}/{file}: {errors:?}", lang.tag()));
        }
    }
    for lang in Language::ALL {
        let mut seen = std::collections::HashSet::new();
        for id in ids(lang) {
            if !seen.insert(id.clone()) {
                out.push(format!("{}: {id} is defined twice", lang.tag()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    //! Catalogue completeness, over every `.ftl` file of the app and the core (read from disk,
    //! so the window's own files are checked too).

    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use fluent_syntax::ast::{Entry, Expression, Pattern, PatternElement};
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

    use super::*;

    fn folder(lang: Language) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../locales")
            .join(lang.tag())
    }

    fn files(lang: Language) -> BTreeSet<String> {
        std::fs::read_dir(folder(lang))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ftl"))
            .collect()
    }

    fn source(lang: Language, file: &str) -> String {
        std::fs::read_to_string(folder(lang).join(file)).unwrap()
    }

    /// Every variant key of every select in a pattern.
    fn variant_keys(pattern: &Pattern<&str>, out: &mut Vec<String>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } = element
            {
                for v in variants {
                    if let fluent_syntax::ast::VariantKey::Identifier { name } = v.key {
                        out.push(name.to_owned());
                    }
                    variant_keys(&v.value, out);
                }
            }
        }
    }

    fn category_name(c: &PluralCategory) -> &'static str {
        match c {
            PluralCategory::ZERO => "zero",
            PluralCategory::ONE => "one",
            PluralCategory::TWO => "two",
            PluralCategory::FEW => "few",
            PluralCategory::MANY => "many",
            PluralCategory::OTHER => "other",
        }
    }

    #[test]
    fn the_files_parse_and_no_id_is_defined_twice() {
        assert_eq!(problems(), Vec::<String>::new());
        for lang in Language::ALL {
            for file in files(lang) {
                let text = source(lang, &file);
                assert!(
                    FluentResource::try_new(text).is_ok(),
                    "{}/{file} does not parse",
                    lang.tag()
                );
            }
        }
    }

    #[test]
    fn every_language_has_the_same_files_and_every_english_message() {
        let english = files(Language::EnGb);
        for lang in Language::ALL {
            assert_eq!(files(lang), english, "{} has other files", lang.tag());
            for file in &english {
                let ids_of = |l: Language| -> BTreeSet<String> {
                    let r = FluentResource::try_new(source(l, file)).unwrap();
                    r.entries()
                        .filter_map(|e| match e {
                            Entry::Message(m) => Some(m.id.name.to_owned()),
                            _ => None,
                        })
                        .collect()
                };
                let (want, have) = (ids_of(Language::EnGb), ids_of(lang));
                let missing: Vec<_> = want.difference(&have).collect();
                let extra: Vec<_> = have.difference(&want).collect();
                assert!(
                    missing.is_empty() && extra.is_empty(),
                    "{}/{file}: missing {missing:?}, not in English {extra:?}",
                    lang.tag()
                );
            }
        }
    }

    #[test]
    fn plural_forms_are_the_languages_own() {
        for lang in Language::ALL {
            let id: unic_langid::LanguageIdentifier =
                lang.tag().split('-').next().unwrap().parse().unwrap();
            let rules = PluralRules::create(id, PluralRuleType::CARDINAL).unwrap();
            let mut own: BTreeSet<&str> = (0_u32..1_000)
                .map(|n| category_name(&rules.select(n).unwrap()))
                .collect();
            own.insert("other");
            for file in files(lang) {
                let text = source(lang, &file);
                let r = FluentResource::try_new(text).unwrap();
                for entry in r.entries() {
                    let Entry::Message(m) = entry else { continue };
                    let Some(value) = &m.value else { continue };
                    let mut keys = Vec::new();
                    variant_keys(value, &mut keys);
                    for key in keys {
                        let is_plural =
                            ["zero", "one", "two", "few", "many", "other"].contains(&key.as_str());
                        assert!(
                            !is_plural || own.contains(key.as_str()),
                            "{}/{file}: {} uses [{key}], which {} does not have",
                            lang.tag(),
                            m.id.name,
                            lang.tag()
                        );
                    }
                }
            }
        }
    }

    /// Every variable named in a language's files (`{ $n }`).
    fn variables(lang: Language) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for file in files(lang) {
            let text = source(lang, &file);
            for piece in text.split('$').skip(1) {
                let name: String = piece
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                out.insert(name);
            }
        }
        out
    }

    #[test]
    fn counted_messages_read_for_every_plural_form() {
        for lang in Language::ALL {
            let names = variables(lang);
            for id in ids(lang) {
                for n in [0_i64, 1, 2, 3, 6, 11, 1000] {
                    let args: Vec<(&str, Arg)> = names
                        .iter()
                        .map(|name| (name.as_str(), Arg::Number(n)))
                        .collect();
                    let text = say(lang, &id, &args);
                    assert!(
                        !text.trim().is_empty() && text != "…",
                        "{} {id}",
                        lang.tag()
                    );
                }
            }
        }
    }

    #[test]
    fn numbers_are_grouped_and_welsh_plurals_chosen() {
        assert_eq!(text(Language::Cy, "choice-Vehicle-bicycle"), "Beic");
        assert_eq!(text(Language::EnGb, "choice-Vehicle-bicycle"), "Bicycle");
        assert_eq!(text(Language::Cy, "no-such-message"), "…");
        let n = |lang, n: i64| say(lang, "involvement-contributions-count", &[("n", n.into())]);
        assert_eq!(n(Language::EnGb, 1), "1 contribution");
        assert_eq!(n(Language::EnGb, 1234), "1,234 contributions");
        assert_eq!(n(Language::Cy, 0), "dim cyfraniadau");
        assert_eq!(n(Language::Cy, 2), "2 gyfraniad");
        assert_eq!(n(Language::Cy, 5), "5 cyfraniad");
    }
}
