//! Text primitives shared by the builder and the matcher: words with their byte spans,
//! sentence boundaries, normalisation, stems and character offsets.
//!
//! Everything works on byte offsets inside one paragraph; [`CharMap`] turns them into the
//! character offsets the knowledge file stores.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// One word of a text, with its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte (possessive included).
    pub end: usize,
    /// Lowercase form, apostrophes folded to `'`, a possessive `'s` removed.
    pub norm: String,
    /// True when the word ends in a possessive (`Rubio’s`).
    pub possessive: bool,
    /// True when the word starts with a capital letter.
    pub capital: bool,
    /// True when every letter is a capital (`US`, `NATO`, `JD`).
    pub all_caps: bool,
    /// True when the word starts with a digit.
    pub numeric: bool,
}

impl Token {
    /// The text of the token in `hay`, possessive included.
    pub fn text<'a>(&self, hay: &'a str) -> &'a str {
        &hay[self.start..self.end]
    }

    /// The text without a possessive ending.
    pub fn base<'a>(&self, hay: &'a str) -> &'a str {
        let t = self.text(hay);
        if self.possessive {
            strip_possessive(t)
        } else {
            t
        }
    }
}

fn strip_possessive(t: &str) -> &str {
    t.strip_suffix("’s")
        .or_else(|| t.strip_suffix("'s"))
        .or_else(|| t.strip_suffix("’S"))
        .or_else(|| t.strip_suffix('’'))
        .or_else(|| t.strip_suffix('\''))
        .unwrap_or(t)
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '’' | '\'' | '.' | '&' | '‑')
}

/// Splits text into words. Joiners (`-`, `’`, `.`, `&`) stay inside a word when letters or
/// digits follow them (`Vice-President`, `U.S`, `Rubio’s`); digits keep `,` `.` `%` inside.
pub fn tokenize(hay: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(hay.len() / 6 + 1);
    scan_words(hay, |start, end, possessive, numeric, base| {
        let (capital, all_caps, ascii) = if base.is_ascii() {
            // One pass: the first letter's case and whether every letter is a capital.
            let b = base.as_bytes();
            let (mut letters, mut upper) = (false, true);
            for &c in b {
                if c.is_ascii_alphabetic() {
                    letters = true;
                    upper &= c.is_ascii_uppercase();
                }
            }
            (
                b.first().is_some_and(|c| c.is_ascii_uppercase()),
                letters && upper,
                true,
            )
        } else {
            let mut letters = base.chars().filter(|c| c.is_alphabetic()).peekable();
            (
                base.chars().next().is_some_and(|c| c.is_uppercase()),
                letters.peek().is_some() && letters.all(|c| c.is_uppercase()),
                false,
            )
        };
        tokens.push(Token {
            start,
            end,
            norm: if ascii {
                base.to_ascii_lowercase()
            } else {
                normalize(base)
            },
            possessive,
            capital,
            all_caps,
            numeric,
        });
    });
    tokens
}

/// Calls `each` with the normalised form ([`Token::norm`]) of every word [`tokenize`] finds,
/// in order, without making tokens: for a caller that reads only the words. The `&str` is
/// only valid during the call.
pub fn for_each_norm(hay: &str, mut each: impl FnMut(&str)) {
    let mut buf = String::new();
    scan_words(hay, |_, _, _, _, base| {
        buf.clear();
        if base.is_ascii() {
            buf.push_str(base);
            buf.make_ascii_lowercase();
        } else {
            normalize_into(base, &mut buf);
        }
        each(&buf);
    });
}

