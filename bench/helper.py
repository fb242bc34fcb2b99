#!/usr/bin/env python3
"""bench/run's helpers: JSON, wrk output, the URL sets of the load scripts, and the report.

Usage: helper.py COMMAND ARGS... (see the branches below). Only ever talks to 127.0.0.1.
Targets come from bench/run through the environment (T_* variables).
"""
import http.client
import json
import os
import random
import re
import sys
import time
import unicodedata
import urllib.parse

BUSY = 15  # % CPU in use before a measurement above which its numbers are flagged
SEED = 20261124  # the URL sets are the same on every run (for the same data)


def fail(message):
    sys.exit("helper: " + message)


def target(name):
    value = os.environ.get(name)
    if value is None:
        fail("%s is not set (bench/run sets the targets)" % name)
    return float(value)


# ---------------------------------------------------------------------------------------------
# Picking pages


def pick_showroom(sites_file):
    """The showroom with the largest product_count below 200."""
    sites = json.load(open(sites_file))["sites"]
    shows = [s for s in sites if s.get("kind") == "showroom" and s.get("product_count", 0) < 200]
    if not shows:
        fail("no showroom with fewer than 200 products in /api/v1/sites")
    return max(shows, key=lambda s: (s["product_count"], s["slug"]))["slug"]


def pick_district(sites_file, preferred):
    """`preferred` when some site is in it, else the district with the most sites."""
    counts = {}
    for s in json.load(open(sites_file))["sites"]:
        if s.get("district_slug"):
            counts[s["district_slug"]] = counts.get(s["district_slug"], 0) + 1
    if not counts:
        fail("no district_slug in /api/v1/sites")
    if preferred in counts:
        return preferred
    return max(sorted(counts), key=lambda d: counts[d])


# ---------------------------------------------------------------------------------------------
# URL sets


