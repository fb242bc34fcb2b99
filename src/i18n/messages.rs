//! One language's messages, read from its Fluent file (`locales/<code>.ftl`, compiled in):
//! plain ones become the `&'static str` fields templates print, formatted ones are filled in
//! with their arguments when a page asks.

use std::borrow::Cow;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

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
        bundle.add_resource(resource).map_err(|errors| format!("{code}.ftl: {errors:?}"))?;
        Ok(Messages { bundle })
    }

    /// A message without arguments, kept for the life of the process (each language's file is
    /// read once).
    pub fn plain(&self, id: &str) -> Result<&'static str, String> {
        self.try_format(id, &[]).map(|text| &*Box::leak(text.into_boxed_str()))
    }

    /// A message with its arguments; a missing message shows its id (tests make sure none is).
    pub fn format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
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