/// The words of [`tokenize`]: `each(start, end, possessive, numeric, base)` for every word,
/// left to right, `base` being the word without a possessive ending.
fn scan_words(hay: &str, mut each: impl FnMut(usize, usize, bool, bool, &str)) {
    // Every sentence is tokenised several times over a build: ASCII bytes are read as bytes,
    // and only other characters are decoded.
    let bytes = hay.as_bytes();
    let char_at = |i: usize| -> Option<(char, usize)> {
        match bytes.get(i) {
            None => None,
            Some(&b) if b < 0x80 => Some((b as char, 1)),
            Some(_) => hay[i..].chars().next().map(|c| (c, c.len_utf8())),
        }
    };
    let mut pos = 0;
    while let Some((c, clen)) = char_at(pos) {
        let start = pos;
        pos += clen;
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = pos;
        let numeric = c.is_ascii_digit();
        loop {
            // A run of ASCII letters and digits, the most of every word, byte by byte.
            while bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric()) {
                end += 1;
            }
            let Some((ch, chlen)) = char_at(end) else {
                break;
            };
            if ch.is_alphanumeric() {
                end += chlen;
                continue;
            }
            let after = char_at(end + chlen).map(|(a, _)| a);
            let joins = match ch {
                ',' | '.' if numeric => after.is_some_and(|a| a.is_ascii_digit()),
                '%' if numeric => true,
                c if is_joiner(c) => after.is_some_and(|a| a.is_alphanumeric()),
                _ => false,
            };
            if !joins {
                // A trailing possessive apostrophe: "allies’ positions".
                if (ch == '’' || ch == '\'')
                    && hay[start..end].ends_with(['s', 'S'])
                    && !after.is_some_and(|a| a.is_alphanumeric())
                {
                    let prev_apostrophe = hay[..start].chars().next_back();
                    if prev_apostrophe != Some('‘') && prev_apostrophe != Some('\'') {
                        end += chlen;
                    }
                }
                break;
            }
            end += chlen;
            if ch == '%' {
                break;
            }
        }
        pos = end;
        let text = &hay[start..end];
        let possessive = text.len() > 2
            && (text.ends_with("’s")
                || text.ends_with("'s")
                || text.ends_with("’S")
                || text.ends_with("s’")
                || text.ends_with("s'"));
        let base = if possessive {
            strip_possessive(text)
        } else {
            text
        };
        each(start, end, possessive, numeric, base);
    }
}

/// Lowercase with typographic apostrophes and dashes folded.
pub fn normalize(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    normalize_into(word, &mut out);
    out
}

/// [`normalize`] appended to `out`.
fn normalize_into(word: &str, out: &mut String) {
    out.extend(
        word.chars()
            .map(|c| match c {
                '’' | '‘' => '\'',
                '‑' => '-',
                c => c,
            })
            .flat_map(char::to_lowercase),
    );
}

/// The English stem of a normalised word.
pub fn stem(norm: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    // Each thread remembers the stems it made: the builder stems the same few thousand words
    // millions of times over 10,000 articles. Bounded, so a flood of distinct words (hostile
    // input, a huge corpus) cannot grow it without end; past the bound it starts again.
    const REMEMBERED: usize = 1 << 16;
    thread_local! {
        static CACHE: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
            std::cell::RefCell::new(rustc_hash::FxHashMap::default());
    }
    if let Some(hit) = CACHE.with(|c| c.borrow().get(norm).cloned()) {
        return hit;
    }
    let stemmer = STEMMER.get_or_init(|| Stemmer::create(Algorithm::English));
    // An irregular form is stemmed as its lemma: "came" as "come", "children" as "child".
    let lemma = inflections().get(norm).copied().unwrap_or(norm);
    // A compound's plural in "-men" is its singular's ("fishermen", "spokesmen", "gunmen"):
    // English forms them so, and no table lists every compound. Short words ("omen", "yemen")
    // are no such compounds.
    let singular = (lemma.len() >= 6
        && lemma.ends_with("men")
        && lemma.bytes().all(|b| b.is_ascii_lowercase()))
    .then(|| format!("{}man", &lemma[..lemma.len() - 3]));
    // A percentage is its number: "60%" is found where the sources write "60 per cent".
    let number = lemma.strip_suffix('%').filter(|n| {
        !n.is_empty()
            && n.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    });
    let out = match (singular, number) {
        (Some(one), _) => stemmer.stem(&one).into_owned(),
        (None, Some(n)) => n.to_string(),
        (None, None) => stemmer.stem(lemma).into_owned(),
    };
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= REMEMBERED {
            c.clear();
        }
        c.insert(norm.to_string(), out.clone());
    });
    out
}

