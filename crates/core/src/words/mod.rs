//! Words for people: the message catalogues in each language, and counted words in the
//! sentences the core writes ("1 decision", "3 decisions", "no priorities").

mod catalogue;
mod language;

pub use catalogue::{has, ids, problems, say, text, Arg};
pub use language::Language;

/// `n` things in words: "no {many}" for none, "1 {one}", otherwise "{n} {many}".
pub fn count(n: usize, one: &str, many: &str) -> String {
    match n {
        0 => format!("no {many}"),
        1 => format!("1 {one}"),
        _ => format!("{n} {many}"),
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn none_one_and_many() {
        assert_eq!(count(0, "decision", "decisions"), "no decisions");
        assert_eq!(
            count(1, "thing they said", "things they said"),
            "1 thing they said"
        );
        assert_eq!(count(12, "person", "people"), "12 people");
    }
}
