//! OCOP star ratings: only 3, 4 and 5 stars are certified.

use serde::Serialize;

/// A certified OCOP rating. 1 and 2 stars exist on the scoring scale but are not certified,
/// so they cannot be represented here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Stars(u8);

impl Stars {
    pub const THREE: Stars = Stars(3);
    pub const FOUR: Stars = Stars(4);
    pub const FIVE: Stars = Stars(5);
    pub const ALL: [Stars; 3] = [Stars::THREE, Stars::FOUR, Stars::FIVE];

    /// Accepts 3, 4 or 5.
    pub fn new(value: i64) -> Option<Stars> {
        matches!(value, 3..=5).then_some(Stars(value as u8))
    }

    /// Parses user input such as `"4"`.
    pub fn parse(text: &str) -> Option<Stars> {
        text.trim().parse::<i64>().ok().and_then(Stars::new)
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// "★★★★☆" style glyphs for sighted readers; templates pair it with a spoken label.
    pub fn glyphs(self) -> &'static str {
        const GLYPHS: [&str; 6] = ["☆☆☆☆☆", "★☆☆☆☆", "★★☆☆☆", "★★★☆☆", "★★★★☆", "★★★★★"];
        GLYPHS[usize::from(self.0).min(5)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_three_to_five_stars_are_certified() {
        assert_eq!(Stars::new(2), None);
        assert_eq!(Stars::new(6), None);
        assert_eq!(Stars::new(4).map(Stars::get), Some(4));
        assert_eq!(Stars::parse(" 5 "), Some(Stars::FIVE));
        assert_eq!(Stars::parse("9"), None);
        assert_eq!(Stars::parse("four"), None);
    }

    #[test]
    fn glyphs_always_show_five_positions() {
        assert_eq!(Stars::THREE.glyphs(), "★★★☆☆");
        assert_eq!(Stars::FIVE.glyphs(), "★★★★★");
    }
}
