//! One language's messages, read from its Fluent file (`locales/<code>.ftl`, compiled in):
//! plain ones become the `&'static str` fields templates print, formatted ones are filled in
//! with their arguments when a page asks.

use std::borrow::Cow;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use rustc_hash::FxHashMap;

/// An argument of a formatted message.
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    /// A number a message selects on (`[0]`, `[1]`, `*[other]`); printed as is.
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Arg<'a> {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

/// A language's parsed Fluent file.
pub struct Messages {
    bundle: FluentBundle<FluentResource>,
    /// Messages of one small number, formatted once each at load (see `MEMOIZED`).
    memo: Vec<Memo>,
    /// Messages made only of text and `{ $variable }`s, as pieces to join: Fluent's resolver
    /// (a scope, an argument map, a value per argument) took a microsecond for each, and a
    /// list of 126 showrooms formats one per row.
    simple: FxHashMap<String, Vec<Piece>>,
    /// Every message without arguments, formatted at load and kept for the life of the process.
    plain: FxHashMap<String, &'static str>,
    /// Where the plain messages that hold none of HTML's five special characters lie: one block,
    /// so that the page escaper can tell them by address and write them as they are (a page
    /// prints some eighty of them; see `holds_nothing_to_escape`).
    clean: std::ops::Range<usize>,
}

/// A piece of a simple message.
enum Piece {
    Text(String),
    Variable(String),
}

/// The pieces of a pattern made only of text and variables; `None` for anything else
/// (selectors, functions, terms, literals), which Fluent resolves.
fn pieces(pattern: &ast::Pattern<&str>) -> Option<Vec<Piece>> {
    pattern
        .elements
        .iter()
        .map(|element| match element {
            ast::PatternElement::TextElement { value } => Some(Piece::Text((*value).to_owned())),
            ast::PatternElement::Placeable { expression: ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) } => {
                Some(Piece::Variable(id.name.to_owned()))
            }
            ast::PatternElement::Placeable { .. } => None,
        })
        .collect()
}

/// Messages a page shows dozens of times with a small number ("4 sao", "cập nhật 3 ngày
/// trước"), with their argument and the numbers kept: Fluent takes a microsecond for each.
const MEMOIZED: &[(&str, &str, std::ops::RangeInclusive<i64>)] =
    &[("stars", "stars", 3..=5), ("min_stars", "stars", 3..=5), ("updated_ago", "days", 0..=400)];

struct Memo {
    id: &'static str,
    arg: &'static str,
    first: i64,
    texts: Vec<String>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages").field("locales", &self.bundle.locales).finish()
    }
}

