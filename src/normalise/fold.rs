//! Folding text for comparison: case, punctuation and spacing do not matter.

/// Lower-case, `&` as "and", apostrophes dropped, every other run of
/// non-alphanumeric characters one space, trimmed. "Req. Improvement" and
/// "req improvement" fold alike; "N/A" folds to "n a".
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        fold_ascii(s.as_bytes())
    } else {
        fold_chars(s)
    }
}

/// [`fold`] for ASCII text, a byte at a time (most labels and headers).
fn fold_ascii(s: &[u8]) -> String {
    let mut out = Vec::with_capacity(s.len() + 4);
    let mut space = false;
    for &c in s {
        match c {
            b'\'' | b'`' => {}
            b'&' => {
                if !out.is_empty() {
                    out.push(b' ');
                }
                out.extend_from_slice(b"and");
                space = true;
            }
            c if c.is_ascii_alphanumeric() => {
                if space && !out.is_empty() {
                    out.push(b' ');
                }
                space = false;
                out.push(c.to_ascii_lowercase());
            }
            _ => space = true,
        }
    }
    String::from_utf8(out).expect("ASCII in, ASCII out")
}

fn fold_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.chars() {
        // (Nor a soft hyphen, Word's hyphenation inside a word: "Inade\u{ad}quate"
        // is "inadequate". A zero-width space stays a gap between words.)
        if matches!(ch, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{ad}') {
            continue;
        }
        if ch == '&' {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str("and");
            space = true;
            continue;
        }
        if ch.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            // Lower-casing can add a combining mark ("İ" → "i" + U+0307); only
            // letters and digits are kept, so folding twice changes nothing.
            out.extend(ch.to_lowercase().filter(|c| c.is_alphanumeric()));
        } else {
            space = true;
        }
    }
    out
}

/// Whether `text` (folded) begins with the whole words `words` (folded): is
/// them, or them and a space (`text == words || text.starts_with("{words} ")`,
/// without building the second).
/// A text with each run of spaces written otherwise (non-breaking spaces,
/// line breaks, tabs) as one plain space, so that a spaced separator (" / ",
/// " – ") is found however it was typed: "Responsible\u{a0}/\u{a0}target
/// date" and "Responsible /\ntarget date" are "Responsible / target date".
/// Borrowed when there is nothing to change.
pub fn spaced(text: &str) -> std::borrow::Cow<'_, str> {
    let plain = !text.chars().zip(text.chars().skip(1).chain([' '])).any(|(c, next)| c.is_whitespace() && (c != ' ' || next.is_whitespace()));
    if plain {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    std::borrow::Cow::Owned(out)
}