def fold(text):
    """What a shopper without a Vietnamese keyboard types: no marks, đ -> d, lower case."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def words_of(name):
    return [w for w in re.split(r"[\s\-–,.()/&+:;\"']+", name) if len(w) >= 2 and not w.isdigit()]


class Client:
    """Keep-alive HTTP/1.1 to the app on 127.0.0.1."""

    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        if u.hostname != "127.0.0.1":
            fail("refusing to talk to anything but 127.0.0.1: " + base)
        self.host, self.port = u.hostname, u.port
        self.conn = None

    def get(self, path, headers=None):
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                started = time.perf_counter()
                self.conn.request("GET", path, headers=headers or {})
                resp = self.conn.getresponse()
                body = resp.read()
                return resp.status, body, time.perf_counter() - started
            except (http.client.HTTPException, OSError):
                self.conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def json(self, path):
        status, body, _ = self.get(path)
        if status != 200:
            fail("%s answered %d" % (path, status))
        return json.loads(body)


CATEGORIES = ["food", "beverages", "herbal", "fabrics_garments", "handicrafts", "rural_tourism"]


def gen_urls(base, outdir, detail_sites):
    """Writes, from what the app serves:
    uncached.txt  1,000 distinct filter URLs on /showrooms and /products (both unfiltered lists
                  among them) and 1,000 search URLs (1,000 distinct texts), shuffled;
    texts.txt     the 1,000 search texts, percent-encoded (for bounded.lua);
    districts.txt the district slugs;
    bases.txt     named pages the bounded load hangs unknown parameters on."""
    rnd = random.Random(SEED)
    app = Client(base)
    sites = sorted(app.json("/api/v1/sites")["sites"], key=lambda s: s["slug"])
    districts = sorted({s["district_slug"] for s in sites if s.get("district_slug")})
    # Product names from the showrooms' stock lists (a deterministic sample of sites).
    sample = rnd.sample(sites, min(detail_sites, len(sites)))
    products = {}
    for s in sample:
        for row in app.json("/api/v1/sites/" + urllib.parse.quote(s["slug"]))["stock"]:
            products[row["product_slug"]] = row["product"]
    names = sorted(products.values()) + sorted(s["name"] for s in sites)
    if not districts or not products:
        fail("no districts or no products in the API")

    # 1,000 search texts: single words and two-word phrases, with and without diacritics.
    singles, pairs = set(), set()
    for name in names:
        ws = [w.lower() for w in words_of(name)]
        singles.update(ws)
        pairs.update(" ".join(ws[i : i + 2]) for i in range(len(ws) - 1))
    pools = [
        (0.40, sorted(singles)),
        (0.20, sorted({fold(w) for w in singles} - singles)),
        (0.25, sorted(pairs)),
        (0.15, sorted({fold(p) for p in pairs} - pairs)),
    ]
    texts = []
    for share, pool in pools:
        texts += rnd.sample(pool, min(len(pool), round(1000 * share)))
    spare = sorted((singles | pairs | {fold(x) for x in singles | pairs}) - set(texts))
    rnd.shuffle(spare)
    texts = list(dict.fromkeys(texts + spare))[:1000]
    if len(texts) < 1000:
        fail("only %d distinct search texts in the catalogue's names" % len(texts))

    def url(path, params):
        return path + ("?" + urllib.parse.urlencode(params) if params else "")

    # 1,000 distinct filter combinations, the two unfiltered lists first.
    filters = {"/showrooms", "/products"}
    while len(filters) < 1000:
        p = []
        if rnd.random() < 0.4:
            if rnd.random() < 0.4:
                p.append(("kind", rnd.choice(["showroom", "design_centre"])))
            if rnd.random() < 0.5:
                p.append(("district", rnd.choice(districts)))
            if rnd.random() < 0.5:
                p.append(("category", rnd.choice(CATEGORIES)))
            if rnd.random() < 0.4:
                p.append(("stars", rnd.choice("345")))
            if rnd.random() < 0.15:
                p.append(("q", rnd.choice(texts)))
            filters.add(url("/showrooms", p))
        else:
            if rnd.random() < 0.5:
                p.append(("category", rnd.choice(CATEGORIES)))
            if rnd.random() < 0.5:
                p.append(("stars", rnd.choice("345")))
            if rnd.random() < 0.5:
                p.append(("district", rnd.choice(districts)))
            if rnd.random() < 0.15:
                p.append(("q", rnd.choice(texts)))
            if rnd.random() < 0.4:
                p.append(("page", rnd.randint(2, 6)))
            filters.add(url("/products", p))
    searches = [url("/products" if i % 2 == 0 else "/showrooms", [("q", t)]) for i, t in enumerate(texts)]
    paths = sorted(filters) + searches
    rnd.shuffle(paths)

    bases = ["/", "/districts", "/showrooms", "/products", "/api/v1/sites"]
    bases += ["/districts/" + d for d in rnd.sample(districts, min(5, len(districts)))]
    bases += ["/showrooms/" + s["slug"] for s in rnd.sample(sites, min(5, len(sites)))]
    bases += ["/products/" + p for p in rnd.sample(sorted(products), min(5, len(products)))]

    os.makedirs(outdir, exist_ok=True)
    for name, lines in [
        ("uncached.txt", paths),
        ("texts.txt", [urllib.parse.quote_plus(t) for t in texts]),
        ("districts.txt", districts),
        ("bases.txt", bases),
    ]:
        with open(os.path.join(outdir, name), "w") as f:
            f.write("\n".join(lines) + "\n")
    print(len(filters), len(searches))


VIETNAM = (8.5, 23.3, 102.2, 109.4)  # min lat, max lat, min lon, max lon
NEAR_JITTER = 0.05  # degrees, in latitude and in longitude, around a site
HEADLINE = [("category", "herbal"), ("stars", "4"), ("in_stock", "1"), ("open", "1")]


def gen_near_urls(base, out_file, count=1000):
    """Writes `count` distinct /near paths, one per line, from the sites /api/v1/sites.geojson
    serves (coordinates [lon, lat]): 80 % a random site's position moved up to ±0.05° (kept inside
    the box around the sites), 20 % anywhere in Vietnam's box; every other path carries the
    headline filters (herbal, 4 stars or more, in stock, open now). Prints "count sites"."""
    rnd = random.Random(SEED)
    doc = Client(base).json("/api/v1/sites.geojson")
    if doc.get("type") != "FeatureCollection":
        fail("/api/v1/sites.geojson is not a FeatureCollection")
    sites = sorted(
        (f["geometry"]["coordinates"][1], f["geometry"]["coordinates"][0])
        for f in doc.get("features", [])
        if (f.get("geometry") or {}).get("type") == "Point"
    )
    if not sites:
        fail("no sites in /api/v1/sites.geojson")
    lat0, lat1 = min(p[0] for p in sites), max(p[0] for p in sites)
    lon0, lon1 = min(p[1] for p in sites), max(p[1] for p in sites)
    paths = []
    seen = set()
    while len(paths) < count:
        if rnd.random() < 0.8:
            lat, lon = rnd.choice(sites)
            lat = min(max(lat + rnd.uniform(-NEAR_JITTER, NEAR_JITTER), lat0), lat1)
            lon = min(max(lon + rnd.uniform(-NEAR_JITTER, NEAR_JITTER), lon0), lon1)
        else:
            lat, lon = rnd.uniform(VIETNAM[0], VIETNAM[1]), rnd.uniform(VIETNAM[2], VIETNAM[3])
        point = ("%.5f" % lat, "%.5f" % lon)
        if point in seen:
            continue
        seen.add(point)
        params = [("lat", point[0]), ("lon", point[1])] + (HEADLINE if len(paths) % 2 else [])
        paths.append("/near?" + urllib.parse.urlencode(params))
    os.makedirs(os.path.dirname(out_file) or ".", exist_ok=True)
    with open(out_file, "w") as f:
        f.write("\n".join(paths) + "\n")
    print(len(paths), len(sites))


# English phrases of data/synonyms.txt (the file mixes them with unmarked Vietnamese words such
# as "tre" or "cam", so they are named here); only those still in the file are used.
EN_SYNONYMS = """ceramics, pottery, porcelain, silk, lacquer, lacquerware, mother of pearl, inlay, rattan,
bamboo, conical hat, incense, wood, wooden, carving, embroidery, silver, textile, fabric, weaving,
towel, scarf, wool, knitwear, painting, brick, tea, honey, coffee, wine, liquor, fish sauce,
soy sauce, pork roll, sausage, cake, candy, jam, candied fruit, rice, vermicelli, glass noodles,
noodles, mushroom, egg, milk, chicken, duck, vegetables, fruit, pomelo, longan, lychee, banana,
guava, lotus, ginger, turmeric, essential oil, herbal, medicinal, soap"""
# How many of the 1,000 queries each kind gets (a short pool leaves its rest to the plain ones).
SEARCH_MIX = [
    ("word", 320),
    ("word, unmarked", 160),
    ("phrase", 220),
    ("phrase, unmarked", 160),
    ("one typo", 60),
    ("English synonym", 40),
    ("one letter", 10),
    ("no result", 30),
]
ONE_LETTERS = "abcdeghiklmnopqrstuvxyđâăêôơư"
NO_LETTERS = "fjwzq"  # not Vietnamese letters: words of them find nothing


def synonym_phrases(path):
    """Every phrase of the synonyms file, lower case."""
    phrases = set()
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0]
        phrases.update(p.strip().lower() for p in line.split(",") if p.strip())
    return phrases


def typo(word, rnd):
    """`word` with one letter dropped or two neighbours swapped (never the first letter)."""
    chars = list(unicodedata.normalize("NFC", word))
    i = rnd.randrange(1, len(chars) - 1)
    if rnd.random() < 0.5:
        del chars[i]
    else:
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def gen_search_urls(base, outdir, detail_sites, synonyms_file):
    """Writes, from the names the app serves (every site of /api/v1/sites, the products of a
    deterministic sample of sites from /api/v1/sites/{slug}), 1,000 distinct /search?q= paths:
    search.txt  the paths, shuffled (for cycle.lua);
    kinds.tsv   "kind<TAB>path" (for check-urls): words and two-word phrases as written and
                unmarked (NFD, marks dropped, đ -> d), one typo (a letter dropped or two swapped
                in a word of five letters or more), English synonyms, one letter, no result.
    Prints "count names" and the count of each kind."""
    rnd = random.Random(SEED)
    app = Client(base)
    sites = sorted(app.json("/api/v1/sites")["sites"], key=lambda s: s["slug"])
    products = {}
    for s in rnd.sample(sites, min(detail_sites, len(sites))):
        for row in app.json("/api/v1/sites/" + urllib.parse.quote(s["slug"]))["stock"]:
            products[row["product_slug"]] = row["product"]
    names = sorted(set(products.values())) + sorted({s["name"] for s in sites})
    if not products:
        fail("no products in the API")
    singles, pairs = set(), set()
    for name in names:
        ws = [unicodedata.normalize("NFC", w.lower()) for w in words_of(name)]
        singles.update(ws)
        pairs.update(" ".join(ws[i : i + 2]) for i in range(len(ws) - 1))
    known = {fold(w) for w in singles}  # folded words the catalogue's names hold
    english = sorted({p.strip() for p in EN_SYNONYMS.split(",")} & synonym_phrases(synonyms_file))
    words = sorted(singles)
    long_words = [w for w in words if len(fold(w)) >= 5]

    def typos(count):
        out = set()
        for _ in range(count * 50):
            if len(out) >= count or not long_words:
                break
            word = rnd.choice(long_words)
            wrong = typo(word if rnd.random() < 0.5 else fold(word), rnd)
            if fold(wrong) in known:
                continue  # another real word
            out.add(wrong if rnd.random() < 0.6 else "%s %s" % (rnd.choice(words), wrong))
        return sorted(out)

    def nothing(count):
        out = set()
        while len(out) < count:
            word = "".join(rnd.choice(NO_LETTERS) for _ in range(rnd.randint(6, 9)))
            out.add(word if len(out) % 2 else "%s %s" % (rnd.choice(words), word))
        return sorted(out)

    pools = {
        "word": words,
        "word, unmarked": sorted({fold(w) for w in singles} - singles),
        "phrase": sorted(pairs),
        "phrase, unmarked": sorted({fold(p) for p in pairs} - pairs),
        "English synonym": english,
        "one letter": sorted(ONE_LETTERS),
    }
    chosen = {}  # query -> kind, in the order chosen
    for kind, share in SEARCH_MIX:
        if kind == "one typo":
            picked = typos(share)
        elif kind == "no result":
            picked = nothing(share)
        else:
            pool = [q for q in pools[kind] if q not in chosen]
            picked = rnd.sample(pool, min(share, len(pool)))
        for q in picked:
            chosen.setdefault(q, kind)
    for kind in ("word", "phrase", "word, unmarked", "phrase, unmarked"):  # fill a short pool's share
        spare = [q for q in pools[kind] if q not in chosen]
        rnd.shuffle(spare)
        for q in spare[: max(0, 1000 - len(chosen))]:
            chosen[q] = kind
    if len(chosen) < 1000:
        fail("only %d distinct search queries in the catalogue's names" % len(chosen))
    queries = list(chosen.items())[:1000]
    rnd.shuffle(queries)
    paths = [("/search?" + urllib.parse.urlencode([("q", q)]), kind) for q, kind in queries]
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "search.txt"), "w") as f:
        f.write("\n".join(p for p, _ in paths) + "\n")
    order = [k for k, _ in SEARCH_MIX]
    with open(os.path.join(outdir, "kinds.tsv"), "w") as f:  # by kind: the report's order
        f.write("".join("%s\t%s\n" % (kind, p) for p, kind in sorted(paths, key=lambda pk: order.index(pk[1]))))
    counts = {}
    for _, kind in paths:
        counts[kind] = counts.get(kind, 0) + 1
    print(len(paths), len(names), "; ".join("%s %d" % (k, counts.get(k, 0)) for k, _ in SEARCH_MIX))


def route_group(path):
    u = urllib.parse.urlsplit(path)
    keys = {k for k, _ in urllib.parse.parse_qsl(u.query)}
    if u.path == "/near":
        return "/near, point only" if keys <= {"lat", "lon"} else "/near, headline filters"
    if keys == {"q"}:
        return "%s?q= (search only)" % u.path
    if not keys:
        return "%s (unfiltered)" % u.path
    return "%s filtered%s" % (u.path, ", with q" if "q" in keys else "")


def check_urls(base, paths_file, out_json, once=False, kinds_file=None):
    """GETs every path twice as is and once with Accept-Encoding: br, gzip, one at a time (with
    `once`, a single time as is: the mean wire size is then the identity size). The timings are
    grouped by route, or by the kind `kinds_file` ("kind<TAB>path" lines) gives each path (in
    the order the kinds first appear there).
    Prints "count bad mean_identity_bytes mean_wire_bytes"; writes timings to out_json."""
    app = Client(base)
    paths = [p for p in open(paths_file).read().split("\n") if p]
    kinds = {}
    if kinds_file:
        kinds = {p: k for k, _, p in (line.rstrip("\n").partition("\t") for line in open(kinds_file)) if p}
    bad, sizes, wire, timed = [], [], [], []
    for path in paths:
        status, body, t1 = app.get(path)
        if once:
            status2, t2, status3, zbody = status, t1, status, body
        else:
            status2, _, t2 = app.get(path)
            status3, zbody, _ = app.get(path, {"Accept-Encoding": "br, gzip"})
        if status != 200 or status2 != 200 or status3 != 200:
            bad.append("%s -> %d/%d/%d" % (path, status, status2, status3))
            continue
        sizes.append(len(body))
        wire.append(len(zbody))
        timed.append((min(t1, t2) * 1000, len(body), path))
    groups = {}
    for ms, _, path in timed:
        groups.setdefault(kinds.get(path) or route_group(path), []).append(ms)
    rank = {k: i for i, k in enumerate(dict.fromkeys(kinds.values()))}
    slowest = sorted(timed, reverse=True)[:8]
    summary = {
        "count": len(paths),
        "bad": bad[:20],
        "groups": [
            [g, len(v), sum(v) / len(v), sorted(v)[len(v) // 2], max(v)]
            for g, v in sorted(groups.items(), key=lambda gv: (rank.get(gv[0], len(rank)), gv[0]))
        ],
        # With kinds, each also says its kind and the path is shown decoded.
        "slowest": [list(t) + [kinds[t[2]]] if t[2] in kinds else list(t) for t in slowest],
    }
    json.dump(summary, open(out_json, "w"), ensure_ascii=False)
    for line in bad[:10]:
        print("non-200: " + line, file=sys.stderr)
    mean = lambda xs: round(sum(xs) / len(xs)) if xs else 0
    print(len(paths), len(bad), mean(sizes), mean(wire))


# ---------------------------------------------------------------------------------------------
# Tool output


def parse_wrk(path):
    """rps p50_ms p99_ms non2xx socket_errors timeouts requests"""
    text = open(path).read()
    unit = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}

    def lat(pct):
        m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s|m|h)\s*$" % pct, text, re.M)
        if not m:
            fail("no %s%% latency in wrk output" % pct)
        return float(m.group(1)) * unit[m.group(2)]

    m = re.search(r"^Requests/sec:\s+([\d.]+)", text, re.M)
    if not m:
        fail("no Requests/sec in wrk output")
    total = re.search(r"^\s*(\d+) requests in", text, re.M)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    errs = sum(int(x) for x in sock.groups()) if sock else 0
    return "%.2f %.3f %.3f %d %d %d %d" % (
        float(m.group(1)),
        lat(50),
        lat(99),
        int(non2xx.group(1)) if non2xx else 0,
        errs,
        int(sock.group(4)) if sock else 0,
        int(total.group(1)) if total else 0,
    )


def cpu_busy(seconds):
    """% of all CPUs busy over `seconds` (read just before a measurement)."""

    def sample():
        v = [int(x) for x in open("/proc/stat").readline().split()[1:]]
        return sum(v[:8]), v[3] + v[4]  # user..steal, idle + iowait

    t0, i0 = sample()
    time.sleep(seconds)
    t1, i1 = sample()
    return round(100 * (1 - (i1 - i0) / max(t1 - t0, 1)))


# ---------------------------------------------------------------------------------------------
# The report

FIGURES = [
    ("named", "1. Named pages, Hanoi scale, compressed"),
    ("uncached", "2. Uncached pages (page cache off)"),
    ("clerks", "3. Reads while clerks write"),
    ("national", "4. National scale"),
    ("bounded", "5. Bounded memory under distinct query strings"),
    ("near", "6. Near me"),
    ("search", "7. Search"),
]
SPARK = "▁▂▃▄▅▆▇█"


def mb(kb):
    return int(kb) * 1024 / 1e6


# How far past the ceiling's own p99 a page's p99 may go when that of the ceiling nears T_P99_MS.
TAIL_OVER_CEILING = 1.5


def mark(bad):
    return "❌ " + ", ".join(bad) if bad else "✅"


class Report:
    def __init__(self):
        self.missed = False
        self.errors = 0
        self.busiest = 0
        self.verdicts = {}  # (figure, backend) -> list of missed target names, or a string

    def miss(self, key, what):
        self.missed = True
        v = self.verdicts.setdefault(key, [])
        if isinstance(v, list):
            v.append(what)

    def busy_note(self, busy, note):
        self.busiest = max(self.busiest, int(busy))
        if int(busy) >= BUSY:
            note += ("; " if note else "") + "⚠ the CPUs were %s%% busy just before" % busy
        return note

    def render(self, results_file, header_file):
        blocks = {}  # (figure, backend) -> records, in the order they were made
        order = []
        key = None
        for line in open(results_file):
            f = line.rstrip("\n").split("\t")
            if f[0] == "section":
                key = (f[1], f[2])
                if key not in blocks:
                    blocks[key] = []
                    order.append(key)
            elif key is not None:
                blocks[key].append(f)
        out = [open(header_file).read().rstrip("\n"), ""]
        body = []
        for fig, title in FIGURES:
            keys = [k for k in order if k[0] == fig]
            if not keys:
                continue
            body += ["## %s" % title, "", getattr(self, "intro_" + fig)(), ""]
            for k in keys:
                self.verdicts.setdefault(k, [])
                body += ["### %s" % k[1], ""]
                body += getattr(self, "render_" + fig)(k, blocks[k])
                if body[-1] != "":
                    body.append("")
        backends = list(dict.fromkeys(k[1] for k in order))
        out += ["## Summary", "", "| figure | " + " | ".join(backends) + " |", "| --- |" + " --- |" * len(backends)]
        for fig, title in FIGURES:
            if not any(k[0] == fig for k in order):
                continue
            cells = []
            for b in backends:
                v = self.verdicts.get((fig, b))
                cells.append("" if v is None else v if isinstance(v, str) else mark(v))
            out.append("| %s | %s |" % (title, " | ".join(cells)))
        out.append("")
        out += body
        if self.busiest >= BUSY:
            out += [
                "⚠ Other processes were using up to %d%% of the CPUs just before a measurement: "
                "those numbers are not reliable." % self.busiest,
                "",
            ]
        verdict = "Some were missed." if self.missed else "All met." if not self.errors else "None missed."
        if self.errors:
            verdict += " %d error(s): something could not be measured (see above)." % self.errors
        out.append("Targets: %s" % verdict)
        return "\n".join(out)

    def common(self, key, f, out):
        """Records every figure may carry. Returns True when handled."""
        kind = f[0]
        if kind == "error":
            out.append("❌ `%s`: %s" % (f[1], f[2]))
            self.errors += 1
            self.verdicts[key] = "❌ not measured"
        elif kind == "skip":
            out.append("⏭ %s" % f[1])
            if not self.verdicts.get(key):
                self.verdicts[key] = "⏭ skipped"
        elif kind == "note":
            out.append(f[1])
        else:
            return False
        return True

    # -- figures 1 and 4: named pages --

    def page_table(self, key, records, min_ratio):
        max_p99 = target("T_P99_MS")
        rows = [
            "| page | bytes sent | req/s | p50 ms | p99 ms | ceiling req/s | ratio | ceiling p99 ms | targets |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        ]
        for f in records:
            if f[0] != "page":
                continue
            path, wire, enc, ident, rps, p50, p99, crps, cp99, timeouts, busy, note = f[1:]
            note = self.busy_note(busy, note)
            rps, p50, p99, crps, cp99 = map(float, (rps, p50, p99, crps, cp99))
            ratio = rps / crps if crps > 0 else 0.0
            bad = []
            if ratio < min_ratio:
                bad.append("ratio")
            # A body so big that sending it takes the ceiling itself near the bound (the 4 MB
            # /api/v1/sites at national scale) measures the machine: there, the app's tail may
            # be half again the ceiling's.
            if p99 >= max(max_p99, TAIL_OVER_CEILING * cp99) or int(timeouts) > 0:
                bad.append("p99")
            for b in bad:
                self.miss(key, "%s %s" % (path if len(path) < 20 else path[:17] + "…", b))
            size = "%s %s (of %s)" % (wire, enc, ident) if enc else wire
            rows.append(
                "| `%s` | %s | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %s |"
                % (path, size, rps, p50, p99, crps, ratio, cp99, mark(bad))
            )
            if note:
                rows.append("| ↳ | | | | | | | | %s |" % note)
        return rows if len(rows) > 2 else []

    def rss_line(self, key, records, max_rss, what):
        for f in records:
            if f[0] == "rss":
                rss = mb(f[1])
                ok = rss < max_rss
                if not ok:
                    self.miss(key, "RSS")
                return ["Peak RSS (VmHWM) of the app %s: %.1f MB %s (target < %g MB)." % (what, rss, mark([] if ok else ["RSS"]), max_rss)]
        return []

    def intro_named(self):
        return (
            "wrk sends `Accept-Encoding: br, gzip`; the ceiling answers a constant body of as many bytes as the app "
            "sent compressed (\"bytes sent\": encoding and uncompressed size in brackets). Targets: ratio ≥ %g, "
            "p99 < %g ms (or within %g × the ceiling's p99), peak RSS < %g MB."
            % (target("T_NAMED_RATIO"), target("T_P99_MS"), TAIL_OVER_CEILING, target("T_NAMED_RSS_MB"))
        )

    def render_named(self, key, records):
        out = self.page_table(key, records, target("T_NAMED_RATIO"))
        notes = []
        for f in records:
            if f[0] == "ready":
                notes.append("It answered /healthz %s s after it was started on an empty database (migrations, demo data)." % f[1])
            else:
                self.common(key, f, notes)
        if out:
            out.append("")
        return out + self.rss_line(key, records, target("T_NAMED_RSS_MB"), "after the run") + notes

    # -- figure 2: uncached --

    def intro_uncached(self):
        return (
            "A second app with `OCOP_PAGE_CACHE_MB=0`; `bench/cycle.lua` cycles (each wrk thread from its own offset) "
            "through 1,000 distinct filter combinations on `/showrooms` and `/products` (the unfiltered lists among them) "
            "and 1,000 search texts (`/products?q=` and `/showrooms?q=`; words and two-word phrases from product and site "
            "names, with and without diacritics). The ceiling sends the mean response size of those URLs, driven through the same script. Every URL was "
            "first checked to answer 200. Targets, on the first row (no `Accept-Encoding`: the cost of the query and the "
            "template): ratio ≥ %g, p99 < %g ms. The second row sends `Accept-Encoding: br, gzip` and is for information: with "
            "the cache off, every response is compressed on the spot." % (target("T_UNCACHED_RATIO"), target("T_P99_MS"))
        )

    LOAD_HEADER = [
        "| load | URLs | mean bytes | req/s | p50 ms | p99 ms | ceiling req/s | ratio | ceiling p99 ms | targets |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]

    def load_row(self, key, f, min_ratio):
        """The table rows of one `load` record (figures 2 and 6); the targets only when it is targeted."""
        label, urls, size, rps, p50, p99, crps, cp99, timeouts, busy, targeted, note = f[1:]
        note = self.busy_note(busy, note)
        rps, p50, p99, crps, cp99 = map(float, (rps, p50, p99, crps, cp99))
        ratio = rps / crps if crps > 0 else 0.0
        bad = []
        if targeted == "1":
            if ratio < min_ratio:
                bad.append("ratio")
            if p99 >= target("T_P99_MS") or int(timeouts) > 0:
                bad.append("p99")
            for b in bad:
                self.miss(key, b)
        rows = [
            "| %s | %s | %s | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %s |"
            % (label, urls, size, rps, p50, p99, crps, ratio, cp99, mark(bad) if targeted == "1" else "ℹ information")
        ]
        if note:
            rows.append("| ↳ | | | | | | | | | %s |" % note)
        return rows

    def urlcheck_lines(self, check_file, how):
        check = json.load(open(check_file))
        lines = [
            "",
            "Cost per URL, one request at a time before the load (%s):" % how,
            "",
            "| URLs | count | mean ms | median ms | max ms |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        lines += ["| %s | %d | %.2f | %.2f | %.2f |" % tuple(g) for g in check["groups"]]
        lines += ["", "Slowest:", ""]
        for ms, size, path, *kind in check["slowest"]:
            if kind:
                lines.append("- %.2f ms, %d bytes, %s: `%s`" % (ms, size, kind[0], urllib.parse.unquote_plus(path)))
            else:
                lines.append("- %.2f ms, %d bytes: `%s`" % (ms, size, path))
        return lines

    def render_uncached(self, key, records):
        rows = list(self.LOAD_HEADER)
        notes = []
        for f in records:
            if f[0] == "load":
                rows += self.load_row(key, f, target("T_UNCACHED_RATIO"))
            elif f[0] == "urlcheck":
                notes += self.urlcheck_lines(f[1], "the faster of two tries, no compression")
            elif f[0] == "rss":
                notes += ["", "Peak RSS (VmHWM) of the cache-less app: %.1f MB." % mb(f[1])]
            else:
                self.common(key, f, notes)
        return (rows if len(rows) > 2 else []) + notes

    # -- figure 3: reads while clerks write --

    def intro_clerks(self):
        return (
            "`bench/clerks` runs an app instance whose clerks save 20-row stock-takes at a combined 50 saves/s, each "
            "saved and then applied to the instance's snapshot exactly as the admin's save handler does "
            "(`save_stock_take`, then `CatalogStore::apply_stock_take`); meanwhile wrk (64 connections) reads a showroom "
            "page from that instance. Every half second a checker saves a marker count, reads it back from the same "
            "instance at once and polls a second instance (a separate process on the same database) until it shows it. "
            "Targets: reads ≥ %g of the ceiling at the page's size, save p99 < %g ms, every save on the writer's next "
            "read, on the second instance within %g ms."
            % (target("T_CLERK_READ_RATIO"), target("T_SAVE_P99_MS"), target("T_SECOND_MAX_MS"))
        )

    def render_clerks(self, key, records):
        out = []
        for f in records:
            if f[0] != "clerks":
                continue
            path, size, rps, p50, p99, crps, cp99, non2xx, busy, line = f[1:]
            st = dict(kv.split("=", 1) for kv in line.split()[1:])
            rps, p99, crps = float(rps), float(p99), float(crps)
            ratio = rps / crps if crps > 0 else 0.0
            save_p99, second_max = float(st["save_p99_ms"]), float(st["second_max_ms"])
            bad = []
            if ratio < target("T_CLERK_READ_RATIO"):
                bad.append("read ratio")
            if p99 >= target("T_P99_MS") or int(non2xx) > 0:
                bad.append("read p99")
            if save_p99 >= target("T_SAVE_P99_MS"):
                bad.append("save p99")
            if int(st["writer_misses"]) > 0:
                bad.append("writer's next read")
            if second_max >= target("T_SECOND_MAX_MS") or int(st["second_misses"]) > 0:
                bad.append("second instance")
            for b in bad:
                self.miss(key, b)
            out += [
                "| reads of | bytes | req/s | p99 ms | ceiling req/s | ratio | saves | save p50 ms | save p99 ms | conflicts "
                "| checks | missed on the writer | second instance p99 / max ms | targets |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
                "| `%s` | %s | %.0f | %.2f | %.0f | %.2f | %s | %.2f | %.2f | %s | %s | %s | %.1f / %.1f | %s |"
                % (path, size, rps, p99, crps, ratio, st["saves"], float(st["save_p50_ms"]), save_p99, st["conflicts"],
                   st["checks"], st["writer_misses"], float(st["second_p99_ms"]), second_max, mark(bad)),
            ]
            note = self.busy_note(busy, "")
            if note:
                out.append(note)
        notes = []
        for f in records:
            self.common(key, f, notes)
        return out + ([""] + notes if notes else [])

    # -- figure 4: national --

    def intro_national(self):
        return (
            "`ocop-locator seed-demo --scale national` (10,000 sites, 15,000 products, 1,000,000 stock rows), then the app "
            "started on that loaded database and the named pages driven as in figure 1 (compressed). The stock-take is "
            "`bench/stocktake` (in process, through the library): 100 `StockEdit::Set` rows at one site saved with "
            "`save_stock_take`, then `CatalogStore::catch_up`, timed together, and the snapshot checked to show every new "
            "count. Targets: ratio ≥ %g, p99 < %g ms (or within %g × the ceiling's p99, for a body the ceiling itself takes "
            "near that long to send), stock-take p99 < %g ms, peak RSS < %g MB, start-up < %g s."
            % (
                target("T_NATIONAL_RATIO"),
                target("T_P99_MS"),
                TAIL_OVER_CEILING,
                target("T_STOCKTAKE_P99_MS"),
                target("T_NATIONAL_RSS_MB"),
                target("T_STARTUP_S"),
            )
        )

    def render_national(self, key, records):
        out = []
        max_start, max_take = target("T_STARTUP_S"), target("T_STOCKTAKE_P99_MS")
        for f in records:
            if f[0] == "seed":
                out.append("Seeded in %s s (`seed-demo --scale national`, fresh database)." % f[1])
            elif f[0] == "ready":
                secs = float(f[1])
                bad = [] if secs < max_start else ["start-up"]
                for b in bad:
                    self.miss(key, b)
                out.append("Start-up to /healthz 200 on the loaded database: %.2f s %s (target < %g s)." % (secs, mark(bad), max_start))
        table = self.page_table(key, records, target("T_NATIONAL_RATIO"))
        if table:
            out += [""] + table + [""]
        out += self.rss_line(key, records, target("T_NATIONAL_RSS_MB"), "after the pages")
        for f in records:
            if f[0] == "stocktake":
                st = dict(kv.split("=", 1) for kv in f[1].split()[1:])
                p99 = float(st["p99_ms"])
                bad = [] if p99 < max_take else ["stock-take p99"]
                for b in bad:
                    self.miss(key, b)
                out += [
                    "",
                    "Stock-take of %s rows, visible on the next read: p50 %.2f ms, **p99 %.2f ms** %s (target < %g ms), max %.2f ms "
                    "over %s rounds at %s sites. Of which the write (`save_stock_take`, one transaction) p50 %.2f / p99 %.2f ms, "
                    "the catch-up p50 %.2f / p99 %.2f ms. Loading the catalogue took %s s in that process."
                    % (
                        st["rows"],
                        float(st["p50_ms"]),
                        p99,
                        mark(bad),
                        max_take,
                        float(st["max_ms"]),
                        st["iterations"],
                        st["sites"],
                        float(st["write_p50_ms"]),
                        float(st["write_p99_ms"]),
                        float(st["catch_up_p50_ms"]),
                        float(st["catch_up_p99_ms"]),
                        st["load_s"],
                    ),
                ]
        notes = []
        for f in records:
            self.common(key, f, notes)
        if notes:
            out += ([""] if out else []) + notes
        return out

    # -- figure 5: bounded --

    def intro_bounded(self):
        return (
            "An app with its page cache at the default bound (`--page-cache-mb 64`, 64 MiB) takes distinct query strings from `bench/bounded.lua` (wrk, 64 "
            "connections): half carry a 4 KB unknown parameter on a named page or list, the rest are distinct valid "
            "filter combinations and search texts (each a new cache entry) or a small unknown parameter. VmRSS is sampled "
            "every second. Pass: peak RSS ≤ cache bound + RSS after start-up and warm-up (the snapshot) + %g MB of "
            "allocator slack (1 MB = 10⁶ bytes; 64 MiB = 67.1 MB), and all the requests sent within the time limit."
            % target("T_BOUNDED_SLACK_MB")
        )

    def render_bounded(self, key, records):
        out, notes, curve = [], [], []
        for f in records:
            if f[0] == "curve":
                curve.append((float(f[1]), int(f[2]), mb(f[3])))
            elif f[0] == "bounded":
                sent, wanted, elapsed, limit, base_kb, peak_kb, cache_mb, non2xx, busy = f[1:]
                self.busy_note(busy, "")
                base, peak = mb(base_kb), mb(peak_kb)
                cache = int(cache_mb) * 1024 * 1024 / 1e6
                slack = target("T_BOUNDED_SLACK_MB")
                bound = cache + base + slack
                bad = []
                if peak > bound:
                    bad.append("RSS")
                if int(sent) < int(wanted):
                    bad.append("only %s of %s requests in %s s" % (sent, wanted, limit))
                for b in bad:
                    self.miss(key, b)
                out += [
                    "%s distinct query strings in %s s (wanted %s within %s s), %s non-2xx. RSS after start-up and warm-up "
                    "%.1f MB; peak %.1f MB %s: bound = %.1f (cache, %s MiB) + %.1f (snapshot) + %g (slack) = **%.1f MB**."
                    % (sent, elapsed, wanted, limit, non2xx, base, peak, mark(bad), cache, cache_mb, base, slack, bound),
                ]
                if int(busy) >= BUSY:
                    out.append("⚠ the CPUs were %s%% busy just before." % busy)
            else:
                self.common(key, f, notes)
        if curve:
            lo, hi = min(r for _, _, r in curve), max(r for _, _, r in curve)
            spark = "".join(SPARK[min(7, int((r - lo) / (hi - lo + 1e-9) * 8))] for _, _, r in curve)
            out += ["", "RSS per second, %.1f → %.1f MB: `%s`" % (lo, hi, spark), ""]
            step = max(1, -(-len(curve) // 24))
            picked = curve[::step]
            if picked[-1] is not curve[-1]:
                picked.append(curve[-1])
            out += ["| t s | requests | RSS MB |", "| ---: | ---: | ---: |"]
            out += ["| %.0f | %d | %.1f |" % row for row in picked]
        return out + ([""] + notes if notes else [])


    # -- figure 6: near me --

    def intro_near(self):
        return (
            "The national data set of figure 4 (seeded the same way when figure 4 did not run). `bench/helper.py "
            "gen-near-urls` makes, with a fixed seed, 1,000 distinct `/near?lat=…&lon=…` points from the sites "
            "`/api/v1/sites.geojson` serves: 80 %% a random site's position moved up to ±0.05° (inside the box around the "
            "sites), 20 %% anywhere in Vietnam (lat 8.5–23.3, lon 102.2–109.4); every other one carries the headline "
            "filters (`category=herbal&stars=4&in_stock=1&open=1`). An app with `OCOP_PAGE_CACHE_MB=0` (every point really "
            "computed), then one with the default cache (`--page-cache-mb`), each first fetches every URL once (one at a "
            "time, no compression; all must answer 200), then `bench/cycle.lua` cycles through them (each wrk thread from "
            "its own offset). The ceiling sends the mean response size, driven through the same script. Targets, on the cache-off row: ratio ≥ %g, "
            "p99 < %g ms; the cached row is for information. Then `bench/near` (in process, through the library) times "
            "`Catalog::nearest` for the headline query (the 10 nearest sites open now with a herbal product of 4 stars "
            "or more in stock) at random points by the same recipe: target p99 < %g ms. \"Open now\" depends on the hour "
            "asked (Hanoi time, shown: `BENCH_NEAR_AT`, by day, unless it is set empty), so the same query is also timed at 06:30, when few demo sites are open "
            "(same target), and at 23:30, when every one is closed (for information)." % (target("T_NEAR_RATIO"), target("T_P99_MS"), target("T_NEAR_P99_MS"))
        )

    def render_near(self, key, records):
        rows = list(self.LOAD_HEADER)
        out, notes, rss = [], [], []
        for f in records:
            if f[0] == "seed":
                out.append("Seeded in %s s (`seed-demo --scale national`, fresh database: figure 4 did not run)." % f[1])
            elif f[0] == "load":
                rows += self.load_row(key, f, target("T_NEAR_RATIO"))
            elif f[0] == "urlcheck":
                notes += self.urlcheck_lines(f[1], "the cache-off app, one try each, no compression")
            elif f[0] == "near-rss":
                rss.append("%s %.1f MB" % (f[1], mb(f[2])))
        if out:
            out.append("")
        if len(rows) > 2:
            out += rows
        for f in records:
            if f[0] != "near":
                continue
            st = dict(kv.split("=", 1) for kv in f[1].split()[1:])
            p99, max_p99 = float(st["headline_p99_ms"]), target("T_NEAR_P99_MS")
            dawn_p99 = float(st["dawn_p99_ms"])
            dawn_bad = [] if dawn_p99 < max_p99 else ["06:30 headline p99"]
            bad = ([] if p99 < max_p99 else ["headline p99"]) + dawn_bad
            for b in bad:
                self.miss(key, b)
            out += [
                "",
                "In process (`Catalog::nearest`, %s points, %s active sites, catalogue loaded in %s s; Hanoi time %s, %s sites "
                "open): the headline query p50 %.3f ms, **p99 %.3f ms** %s (target < %g ms), max %.3f ms, %.2f sites found on "
                "average. With no filter p50 %.3f / p99 %.3f ms; with the category alone p50 %.3f / p99 %.3f ms."
                % (
                    st["iterations"],
                    st["sites"],
                    st["load_s"],
                    st["hanoi_time"],
                    st["open_sites"],
                    float(st["headline_p50_ms"]),
                    p99,
                    mark(bad),
                    max_p99,
                    float(st["headline_max_ms"]),
                    float(st["mean_results"]),
                    float(st["plain_p50_ms"]),
                    float(st["plain_p99_ms"]),
                    float(st["category_p50_ms"]),
                    float(st["category_p99_ms"]),
                ),
                "",
                "At 06:30 Hanoi time (%s sites open), %s points: the headline query p50 %.3f ms, **p99 %.3f ms** %s "
                "(target < %g ms), max %.3f ms, %.2f sites found on average."
                % (
                    st["dawn_open_sites"],
                    st["night_iterations"],
                    float(st["dawn_p50_ms"]),
                    dawn_p99,
                    mark(dawn_bad),
                    max_p99,
                    float(st["dawn_max_ms"]),
                    float(st["dawn_mean_results"]),
                ),
                "",
                "ℹ The headline query at 23:30 Hanoi time (%s sites open), %s points: p50 %.3f ms, p99 %.3f ms, max %.3f ms, "
                "%.2f sites found on average."
                % (
                    st["night_open_sites"],
                    st["night_iterations"],
                    float(st["night_p50_ms"]),
                    float(st["night_p99_ms"]),
                    float(st["night_max_ms"]),
                    float(st["night_mean_results"]),
                ),
            ]
        if rss:
            notes += ["", "Peak RSS (VmHWM): %s." % ", ".join(rss)]
        for f in records:
            if f[0] not in ("seed", "load", "urlcheck", "near-rss", "near"):
                self.common(key, f, notes)
        return out + notes


    # -- figure 7: search --

    def intro_search(self):
        return (
            "The national data set of figure 4 (seeded the same way when neither figure 4 nor 6 ran). `bench/helper.py "
            "gen-search-urls` makes, with a fixed seed, 1,000 distinct `/search?q=…` queries from the names the app serves "
            "(every site of `/api/v1/sites`, the products 60 of them stock from `/api/v1/sites/{slug}`): single words and "
            "two-word phrases as written and unmarked (NFD, marks dropped, đ → d), a few with one typo (a letter dropped "
            "or two neighbours swapped in a word of five letters or more, alone or after another word), English synonyms "
            "from `data/synonyms.txt`, one-letter queries and queries that find nothing (letters Vietnamese does not "
            "use, alone or after a real word). An app with `OCOP_PAGE_CACHE_MB=0` (every request really searches) first "
            "fetches every URL one at a time (twice as is, once compressed; all must answer 200), then `bench/cycle.lua` "
            "cycles through them (each wrk thread from its own offset). The ceiling sends the mean response size, driven through the same script. "
            "Targets, on the first row (no `Accept-Encoding`): ratio ≥ %g, p99 < %g ms. The second row sends "
            "`Accept-Encoding: br, gzip` and is for information: with the cache off, every page is compressed on the spot."
            % (target("T_SEARCH_RATIO"), target("T_P99_MS"))
        )

    def render_search(self, key, records):
        rows = list(self.LOAD_HEADER)
        out, notes = [], []
        for f in records:
            if f[0] == "seed":
                out += ["Seeded in %s s (`seed-demo --scale national`, fresh database: figures 4 and 6 did not run)." % f[1], ""]
            elif f[0] == "load":
                rows += self.load_row(key, f, target("T_SEARCH_RATIO"))
            elif f[0] == "urlcheck":
                notes += self.urlcheck_lines(f[1], "the faster of two tries, no compression; by kind of query")
            elif f[0] == "rss":
                notes += ["", "Peak RSS (VmHWM) of the cache-less app: %.1f MB." % mb(f[1])]
            elif f[0] == "inprocess":
                notes += self.search_inprocess_lines(f[1])
            else:
                self.common(key, f, notes)
        return out + (rows if len(rows) > 2 else []) + notes

    @staticmethod
    def search_inprocess_lines(line):
        st = dict(kv.split("=", 1) for kv in line.split()[1:])
        out = [
            "",
            "ℹ In process (`bench/search`: `Query::parse` and `Catalog::search_everywhere`, what the page computes before "
            "it renders; each query's fastest of %s runs; catalogue loaded in %s s): %s queries (%s of one letter left "
            "out: the page does not search them), mean **%s µs**, p50 %s µs, p99 %s µs, max %s µs."
            % (st["rounds"], st["load_s"], st["queries"], st["skipped"], st["mean_us"], st["p50_us"], st["p99_us"], st["max_us"]),
            "",
            "| kind of query | queries | mean µs |",
            "| --- | ---: | ---: |",
        ]
        for kind in st["kinds"].split(";"):
            name, count, micros = kind.rsplit(":", 2)
            out.append("| %s | %s | %s |" % (name.replace("_", " "), count, micros))
        return out


def main():
    if len(sys.argv) < 2:
        fail("usage: helper.py COMMAND ARGS...")
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "pick-showroom":
        print(pick_showroom(args[0]))
    elif cmd == "pick-district":
        print(pick_district(args[0], args[1]))
    elif cmd == "pick-product":  # the first stock entry of a site
        stock = json.load(open(args[0]))["stock"]
        if not stock:
            fail("the chosen showroom stocks nothing")
        print(stock[0]["product_slug"])
    elif cmd == "pg-parts":  # host port user dbname of a postgres:// URL
        u = urllib.parse.urlsplit(args[0])
        print(u.hostname or "127.0.0.1", u.port or 5432, u.username or "postgres", u.path.lstrip("/"))
    elif cmd == "pg-with-db":  # the same URL naming another database
        u = urllib.parse.urlsplit(args[0])
        print(urllib.parse.urlunsplit(u._replace(path="/" + args[1])))
    elif cmd == "gen-urls":
        gen_urls(args[0], args[1], int(args[2]))
    elif cmd == "check-urls":  # base, paths file, out json [once] [kinds file]
        rest = args[3:]
        check_urls(args[0], args[1], args[2], "once" in rest, next((a for a in rest if a != "once"), None))
    elif cmd == "gen-near-urls":  # base, out file
        gen_near_urls(args[0], args[1])
    elif cmd == "gen-search-urls":  # base, out dir, sites whose stock lists give product names, synonyms file
        gen_search_urls(args[0], args[1], int(args[2]), args[3])
    elif cmd == "wrk":
        print(parse_wrk(args[0]))
    elif cmd == "cpu-busy":
        print(cpu_busy(float(args[0])))
    elif cmd == "report":  # results file, header file -> Markdown on stdout; exit 3 if a target is missed
        report = Report()
        print(report.render(args[0], args[1]))
        sys.exit(3 if report.missed else 0)
    else:
        fail("unknown command " + cmd)


if __name__ == "__main__":
    main()
