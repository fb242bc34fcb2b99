-- Content in English beside the Vietnamese: descriptions of products, sites and craft villages
-- (names stay Vietnamese). Empty means no translation yet: English pages then show the
-- Vietnamese text, marked as such.
ALTER TABLE products ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
ALTER TABLE sites ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
ALTER TABLE craft_villages ADD COLUMN description_en TEXT NOT NULL DEFAULT '';