pub fn starts_with_words(text: &str, words: &str) -> bool {
    text.strip_prefix(words).is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// A text's first word (its leading run of letters), lower-cased, and the
/// text after it as written ("Scrapped - duplicate" gives "scrapped" and
/// " - duplicate").
pub fn first_word(t: &str) -> (String, &str) {
    let end = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
    (t[..end].to_lowercase(), &t[end..])
}

/// Whether `phrase` (folded) occurs in `text` (folded) as whole words.
pub fn contains_phrase(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    // As `" {text} "` containing `" {phrase} "`, without building either:
    // every place the phrase's first byte is (found by `memchr`), not a
    // searcher built for each call (this is asked of most cells read, with
    // short texts and phrases), and overlapping places too ("ab ab" in
    // "cab ab ab").
    let (b, p) = (text.as_bytes(), phrase.as_bytes());
    let Some(last) = b.len().checked_sub(p.len()) else { return false };
    let mut from = 0;
    while let Some(k) = memchr::memchr(p[0], &b[from..=last]) {
        let i = from + k;
        if &b[i..i + p.len()] == p && (i == 0 || b[i - 1] == b' ') && (i == last || b[i + p.len()] == b' ') {
            return true;
        }
        from = i + 1;
        if from > last {
            break;
        }
    }
    false
}

/// Splits a leading question number off a folded header: "q1 risk is" →
/// (Some("1"), "risk is"); "question 12" → (Some("12"), ""); "area 3 x" → (Some("3"), "x").
pub fn split_numbering(folded: &str) -> (Option<String>, String) {
    let mut words: Vec<&str> = folded.split(' ').collect();
    let mut number = None;
    if let Some(first) = words.first().copied() {
        if matches!(first, "q" | "question" | "area" | "domain" | "section" | "no") && words.len() > 1 && is_number(words[1]) {
            number = Some(words[1].to_string());
            words.drain(..2);
        } else if let Some(rest) = first.strip_prefix('q').filter(|r| is_number(r)) {
            number = Some(rest.to_string());
            words.remove(0);
        } else if is_number(first) {
            number = Some(first.to_string());
            words.remove(0);
        }
    }
    (number.map(|n| n.trim_start_matches('0').to_string()), words.join(" "))
}

/// A raw header without its leading question number ("Q12. Overall" → "Overall",
/// "3) Plans" → "Plans"); unchanged when it has none or is only a number.
pub fn strip_numbering(raw: &str) -> String {
    let t = raw.trim_start();
    let lower = t.to_lowercase();
    let after_word = ["question", "area", "domain", "section", "q"].iter().find_map(|w| lower.strip_prefix(w).map(|r| &t[t.len() - r.len()..]));
    let candidate = after_word.unwrap_or(t).trim_start();
    let digits = candidate.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return raw.to_string();
    }
    // (An ordinal is no numbering: "2nd look by", "1st visit date".)
    let after = candidate[digits..].to_ascii_lowercase();
    if ["st", "nd", "rd", "th"].iter().any(|o| after.starts_with(o) && !after[2..].starts_with(|c: char| c.is_alphabetic())) {
        return raw.to_string();
    }
    let rest = candidate[digits..].trim_start_matches(['.', ')', ':', '-', ' ', '\u{2013}']);
    if rest.trim().is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) {
        raw.to_string()
    } else {
        rest.to_string()
    }
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.len() <= 3 && s.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    #[test]
    fn spaces_typed_otherwise_are_plain_spaces() {
        assert_eq!(spaced("Responsible\u{a0}/\u{a0}target\u{a0}date"), "Responsible / target date");
        assert_eq!(spaced("Responsible /\ntarget date"), "Responsible / target date");
        assert_eq!(spaced("Date written up\u{a0}-\u{a0}must be within 4 weeks"), "Date written up - must be within 4 weeks");
        assert!(matches!(spaced("Plain / text"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(spaced("a  b"), "a b");
    }

    use super::*;

    #[test]
    fn folds_case_punctuation_and_space() {
        assert_eq!(fold("  Req. Improvement "), "req improvement");
        assert_eq!(fold("N/A"), "n a");
        assert_eq!(fold("Child’s ID number"), "childs id number");
        // (What shows as nothing is nothing: a soft hyphen, a zero-width space.)
        assert_eq!(fold("Inade\u{ad}quate"), "inadequate");
        assert_eq!(fold("Requires\u{200b}Improvement"), "requires improvement");
        assert_eq!(fold("Multi-agency & partners"), "multi agency and partners");
        assert_eq!(fold("GOOD."), "good");
        assert_eq!(fold(""), "");
        assert_eq!(fold("İ"), fold(&fold("İ")), "folding is idempotent (found by the property test)");
    }

    #[test]
    fn whole_word_phrases() {
        assert!(contains_phrase("is the child safe", "safe"));
        assert!(!contains_phrase("safeguarding board", "safe"));
        assert!(contains_phrase("management oversight and decision", "management oversight"));
        // (A place that overlaps one that is not whole words.)
        assert!(contains_phrase("cab ab ab", "ab ab"));
        assert!(contains_phrase("safe", "safe") && !contains_phrase("saf", "safe") && !contains_phrase("", "safe"));
        assert!(!contains_phrase("unsafe", "safe") && !contains_phrase("safer", "safe") && contains_phrase("x safe", "safe"));
    }

    #[test]
    fn raw_numbering_is_stripped() {
        assert_eq!(strip_numbering("Q12 Overall"), "Overall");
        assert_eq!(strip_numbering("1. Are children safe?"), "Are children safe?");
        assert_eq!(strip_numbering("Question 3: Plans"), "Plans");
        assert_eq!(strip_numbering("Q3"), "Q3");
        assert_eq!(strip_numbering("Quality of plans"), "Quality of plans");
        assert_eq!(strip_numbering("2026 return"), "2026 return");
    }

    #[test]
    fn ascii_fold_and_phrase_search_match_the_plain_definitions() {
        let words = ["Req.", "improvement", "&", "N/A", "child's", "`x`", "  ", "-", "GOOD", "a", "ab", "safe", "safeguarding", "1st", ""];
        let mut x = 12345u64;
        for _ in 0..5000 {
            let mut s = String::new();
            for _ in 0..(x % 7) {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                s.push_str(words[(x >> 33) as usize % words.len()]);
                s.push(if x.is_multiple_of(3) { ' ' } else { ',' });
            }
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            assert_eq!(fold_ascii(s.as_bytes()), fold_chars(&s), "{s:?}");
            // (A phrase of one word or two.)
            let w = |k: u64| words[(x >> k) as usize % words.len()];
            let (t, p) = (fold(&s), if x.is_multiple_of(2) { fold(w(40)) } else { fold(&format!("{} {}", w(40), w(50))) });
            let plain = !p.is_empty() && format!(" {t} ").contains(&format!(" {p} "));
            assert_eq!(contains_phrase(&t, &p), plain, "{t:?} {p:?}");
            assert_eq!(starts_with_words(&t, &p), t == p || t.starts_with(&format!("{p} ")), "{t:?} {p:?}");
        }
    }

    #[test]
    fn numbering() {
        assert_eq!(split_numbering("q1 risk is identified"), (Some("1".into()), "risk is identified".into()));
        assert_eq!(split_numbering("question 12"), (Some("12".into()), "".into()));
        assert_eq!(split_numbering("3 quality of plans"), (Some("3".into()), "quality of plans".into()));
        assert_eq!(split_numbering("quality of plans"), (None, "quality of plans".into()));
        assert_eq!(split_numbering("q 07"), (Some("7".into()), "".into()));
    }
}