/// Irregular inflections and their lemmas (`config/inflections.tsv`, from WordNet's exception
/// lists by `scripts/gen_english_words.py`).
fn inflections() -> &'static rustc_hash::FxHashMap<&'static str, &'static str> {
    static TABLE: OnceLock<rustc_hash::FxHashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../config/inflections.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

/// Byte spans of the sentences of a paragraph.
pub fn split_sentences(hay: &str, abbreviations: &HashSet<String>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = skip_space(hay, 0);
    let bytes = hay.as_bytes();
    let mut i = start;
    while i < hay.len() {
        let c = hay[i..].chars().next().unwrap_or(' ');
        let clen = c.len_utf8();
        if matches!(c, '.' | '!' | '?') {
            // Swallow repeated terminators and closing quotes or brackets.
            let mut j = i + clen;
            while let Some(n) = hay[j..].chars().next() {
                if matches!(n, '.' | '!' | '?' | '”' | '’' | '"' | ')' | ']' | '\'') {
                    j += n.len_utf8();
                } else {
                    break;
                }
            }
            let next_non_space = skip_space(hay, j);
            let boundary = if next_non_space >= hay.len() {
                true
            } else if next_non_space == j {
                false
            } else {
                let n = hay[next_non_space..].chars().next().unwrap_or(' ');
                let opens = n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '“' | '‘' | '"' | '(' | '\'' | '[' | '—' | '–');
                opens
                    && !(c == '.'
                        && j == i + 1
                        && is_abbreviation_before(hay, i, abbreviations, n.is_uppercase()))
            };
            if boundary {
                out.push((start, trim_end(hay, start, j)));
                start = next_non_space;
                i = next_non_space;
                continue;
            }
            i = j;
            continue;
        }
        i += clen;
        let _ = bytes;
    }
    if start < hay.len() {
        let end = trim_end(hay, start, hay.len());
        if end > start {
            out.push((start, end));
        }
    }
    out
}

