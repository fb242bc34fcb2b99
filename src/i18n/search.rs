//! The search page's text.

use super::messages::plain_messages;

plain_messages! {
    #[derive(Debug)]
    pub struct SearchTexts ("search_") {
        title,
        intro,
        too_short,
        nothing_found,
        did_you_mean,
        try_these,
        showrooms,
        design_centres,
        products,
        producers,
        villages,
        districts,
        wards,
        jump,
        see_all,
        producer_products,
        examples_0,
        examples_1,
        examples_2,
        examples_3,
        examples_4,
        examples_5,
        examples_6,
        examples_7,
    }
}

impl SearchTexts {
    /// Searches that show what the box can do, as typed.
    pub fn examples(&self) -> [&'static str; 8] {
        [
            self.examples_0,
            self.examples_1,
            self.examples_2,
            self.examples_3,
            self.examples_4,
            self.examples_5,
            self.examples_6,
            self.examples_7,
        ]
    }

    /// "12 kết quả cho “trà”".
    pub fn results_for(&self, count: usize, query: &str) -> String {
        let shown = self.lang.texts().number(count);
        let count = i64::try_from(count).unwrap_or(i64::MAX);
        self.format("search_results_for", &[("count", count.into()), ("shown", shown.into()), ("query", query.into())])
    }
}
