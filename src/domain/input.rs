//! What was wrong with a visitor's input, as data: the web layer says it in their language.

/// One query parameter of a list page that made no sense; the page answers 400 and says which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterError {
    Stars(String),
    Page(String),
    District(String),
    Category(String),
    Kind(String),
    Craft(String),
    TextTooLong(usize),
}

/// Why one form field was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    Required,
    /// Not a whole number.
    NotWholeNumber,
    /// A number outside `min..=max`.
    OutOfRange {
        min: i64,
        max: i64,
    },
    TooLong {
        max: usize,
    },
    TooShort {
        min: usize,
    },
    /// Not in the expected form (a username with spaces, say).
    Malformed,
    /// The current password given to confirm a change is wrong.
    WrongPassword,
    /// Two entries that must agree (a new password and its repetition) do not.
    Mismatch,
    /// Names something the catalogue does not have (a ward code, a site's code).
    NotFound,
    /// Names something deactivated (a product's producer), which must be reactivated first.
    Inactive,
    /// A column the file format does not have.
    Unexpected,
    /// The file is not UTF-8 text.
    NotUtf8,
    /// Another record already uses this value (a unique constraint).
    Taken,
    /// The same thing given twice in one submission.
    Repeated,
}

/// A refused field: which one (its form name) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub problem: FieldProblem,
}

impl FieldError {
    pub fn new(field: impl Into<String>, problem: FieldProblem) -> FieldError {
        FieldError { field: field.into(), problem }
    }
}

/// A text field: trimmed, and a problem when it is required but empty or longer than `max`
/// characters. The trimmed text comes back either way, so a refused form is sent back filled in.
pub fn check_text(value: &str, max: usize, required: bool) -> (String, Option<FieldProblem>) {
    let value = value.trim();
    let problem = if required && value.is_empty() {
        Some(FieldProblem::Required)
    } else if value.chars().count() > max {
        Some(FieldProblem::TooLong { max })
    } else {
        None
    };
    (value.to_owned(), problem)
}