fn skip_space(hay: &str, mut i: usize) -> usize {
    while let Some(c) = hay[i..].chars().next() {
        if c.is_whitespace() {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn trim_end(hay: &str, start: usize, end: usize) -> usize {
    start + hay[start..end].trim_end().len()
}

fn is_abbreviation_before(
    hay: &str,
    dot: usize,
    abbreviations: &HashSet<String>,
    next_is_letter: bool,
) -> bool {
    let before = &hay[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // A single capital letter is an initial ("J. D. Vance").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() && next_is_letter {
            return true;
        }
    }
    abbreviations.contains(word)
}

/// Maps byte offsets of a text to character offsets.
#[derive(Debug, Clone)]
pub struct CharMap {
    /// The characters of more than one byte, in order: their byte span and the bytes beyond
    /// the first of every such character up to this one's end. ASCII text keeps none.
    wide: Vec<(usize, usize, usize)>,
    len: usize,
    chars: u32,
}

impl CharMap {
    /// Indexes `hay`.
    pub fn new(hay: &str) -> CharMap {
        let mut wide = Vec::new();
        let mut extra = 0;
        if !hay.is_ascii() {
            for (i, c) in hay.char_indices() {
                let n = c.len_utf8();
                if n > 1 {
                    extra += n - 1;
                    wide.push((i, i + n, extra));
                }
            }
        }
        CharMap {
            wide,
            len: hay.len(),
            chars: (hay.len() - extra) as u32,
        }
    }

    /// The character offset of a byte offset (which must fall on a character boundary; inside
    /// a character, the offset of the next one).
    pub fn char_of(&self, byte: usize) -> u32 {
        if byte >= self.len {
            return self.chars;
        }
        let k = self.wide.partition_point(|&(start, _, _)| start < byte);
        let Some(&(start, end, extra)) = k.checked_sub(1).map(|k| &self.wide[k]) else {
            return byte as u32;
        };
        if byte < end {
            // Inside that character: the characters before it, and itself.
            (start - (extra - (end - start - 1)) + 1) as u32
        } else {
            (byte - extra) as u32
        }
    }
}

/// The characters `start..end` of `text`, counted in `char`s; `None` when out of range.
pub fn char_slice(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let mut indices = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let s = indices.nth(start)?;
    let e = if end == start {
        s
    } else {
        indices.nth(end - start - 1)?
    };
    Some(&text[s..e])
}

/// A lowercase slug for ids ("JD Vance" -> "jd-vance").
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in normalize(text).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Irregular forms meet their lemma; a form that is a word of its own stays itself.
    #[test]
    fn irregular_inflections_stem_as_their_lemma() {
        for (form, lemma) in [
            ("came", "come"),
            ("went", "go"),
            ("fought", "fight"),
            ("held", "hold"),
            ("children", "child"),
        ] {
            assert_eq!(stem(form), stem(lemma), "{form}");
        }
        // "left" (the left bank) and "ground" are words of their own, not "leave" and "grind".
        assert_ne!(stem("left"), stem("leave"));
        assert_ne!(stem("ground"), stem("grind"));
    }

    /// A compound's "-men" plural meets its singular; short words ending so are left alone. A
    /// percentage is stemmed as its number.
    #[test]
    fn men_plurals_meet_their_singular_and_a_percentage_its_number() {
        for (plural, one) in [
            ("fishermen", "fisherman"),
            ("spokesmen", "spokesman"),
            ("gunmen", "gunman"),
            ("chairmen", "chairman"),
        ] {
            assert_eq!(stem(plural), stem(one), "{plural}");
        }
        assert_ne!(stem("omen"), stem("oman"));
        assert_ne!(stem("yemen"), stem("yeman"));
        assert_eq!(stem("60%"), stem("60"));
        assert_eq!(stem("3.5%"), "3.5");
        assert_eq!(stem("%"), "%");
    }

    fn words(s: &str) -> Vec<String> {
        tokenize(s).iter().map(|t| t.text(s).to_string()).collect()
    }

    #[test]
    fn tokens_keep_hyphens_possessives_and_numbers() {
        let s = "US Vice-President JD Vance’s 20% of 12,000 troops, U.S. allies’ plan.";
        assert_eq!(
            words(s),
            [
                "US",
                "Vice-President",
                "JD",
                "Vance’s",
                "20%",
                "of",
                "12,000",
                "troops",
                "U.S",
                "allies’",
                "plan"
            ]
        );
        let t = tokenize(s);
        assert!(t[3].possessive && t[3].norm == "vance");
        assert!(t[0].all_caps && t[2].all_caps && t[1].capital);
    }

    #[test]
    fn sentences_split_on_stops_and_quotes_but_not_abbreviations() {
        let abbr: HashSet<String> = ["Mr".to_string()].into_iter().collect();
        let s = "Mr. Smith said “Yes.” “No,” she said. It ended in the U.S. Then J. D. Vance left! Done";
        let got: Vec<&str> = split_sentences(s, &abbr)
            .iter()
            .map(|&(a, b)| &s[a..b])
            .collect();
        assert_eq!(
            got,
            [
                "Mr. Smith said “Yes.”",
                "“No,” she said.",
                "It ended in the U.S.",
                "Then J. D. Vance left!",
                "Done"
            ]
        );
    }

    /// The tokeniser as it was before its byte-wise reading: the fast one must agree with it.
    fn tokenize_reference(hay: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        let mut iter = hay.char_indices().peekable();
        while let Some((start, c)) = iter.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            let numeric = c.is_ascii_digit();
            while let Some(&(i, ch)) = iter.peek() {
                if ch.is_alphanumeric() {
                    end = i + ch.len_utf8();
                    iter.next();
                    continue;
                }
                let after = hay[i + ch.len_utf8()..].chars().next();
                let joins = match ch {
                    ',' | '.' if numeric => after.is_some_and(|a| a.is_ascii_digit()),
                    '%' if numeric => true,
                    c if is_joiner(c) => after.is_some_and(|a| a.is_alphanumeric()),
                    _ => false,
                };
                if !joins {
                    // A trailing possessive apostrophe: "allies’ positions".
                    if (ch == '’' || ch == '\'')
                        && hay[start..end].ends_with(['s', 'S'])
                        && !after.is_some_and(|a| a.is_alphanumeric())
                    {
                        let prev_apostrophe = hay[..start].chars().next_back();
                        if prev_apostrophe != Some('‘') && prev_apostrophe != Some('\'') {
                            end = i + ch.len_utf8();
                            iter.next();
                        }
                    }
                    break;
                }
                end = i + ch.len_utf8();
                iter.next();
                if ch == '%' {
                    break;
                }
            }
            let text = &hay[start..end];
            let possessive = text.len() > 2
                && (text.ends_with("’s")
                    || text.ends_with("'s")
                    || text.ends_with("’S")
                    || text.ends_with("s’")
                    || text.ends_with("s'"));
            let base = if possessive {
                strip_possessive(text)
            } else {
                text
            };
            let capital = base.chars().next().is_some_and(|c| c.is_uppercase());
            let mut letters = base.chars().filter(|c| c.is_alphabetic()).peekable();
            let all_caps = letters.peek().is_some() && letters.all(|c| c.is_uppercase());
            tokens.push(Token {
                start,
                end,
                norm: normalize(base),
                possessive,
                capital,
                all_caps,
                numeric,
            });
        }
        tokens
    }

    /// Every character offset, one per character start, as the map worked them out before.
    fn char_of_reference(hay: &str, byte: usize) -> u32 {
        let starts: Vec<usize> = hay.char_indices().map(|(i, _)| i).collect();
        if byte >= hay.len() {
            return starts.len() as u32;
        }
        match starts.binary_search(&byte) {
            Ok(i) | Err(i) => i as u32,
        }
    }

    /// Texts mixing ASCII with curly quotes, dashes, accents and the joiners the tokeniser knows.
    fn mixed_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        proptest::collection::vec(
            proptest::sample::select(vec![
                "a", "B", "z", "Q", "7", "0", " ", " ", ".", ",", "%", "-", "'", "’", "‘", "“",
                "”", "&", "‑", "é", "É", "ß", "İ", "s", "S", "\n", "—", "!", "?", "(", "ǅ", "½",
            ]),
            0..40,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest::proptest! {
        #[test]
        fn tokenize_agrees_with_its_reference(text in mixed_text()) {
            proptest::prop_assert_eq!(tokenize(&text), tokenize_reference(&text));
        }

        #[test]
        fn for_each_norm_gives_the_tokens_norms(text in mixed_text()) {
            let mut norms = Vec::new();
            for_each_norm(&text, |n| norms.push(n.to_string()));
            let tokens: Vec<String> = tokenize_reference(&text).into_iter().map(|t| t.norm).collect();
            proptest::prop_assert_eq!(norms, tokens);
        }

        #[test]
        fn char_map_agrees_with_every_char_offset(text in mixed_text()) {
            let map = CharMap::new(&text);
            for byte in 0..=text.len() + 1 {
                proptest::prop_assert_eq!(map.char_of(byte), char_of_reference(&text, byte));
            }
        }
    }

    #[test]
    fn tokenize_agrees_with_its_reference_on_news_text() {
        for text in [
            "The U.S. envoy’s plan — 20% of 1,500.5 troops — was “dead,” Vice-President Rubio’s aide said.",
            "ALLIES’ positions: NATO and the EU; Aldström’s ‘quiet’ talks in São Paulo on 3.5% & 12,000 men's pay.",
            "İstanbul ǅemal’S ’s s’ ‘Ss’ 'tis O'Neill's ½ AT&T",
        ] {
            assert_eq!(tokenize(text), tokenize_reference(text), "{text}");
            let map = CharMap::new(text);
            for byte in 0..=text.len() {
                assert_eq!(map.char_of(byte), char_of_reference(text, byte), "{text} {byte}");
            }
        }
    }

    #[test]
    fn char_offsets_round_trip() {
        let s = "“Ukraine” — ready";
        let map = CharMap::new(s);
        let b = s.find("ready").unwrap();
        let c = map.char_of(b) as usize;
        assert_eq!(char_slice(s, c, c + 5), Some("ready"));
        assert_eq!(char_slice(s, 0, 99), None);
    }

    #[test]
    fn slugs_and_stems() {
        assert_eq!(slug("JD Vance"), "jd-vance");
        assert_eq!(stem("proposals"), stem("proposal"));
        assert_eq!(stem("proposed"), stem("propose"));
    }
}
