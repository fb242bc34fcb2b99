-- What shoppers search for, counted per Hanoi day by folded query, with how many results it
-- found when last counted: the dashboard shows what people look for and do not find. No
-- address, no identity, no time finer than the day.
CREATE TABLE search_counts (
    day       TEXT NOT NULL,
    query     TEXT NOT NULL,
    results   BIGINT NOT NULL,
    searches  BIGINT NOT NULL,
    PRIMARY KEY (day, query)
);