impl Messages {
    /// Parses a Fluent file; any syntax error is an error (the files are compiled in and tested).
    pub fn parse(code: &str, source: &str) -> Result<Messages, String> {
        let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| format!("{code}.ftl: {errors:?}"))?;
        let locale = code.parse().map_err(|e| format!("{code}: {e}"))?;
        let mut bundle = FluentBundle::new_concurrent(vec![locale]);
        // No Unicode isolation marks around arguments: they would land in the HTML.
        bundle.set_use_isolating(false);
        let ids: Vec<String> = resource
            .entries()
            .filter_map(|entry| match entry {
                ast::Entry::Message(ast::Message { id, value: Some(_), .. }) => Some(id.name.to_owned()),
                _ => None,
            })
            .collect();
        let simple = resource
            .entries()
            .filter_map(|entry| match entry {
                ast::Entry::Message(ast::Message { id, value: Some(pattern), .. }) => Some((id.name.to_owned(), pieces(pattern)?)),
                _ => None,
            })
            .collect();
        bundle.add_resource(resource).map_err(|errors| format!("{code}.ftl: {errors:?}"))?;
        let mut messages = Messages { bundle, memo: Vec::new(), simple, plain: FxHashMap::default(), clean: 0..0 };
        messages.keep_plain_messages(ids);
        let memo = MEMOIZED
            .iter()
            .map(|(id, arg, numbers)| {
                let texts = numbers.clone().map(|n| messages.try_format(id, &[(arg, n.into())])).collect::<Result<Vec<_>, _>>()?;
                Ok(Memo { id, arg, first: *numbers.start(), texts })
            })
            .collect::<Result<Vec<_>, String>>()?;
        messages.memo = memo;
        Ok(messages)
    }

    /// Formats every message that needs no argument once, the clean ones into one block.
    fn keep_plain_messages(&mut self, ids: Vec<String>) {
        let formatted: Vec<(String, String)> = ids
            .into_iter()
            .filter_map(|id| {
                let text = self.try_format(&id, &[]).ok()?;
                Some((id, text))
            })
            .collect();
        let (clean, other): (Vec<_>, Vec<_>) = formatted.into_iter().partition(|(_, text)| !text.contains(['"', '&', '\'', '<', '>']));
        let block: &'static str = Box::leak(clean.iter().map(|(_, text)| text.as_str()).collect::<String>().into_boxed_str());
        self.clean = block.as_ptr() as usize..block.as_ptr() as usize + block.len();
        let mut at = 0;
        for (id, text) in clean {
            self.plain.insert(id, &block[at..at + text.len()]);
            at += text.len();
        }
        for (id, text) in other {
            self.plain.insert(id, Box::leak(text.into_boxed_str()));
        }
    }

    /// A message without arguments, kept for the life of the process (each language's file is
    /// read once).
    pub fn plain(&self, id: &str) -> Result<&'static str, String> {
        match self.plain.get(id) {
            Some(text) => Ok(text),
            // Not formatted at load: missing, or it needs an argument (Fluent says which).
            None => Err(self.try_format(id, &[]).err().unwrap_or_else(|| format!("no plain message “{id}”"))),
        }
    }

    /// Whether `text` is (part of) one of this language's plain messages that hold none of
    /// HTML's five special characters: they were checked once, at load.
    pub fn holds_nothing_to_escape(&self, text: &str) -> bool {
        let start = text.as_ptr() as usize;
        self.clean.start <= start && start + text.len() <= self.clean.end
    }

    /// A message of one small number as formatted at load (see `MEMOIZED`), borrowed: a page
    /// shows dozens, and each copy was an allocation.
    pub fn memoized(&self, id: &str, arg: &str, n: i64) -> Option<&str> {
        let memo = self.memo.iter().find(|m| m.id == id && m.arg == arg)?;
        usize::try_from(n - memo.first).ok().and_then(|i| memo.texts.get(i)).map(String::as_str)
    }

    /// A message with its arguments; a missing message shows its id (tests make sure none is).
    pub fn format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        if let [(name, Arg::Number(n))] = args
            && let Some(text) = self.memoized(id, name, *n)
        {
            return text.to_owned();
        }
        if let Some(text) = self.simple.get(id).and_then(|pieces| join(pieces, args)) {
            return text;
        }
        self.try_format(id, args).unwrap_or_else(|_| id.to_owned())
    }

    pub fn try_format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> Result<String, String> {
        let pattern = self.bundle.get_message(id).and_then(|m| m.value()).ok_or_else(|| format!("no message “{id}”"))?;
        let mut fluent_args = FluentArgs::new();
        for (name, arg) in args {
            let value = match arg {
                Arg::Text(text) => FluentValue::from(text.as_ref()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, (!args.is_empty()).then_some(&fluent_args), &mut errors);
        if errors.is_empty() { Ok(text.into_owned()) } else { Err(format!("{id}: {errors:?}")) }
    }
}

/// A simple message with its text arguments filled in, as Fluent would write it (no isolation
/// marks, no transform); `None` when an argument is missing or a number (Fluent then formats
/// it, or reports the error).
fn join(pieces: &[Piece], args: &[(&str, Arg<'_>)]) -> Option<String> {
    // Sized once: growing as it goes was a reallocation or two per message.
    let arg_bytes: usize = args.iter().map(|(_, arg)| if let Arg::Text(value) = arg { value.len() } else { 0 }).sum();
    let mut text =
        String::with_capacity(pieces.iter().map(|p| if let Piece::Text(part) = p { part.len() } else { 0 }).sum::<usize>() + arg_bytes);
    for piece in pieces {
        match piece {
            Piece::Text(part) => text.push_str(part),
            Piece::Variable(name) => match args.iter().find(|(arg, _)| arg == name)? {
                (_, Arg::Text(value)) => text.push_str(value),
                (_, Arg::Number(_)) => return None,
            },
        }
    }
    Some(text)
}

/// Declares a struct of plain messages, each field read from the message of its own name
/// (after a prefix), so that no field can lack its message in any language unnoticed.
macro_rules! plain_messages {
    ($(#[$meta:meta])* pub struct $name:ident ($prefix:literal) { $($(#[$field_meta:meta])* $field:ident,)* }) => {
        $(#[$meta])*
        pub struct $name {
            pub lang: $crate::i18n::Lang,
            pub(super) messages: &'static $crate::i18n::messages::Messages,
            $($(#[$field_meta])* pub $field: &'static str,)*
        }

        impl $name {
            pub(super) fn load(lang: $crate::i18n::Lang, messages: &'static $crate::i18n::messages::Messages) -> Result<$name, String> {
                Ok($name { lang, messages, $($field: messages.plain(concat!($prefix, stringify!($field)))?,)* })
            }

            /// A formatted message of this language.
            pub fn format(&self, id: &str, args: &[(&str, $crate::i18n::messages::Arg<'_>)]) -> String {
                self.messages.format(id, args)
            }
        }
    };
}

pub(crate) use plain_messages;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_simple_message_joins_to_what_fluent_writes() {
        let memoized = "stars = { $stars } stars\nmin_stars = { $stars }+\nupdated_ago = { $days } days ago\n";
        let source = memoized.to_owned()
            + "plain = Just text\nwith = { $ward } (formerly { $district })\nmulti =\n    Two { $n }\n    lines\nselect = { $n ->\n    [one] one\n   *[other] many\n}\n";
        let messages = Messages::parse("en", &source).expect("parses");
        assert!(messages.simple.contains_key("with") && messages.simple.contains_key("multi"));
        assert!(!messages.simple.contains_key("select"));
        let args = [("ward", Arg::from("Bồ Đề")), ("district", Arg::from("Long Biên")), ("n", Arg::from("2"))];
        for id in ["plain", "with", "multi"] {
            assert_eq!(messages.format(id, &args), messages.try_format(id, &args).expect("formats"), "{id}");
        }
        assert_eq!(messages.format("with", &args), "Bồ Đề (formerly Long Biên)");
        // A missing argument is Fluent's to report: the message shows its id.
        assert_eq!(messages.format("with", &args[..1]), "with");
        assert_eq!(messages.format("select", &[("n", Arg::Number(1))]), "one");
    }

    #[test]
    fn every_simple_message_of_both_files_joins_to_what_fluent_writes() {
        for (code, source) in super::super::FILES {
            let messages = Messages::parse(code, source).expect("parses");
            assert!(messages.simple.len() > 100, "{code}: {} simple messages", messages.simple.len());
            for (id, pieces) in &messages.simple {
                let names: Vec<&str> =
                    pieces.iter().filter_map(|p| if let Piece::Variable(n) = p { Some(n.as_str()) } else { None }).collect();
                let args: Vec<(&str, Arg<'_>)> = names.iter().map(|n| (*n, Arg::from(format!("<{n}>")))).collect();
                assert_eq!(messages.format(id, &args), messages.try_format(id, &args).expect("formats"), "{code}: {id}");
            }
        }
    }
}
