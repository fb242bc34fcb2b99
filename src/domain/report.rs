//! Shoppers' reports of wrong information: what can be reported, how a report is closed, and
//! how often one address may report.

/// What a shopper says is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    /// A product the site lists was not there.
    NotInStock,
    WrongPrice,
    WrongHours,
    WrongAddress,
    /// The site was closed when it should have been open.
    Closed,
}

impl ReportKind {
    pub const ALL: [ReportKind; 5] =
        [ReportKind::NotInStock, ReportKind::WrongPrice, ReportKind::WrongHours, ReportKind::WrongAddress, ReportKind::Closed];

    pub fn key(self) -> &'static str {
        match self {
            ReportKind::NotInStock => "not_in_stock",
            ReportKind::WrongPrice => "wrong_price",
            ReportKind::WrongHours => "wrong_hours",
            ReportKind::WrongAddress => "wrong_address",
            ReportKind::Closed => "closed",
        }
    }

    pub fn parse(key: &str) -> Option<ReportKind> {
        ReportKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Whether the report is about one product (rather than the site).
    pub fn is_about_a_product(self) -> bool {
        matches!(self, ReportKind::NotInStock | ReportKind::WrongPrice)
    }
}

/// How staff closed a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// A clerk counted the product (closes its "not in stock" reports).
    Counted,
    /// Staff fixed what was wrong.
    Corrected,
    /// The report was mistaken.
    Wrong,
}

impl Resolution {
    pub fn key(self) -> &'static str {
        match self {
            Resolution::Counted => "counted",
            Resolution::Corrected => "corrected",
            Resolution::Wrong => "wrong",
        }
    }

    pub fn parse(key: &str) -> Option<Resolution> {
        [Resolution::Counted, Resolution::Corrected, Resolution::Wrong].into_iter().find(|r| r.key() == key)
    }
}

/// Reports one address may file per window.
pub const REPORTS_PER_WINDOW: i64 = 5;
/// The rate limit's window; the address is forgotten when it is over.
pub const WINDOW_SECONDS: i64 = 3600;
/// The longest note a shopper may add.
pub const NOTE_MAX: usize = 500;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_resolutions_round_trip_through_their_keys() {
        for kind in ReportKind::ALL {
            assert_eq!(ReportKind::parse(kind.key()), Some(kind));
        }
        assert_eq!(ReportKind::parse("spam"), None);
        assert_eq!(Resolution::parse("wrong"), Some(Resolution::Wrong));
        assert!(ReportKind::NotInStock.is_about_a_product() && !ReportKind::Closed.is_about_a_product());
    }
}
