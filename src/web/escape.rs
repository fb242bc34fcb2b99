//! The HTML escaper the templates use (askama.toml names it): the same five entities as
//! askama's own, looked for eight bytes at a time. Almost no text on our pages holds one of
//! them, and a page writes some three hundred texts through here: askama's escaper looks at
//! each byte in turn, which was a tenth of a page's cost. Interface messages are not scanned
//! at all: those with nothing to escape were checked once, at load, and are known by address
//! (`i18n::holds_nothing_to_escape`).

use std::fmt::{self, Write};

/// What each of the five characters becomes (askama's spelling, so pages are byte for byte
/// what they were).
fn entity(byte: u8) -> Option<&'static str> {
    match byte {
        b'"' => Some("&#34;"),
        b'&' => Some("&#38;"),
        b'\'' => Some("&#39;"),
        b'<' => Some("&#60;"),
        b'>' => Some("&#62;"),
        _ => None,
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// Whether any of eight bytes is one of the five, without a branch per byte: a byte is zero
/// after xor with `"` (0x22), after setting bit 0 and xor with `'` (catching 0x26 `&` and
/// 0x27 `'`), or after setting bit 1 and xor with `>` (catching 0x3c `<` and 0x3e `>`).
fn has_special_word(word: u64) -> bool {
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & (ONES << 7);
    has_zero(word ^ (ONES * 0x22)) | has_zero((word | ONES) ^ (ONES * 0x27)) | has_zero((word | (ONES * 2)) ^ (ONES * 0x3e)) != 0
}

fn word_at(bytes: &[u8], at: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(word)
}

/// Whether the text holds any of the five.
fn has_special(bytes: &[u8]) -> bool {
    if bytes.len() < 8 {
        return bytes.iter().any(|&b| entity(b).is_some());
    }
    // Whole words, then the last eight bytes (overlapping the last word read).
    (0..bytes.len() / 8).any(|i| has_special_word(word_at(bytes, i * 8))) || has_special_word(word_at(bytes, bytes.len() - 8))
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Html;

impl askama::filters::Escaper for Html {
    fn write_escaped_str<W: Write>(&self, mut dest: W, text: &str) -> fmt::Result {
        // Interface messages were checked at load: most of a page's escaped texts are theirs.
        if crate::i18n::holds_nothing_to_escape(text) || !has_special(text.as_bytes()) {
            return dest.write_str(text);
        }
        let mut written = 0;
        for (i, byte) in text.bytes().enumerate() {
            if let Some(entity) = entity(byte) {
                // The five are ASCII, so these are character boundaries.
                dest.write_str(&text[written..i])?;
                dest.write_str(entity)?;
                written = i + 1;
            }
        }
        dest.write_str(&text[written..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use askama::filters::Escaper;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        Html.write_escaped_str(&mut out, text).expect("a String takes any text");
        out
    }

    #[test]
    fn it_writes_what_askamas_escaper_writes() {
        let long = "Bát Tràng ".repeat(7);
        let cases = [
            String::new(),
            "plain".to_owned(),
            "<script>alert('x')</script>".to_owned(),
            "a&b\"c'd<e>f".to_owned(),
            format!("{long}<{long}&"),
            format!("{long}\"'"),
            "Điểm OCOP Hoàn Kiếm ★★★★☆ 🏺 <svg onload=alert(1)>".to_owned(),
            "&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&&".to_owned(),
        ];
        for text in cases {
            let mut theirs = String::new();
            askama::filters::Html.write_escaped_str(&mut theirs, &text).expect("a String takes any text");
            assert_eq!(escaped(&text), theirs, "{text:?}");
        }
    }

    #[test]
    fn every_special_at_every_position_of_every_length_is_seen() {
        for len in 1..40 {
            for at in 0..len {
                for special in ['"', '&', '\'', '<', '>'] {
                    let mut text = "x".repeat(len);
                    text.replace_range(at..at + 1, &special.to_string());
                    let out = escaped(&text);
                    assert_eq!(out.len(), len + 4, "{len} {at} {special}");
                    assert_eq!(&out[at..at + 5], entity(special as u8).expect("special"), "{len} {at}");
                }
            }
        }
        // Every other byte value, in every position of a word: nothing to escape.
        let others: String = (1..=255u8).map(char::from).filter(|c| !matches!(c, '"' | '&' | '\'' | '<' | '>')).collect();
        assert_eq!(escaped(&others), others);
    }

    #[test]
    fn interface_messages_are_written_as_they_are_and_others_escaped() {
        let clean = crate::i18n::Lang::Vi.texts().nav_home;
        assert!(crate::i18n::holds_nothing_to_escape(clean));
        assert_eq!(escaped(clean), clean);
        let tagline = crate::i18n::Lang::En.texts().tagline;
        assert_eq!(escaped(tagline), tagline.replace('\'', "&#39;"));
    }

    #[test]
    fn every_position_in_a_chunk_is_seen() {
        for at in 0..40 {
            let mut text = "x".repeat(40);
            text.replace_range(at..at + 1, "<");
            let out = escaped(&text);
            assert_eq!(out.len(), 44, "{at}");
            assert_eq!(&out[at..at + 5], "&#60;", "{at}");
        }
    }
}
