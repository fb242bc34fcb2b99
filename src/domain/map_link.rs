//! Coordinates from what staff paste: "21.0285, 105.8542", or a Google Maps or OpenStreetMap
//! link to the place.

/// Roughly Vietnam's bounding box: a point outside it is a slip (swapped or mistyped numbers).
const LAT: std::ops::RangeInclusive<f64> = 8.0..=23.5;
const LON: std::ops::RangeInclusive<f64> = 102.0..=110.0;

/// Latitude and longitude, checked to lie in Vietnam.
pub fn parse_coordinates(text: &str) -> Option<(f64, f64)> {
    coordinates_where(text, |lat, lon| LAT.contains(&lat) && LON.contains(&lon))
}

/// Latitude and longitude anywhere on Earth (a shopper abroad is far, not wrong).
pub fn parse_world_coordinates(text: &str) -> Option<(f64, f64)> {
    coordinates_where(text, |lat, lon| (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
}

fn coordinates_where(text: &str, accept: impl Fn(f64, f64) -> bool) -> Option<(f64, f64)> {
    let text = text.trim();
    let candidates = [
        // Google: /@21.0285,105.8542,17z
        after(text, "@").map(|rest| pair(rest, ',')),
        // Google place data: !3d21.0285!4d105.8542
        after(text, "!3d").and_then(|rest| Some((number(rest)?, number(after(rest, "!4d")?)?))).map(Some),
        // Google: ?q=21.0285,105.8542 / query= / ll= / destination=
        ["q=", "query=", "ll=", "destination="].iter().find_map(|key| after(text, key).map(|rest| pair(&rest.replace("%2C", ","), ','))),
        // OpenStreetMap: ?mlat=21.0285&mlon=105.8542
        after(text, "mlat=").and_then(|rest| Some((number(rest)?, number(after(text, "mlon=")?)?))).map(Some),
        // OpenStreetMap: #map=17/21.0285/105.8542
        after(text, "#map=").and_then(|rest| after(rest, "/")).map(|rest| pair(rest, '/')),
        // Typed: "21.0285, 105.8542" or "21.0285 105.8542"
        Some(pair(text, ',')),
        Some(pair(text, ' ')),
    ];
    candidates.into_iter().flatten().flatten().find(|&(lat, lon)| accept(lat, lon))
}

fn after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    text.find(marker).map(|at| &text[at + marker.len()..])
}

/// The number at the start of `text` ("21.0285!4d…" → 21.0285).
fn number(text: &str) -> Option<f64> {
    let end = text.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-')).unwrap_or(text.len());
    text[..end].parse().ok()
}

fn pair(text: &str, separator: char) -> Option<(f64, f64)> {
    let (lat, rest) = text.split_once(separator)?;
    Some((number(lat.trim())?, number(rest.trim())?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_come_from_every_common_kind_of_link() {
        let expected = Some((21.0285, 105.8542));
        for text in [
            "21.0285, 105.8542",
            "21.0285 105.8542",
            "https://www.google.com/maps/place/H%E1%BB%93+G%C6%B0%C6%A1m/@21.0285,105.8542,17z/data=!3m1",
            "https://www.google.com/maps/place/X/data=!4m6!3m5!1s0x0:0x0!8m2!3d21.0285!4d105.8542",
            "https://maps.google.com/?q=21.0285,105.8542",
            "https://www.google.com/maps/search/?api=1&query=21.0285%2C105.8542",
            "https://www.openstreetmap.org/?mlat=21.0285&mlon=105.8542#map=17/21.0285/105.8542",
            "https://www.openstreetmap.org/#map=17/21.0285/105.8542",
        ] {
            assert_eq!(parse_coordinates(text), expected, "{text}");
        }
    }

    #[test]
    fn points_outside_vietnam_and_junk_are_refused() {
        for text in ["105.8542, 21.0285", "48.85, 2.35", "", "Hà Nội", "https://maps.app.goo.gl/abc123"] {
            assert_eq!(parse_coordinates(text), None, "{text}");
        }
    }
}
