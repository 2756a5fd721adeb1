#!/usr/bin/env python3
"""rasad's stages next to their Python peers: not speed (compare.py does that) but ANSWERS.

Run from the repository root:

    python3 benches/peers/answers.py

On each dev document ../shared/corpus/dev/*.txt (with its hand-made *.gold.json), it runs rasad
and the Python tool a user would otherwise use for each stage, compares what they find, and says
who is right where they differ (against the gold file where it has an answer):

* normalization: camel-tools 1.6.0 normalize_alef_ar -> normalize_alef_maksura_ar ->
  normalize_teh_marbuta_ar -> dediac_ar, against rasad's normalizer. rasad prints no normalized
  text, so its side is EMULATED here from its documented rule table (NormalizerOptions in
  src/normalize.rs; the Arabic block is pinned by tests/camel_diff.rs, whose DELIBERATE list of
  15 differences is read at run time to label each difference). The emulation is checked: every
  lexicon mention rasad reports must normalize, by it, to one of rasad's patterns.
* gazetteer: pyahocorasick iter_long over rasad's own compiled patterns (written by
  `cargo run --release --example stage_speed -- --dump-patterns target/peers/patterns.txt`) on
  the camel-normalized text, against rasad's place / actor / person / trigger mentions (the
  patterns are all four kinds). Each peer hit is classed by where it falls (whole word / after
  rasad's proclitics / inside a longer word) and by whether a rasad mention overlapping it names
  the same pattern; whole-word hits rasad drops are split by rasad's common-word list
  (gazetteers/common_words.txt). Each rasad mention the peer does not name is classed: camel
  normalizes it differently, or a peer hit on another pattern covers it, or neither.
* dates: dateparser 1.5.0 search_dates(text, languages=['ar'], settings={'RELATIVE_BASE':
  publication date at 12:00, 'PREFER_DATES_FROM': 'past', 'RETURN_AS_TIMEZONE_AWARE': False})
  (the settings of compare.py), against rasad's date mentions and the gold events' dates.
* numbers: PyArabic 0.6.15 number.extract_number_phrases + text2number (as is, and with an int()
  fallback for all-digit phrases, which text2number values 0), against rasad's number mentions,
  rasad's event totals and the gold events' killed / wounded / perpetrators_killed.

rasad's side: `cargo build --release --example extract --example stage_speed`, then
`target/release/examples/extract --mentions [--published DATE] FILE` (JSON Lines) and the same
without --mentions (events). DATE is the gold file's "published"; when that is null, a date
given as `--published YYYY-MM-DD` in its "published_note" (the date the gold was written for);
otherwise none. The same date is dateparser's RELATIVE_BASE.

Python side: the venv target/peers-venv of compare.py (same pins, imported from compare.py);
created and filled as compare.py does when missing, then this script re-executes itself there.

Reads: ../shared/corpus/dev/*.txt and *.gold.json, tests/camel_diff.rs,
tests/data/camel_tools_chars.tsv, gazetteers/common_words.txt. Writes (target/ only):
target/peers/patterns.txt, target/peers/answers.md (the report) and target/peers/answers.json
(every answer of both sides, short strings and spans, no sentences). Quoted
Arabic in the report is limited to short expressions (a pattern, a word, a date or number
phrase cut to 5 words), never sentences.

If ../shared/corpus/dev is absent, it says so and exits 0 without doing anything.
"""
import datetime as dt
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
OUT = ROOT / "target" / "peers"
PATTERNS = OUT / "patterns.txt"
CAMEL_DIFF = ROOT / "tests" / "camel_diff.rs"
CAMEL_TSV = ROOT / "tests" / "data" / "camel_tools_chars.tsv"
COMMON_WORDS = ROOT / "gazetteers" / "common_words.txt"
MARK = "RASAD_PEERS_ANSWERS_VENV"
MAX_WORDS = 5  # the longest Arabic quote the report prints

sys.path.insert(0, str(HERE))
import compare as peers_env  # noqa: E402  (venv helpers and pins; stdlib-only at import time)


# --------------------------------------------------------------------------- venv

def ensure_venv_and_reexec() -> None:
    """compare.py's venv, filled the same way, then this script re-executed inside it."""
    if os.environ.get(MARK) == "1":
        return
    py = peers_env.venv_python()
    if not py.exists():
        print(f"creating virtual environment {peers_env.VENV}", file=sys.stderr)
        peers_env.VENV.parent.mkdir(parents=True, exist_ok=True)
        subprocess.check_call([sys.executable, "-m", "venv", str(peers_env.VENV)])

    def missing(specs):
        return [s for s in specs
                if peers_env.installed(py, s.partition("==")[0]) != s.partition("==")[2]]

    todo = missing(peers_env.CAMEL_EXTRAS + peers_env.PEERS)
    if todo:
        peers_env.pip_install(py, todo)
    if missing([peers_env.CAMEL_TOOLS]):
        peers_env.pip_install(py, ["--no-deps", "--no-warn-conflicts", peers_env.CAMEL_TOOLS])
    env = dict(os.environ, **{MARK: "1"})
    os.execve(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]], env)


# --------------------------------------------------------------------------- small helpers

def short(s: str, words: int = MAX_WORDS) -> str:
    """At most `words` words of `s`, on one line (the report never quotes more)."""
    parts = s.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def q(s: str) -> str:
    """A short Arabic expression, quoted for a Markdown table."""
    return "«" + short(s).replace("|", "\\|") + "»"


class Text:
    """A document: its text, and conversions between char indices and UTF-8 byte offsets."""

    def __init__(self, text: str):
        self.text = text
        self.byte_at = [0]  # byte offset of each char index (and of the end)
        for c in text:
            self.byte_at.append(self.byte_at[-1] + len(c.encode("utf-8")))
        self.char_at = {b: i for i, b in enumerate(self.byte_at)}

    def chars(self, span):
        """Byte span [s, e) -> char span [s, e)."""
        return self.char_at[span[0]], self.char_at[span[1]]

    def find_all(self, phrases):
        """Char spans of `phrases` found in order, each searched after the previous one."""
        spans, pos = [], 0
        for p in phrases:
            i = self.text.find(p, pos)
            if i < 0:
                i = self.text.find(p)  # out of order: take the first occurrence
            spans.append((i, i + len(p)) if i >= 0 else None)
            if i >= 0:
                pos = i + len(p)
        return spans


def overlaps(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def is_word_char(c: str) -> bool:
    return unicodedata.category(c)[0] in "LMN"


# --------------------------------------------------------------------------- rasad

def published_of(gold: dict):
    """(date or None, where it comes from)."""
    if gold.get("published"):
        return gold["published"], "gold `published`"
    m = re.search(r"--published (\d{4}-\d{2}-\d{2})", gold.get("published_note") or "")
    if m:
        return m.group(1), "gold `published_note` (`published` is null)"
    return None, "none"


def cargo_build() -> Path:
    cmd = ["cargo", "build", "--release", "--quiet", "--example", "extract",
           "--example", "stage_speed"]
    print("$ " + " ".join(cmd), file=sys.stderr)
    if subprocess.run(cmd, cwd=ROOT).returncode != 0:
        sys.exit("error: cargo build failed; if src/ is being edited, retry later")
    return ROOT / "target" / "release" / "examples"


def run_rasad(bins: Path, path: Path, published) -> tuple[list, list]:
    """(mentions, events) of rasad's `extract` on one document."""
    out = []
    for extra in (["--mentions"], []):
        cmd = [str(bins / "extract"), *extra, *(["--published", published] if published else []),
               str(path)]
        r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"error: {' '.join(cmd)} failed (exit {r.returncode}): {r.stderr.strip()}")
        out.append([json.loads(line) for line in r.stdout.splitlines() if line.strip()])
    return out[0], out[1]


def dump_patterns(bins: Path) -> list[str]:
    OUT.mkdir(parents=True, exist_ok=True)
    cmd = [str(bins / "stage_speed"), "--dump-patterns", str(PATTERNS)]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"error: {' '.join(cmd)} failed: {r.stderr.strip()}")
    return [p for p in PATTERNS.read_text(encoding="utf-8").split("\n") if p]


# --------------------------------------------------------------------------- normalization

def camel_functions():
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                             normalize_teh_marbuta_ar)

    def camel(t: str) -> str:  # the order of compare.py
        return dediac_ar(normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(t))))
    return camel


# rasad's rules, from NormalizerOptions / arabic_action / is_control_to_remove in src/normalize.rs.
ALEFS = {0x622, 0x623, 0x625, 0x671, 0x672, 0x673}
CONTROLS = {0xAD, 0x61C, 0x2060, *range(0x200B, 0x2010), *range(0x202A, 0x202F),
            *range(0x2066, 0x206A), 0xFEFF}
# Rust's char::is_whitespace (Unicode White_Space), which rasad's whitespace rule uses.
WHITESPACE = {*range(0x09, 0x0E), 0x20, 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028,
              0x2029, 0x202F, 0x205F, 0x3000}
LINE_BREAKS = {0x0A, 0x0D, 0x85, 0x2028, 0x2029}


def is_diacritic(cp: int) -> bool:
    return (0x610 <= cp <= 0x61A or 0x64B <= cp <= 0x65F or cp == 0x670 or 0x6D6 <= cp <= 0x6ED
            or (0x8D3 <= cp <= 0x8FF and cp != 0x8E2))


def is_presentation_form(cp: int) -> bool:
    return 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFE


def rasad_char(c: str) -> str:
    """rasad's default normalizer on one non-whitespace char (whitespace: see rasad_normalize)."""
    cp = ord(c)
    if cp in ALEFS:
        return "\u0627"
    if cp in (0x649, 0x6CC, 0x626):  # alef maksura, Farsi yeh, hamza on yeh -> yeh
        return "\u064A"
    if cp == 0x6A9:
        return "\u0643"
    if cp == 0x629:
        return "\u0647"
    if cp == 0x624:
        return "\u0648"
    if cp == 0x640 or cp in CONTROLS or is_diacritic(cp):
        return ""
    if 0x660 <= cp <= 0x669:
        return chr(0x30 + cp - 0x660)
    if 0x6F0 <= cp <= 0x6F9:
        return chr(0x30 + cp - 0x6F0)
    if cp in (0x66B, 0x66C):
        return "." if cp == 0x66B else ","
    if 0x600 <= cp <= 0x6FF:
        return c
    if is_presentation_form(cp):
        out = "".join(" " if ord(d) in WHITESPACE else rasad_char(d)
                      for d in unicodedata.normalize("NFKC", c))
        return re.sub(" +", " ", out)
    if c.isupper() or unicodedata.category(c) == "Lt":
        return c.lower()
    return c


def rasad_normalize(text: str) -> list[str]:
    """rasad's output for each char of `text` ('' when deleted), whitespace runs collapsed."""
    out: list[str] = []
    last = None  # index into `out` of the last char that wrote something
    for c in text:
        cp = ord(c)
        if cp in WHITESPACE:
            written = "\n" if cp in LINE_BREAKS else " "
            if last is not None and out[last][-1:] in (" ", "\n"):
                if written == "\n" and out[last][-1] == " ":
                    out[last] = out[last][:-1] + "\n"  # "a \n" -> "a\n"
                out.append("")
            else:
                out.append(written)
                last = len(out) - 1
        else:
            out.append(rasad_char(c))
            if out[-1]:
                last = len(out) - 1
    return out


def deliberate_list() -> list[tuple[int, int, str]]:
    """The DELIBERATE (lo, hi, reason) ranges of tests/camel_diff.rs."""
    try:
        src = CAMEL_DIFF.read_text(encoding="utf-8")
    except OSError:
        return []
    block = src.split("const DELIBERATE:", 1)[-1].split("];", 1)[0]
    return [(int(lo, 16), int(hi, 16), reason) for lo, hi, reason in re.findall(
        r'\(\s*0x([0-9A-Fa-f]+),\s*0x([0-9A-Fa-f]+),\s*"((?:[^"\\]|\\.)*)",?\s*\)', block)]


def camel_tsv() -> dict:
    """(char, function) -> output, from tests/data/camel_tools_chars.tsv."""
    table = {}
    try:
        lines = CAMEL_TSV.read_text(encoding="utf-8").splitlines()
    except OSError:
        return table
    for line in lines:
        if line.startswith("#") or line.startswith("codepoint"):
            continue
        cp, fn, out = (line.split("\t") + ["", ""])[:3]
        table[(chr(int(cp[2:], 16)), fn)] = "".join(chr(int(x[2:], 16)) for x in out.split())
    return table


def common_words() -> set:
    """rasad's common-word list (names equal to one need a locative cue); empty if absent."""
    try:
        lines = COMMON_WORDS.read_text(encoding="utf-8").splitlines()
    except OSError:
        return set()
    return {w.strip() for w in lines if w.strip() and not w.startswith("#")}


def label(c: str, deliberate) -> str:
    cp = ord(c)
    for lo, hi, reason in deliberate:
        if lo <= cp <= hi:
            rng = f"U+{lo:04X}" + (f"–U+{hi:04X}" if hi != lo else "")
            return f"{rng}: {reason}"
    if cp in WHITESPACE:
        return "whitespace runs collapsed to one space / line break (rasad only)"
    if cp in CONTROLS:
        return "bidi and zero-width controls removed (rasad only)"
    if is_presentation_form(cp):
        return "presentation forms → letters via NFKC (rasad only)"
    if c.isupper():
        return "Latin and other cased letters lowercased (rasad only)"
    return "UNLISTED difference (not in tests/camel_diff.rs)"


def normalization(doc, camel, deliberate, tsv) -> dict:
    text = doc["text"].text
    per_char = [camel(c) for c in text]
    camel_text = camel(text)
    assert "".join(per_char) == camel_text, "camel's functions are not char by char here"
    fns = ["normalize_alef_ar", "normalize_alef_maksura_ar", "normalize_teh_marbuta_ar",
           "dediac_ar"]
    tsv_disagree = 0
    for c in set(text):
        expect = c
        for f in fns:
            expect = "".join(tsv.get((d, f), d) for d in expect)
        tsv_disagree += expect != camel(c)
    ours = rasad_normalize(text)
    classes = defaultdict(Counter)
    for c, a, b in zip(text, ours, per_char):
        if a != b:
            classes[label(c, deliberate)][f"U+{ord(c):04X}"] += 1
    return {
        "chars": len(text),
        "camel_changed": sum(a != c for c, a in zip(text, per_char)),
        "camel_deleted": sum(a == "" for a in per_char),
        "rasad_changed": sum(a != c for c, a in zip(text, ours)),
        "rasad_deleted": sum(a == "" for a in ours),
        "camel_len": len(camel_text),
        "rasad_len": len("".join(ours)),
        "differ": sum(a != b for a, b in zip(ours, per_char)),
        "classes": {k: dict(v) for k, v in classes.items()},
        "tsv_disagree": tsv_disagree if tsv else None,
        "camel_text": camel_text,
        "camel_map": [i for i, o in enumerate(per_char) for _ in o],  # camel char -> orig char
        "rasad_per_char": ours,
    }


# --------------------------------------------------------------------------- gazetteer

# The proclitic chains rasad's lexicon strips (static_clitic in src/lexicon.rs), normalized.
PROCLITICS = {"و", "ف", "ب", "ك", "ل", "ال", "وب", "فب", "وك", "فك", "ول", "فل", "وال", "فال",
              "بال", "كال", "وبال", "فبال", "وكال", "فكال"}
LEXICON_TYPES = ("place", "actor", "person", "trigger")
INSIDE = "inside a longer word"


def gazetteer(doc, norm, automaton, patterns: set) -> dict:
    t = doc["text"]
    ctext, cmap = norm["camel_text"], norm["camel_map"]
    hits = []
    for end, pat in automaton.iter_long(ctext):
        s, e = end - len(pat) + 1, end + 1
        at_start = s == 0 or not is_word_char(ctext[s - 1])
        at_end = e == len(ctext) or not is_word_char(ctext[e])
        w0 = s
        while w0 > 0 and is_word_char(ctext[w0 - 1]):
            w0 -= 1
        w1 = e
        while w1 < len(ctext) and is_word_char(ctext[w1]):
            w1 += 1
        if at_start and at_end:
            where = "whole word"
        elif at_end and ctext[w0:s] in PROCLITICS:
            where = "after a proclitic"
        else:
            where = INSIDE
        hits.append({"pattern": pat, "span": (cmap[s], cmap[e - 1] + 1), "where": where,
                     "word": ctext[w0:w1]})
    mentions = [m for m in doc["mentions"] if m["type"] in LEXICON_TYPES]
    ours = norm["rasad_per_char"]
    emulation_ok = 0
    for m in mentions:
        m["_chars"] = s, e = t.chars(m["span"])
        m["_norm"] = rn = "".join(ours[s:e]).strip()  # rasad's normalization, emulated
        m["_camel"] = "".join(ctext[i] for i, o in enumerate(cmap) if s <= o < e).strip()
        # Check of the emulation: every lexicon mention is a pattern, maybe after proclitics.
        emulation_ok += rn in patterns or any(rn.startswith(c) and rn[len(c):] in patterns
                                              for c in PROCLITICS)

    def same_name(h, m):
        return h["pattern"] == m["_norm"] or any(m["_norm"] == c + h["pattern"]
                                                 for c in PROCLITICS)

    # A peer hit agrees with a rasad mention when they overlap AND name the same pattern (the
    # mention may carry proclitics); an overlapping hit on another pattern is a different
    # answer (the bare automaton's leftmost-longest choice took another string there).
    for h in hits:
        over = [m for m in mentions if overlaps(h["span"], m["_chars"])]
        h["rasad"] = ("same" if any(same_name(h, m) for m in over)
                      else "other" if over else "none")
    missed = []
    for m in mentions:
        over = [h for h in hits if overlaps(m["_chars"], h["span"])]
        if any(same_name(h, m) for h in over):
            continue
        if m["_norm"] != m["_camel"]:
            why = "camel and rasad normalize it differently"
        elif over:
            why = "a peer hit on another pattern overlaps it"
        else:
            why = "no peer hit, same normalization"
        missed.append({"type": m["type"], "norm": m["_norm"], "camel": m["_camel"], "why": why,
                       "peer": [h["pattern"] for h in over]})
    places = Counter((m["name"], m.get("kind"), m.get("rule")) for m in mentions
                     if m["type"] == "place")
    return {
        "peer_hits": len(hits),
        "peer_inside_words": sum(h["where"] == INSIDE for h in hits),
        "peer_words_rasad_drops": sum(h["where"] != INSIDE and h["rasad"] == "none" for h in hits),
        "rasad_mentions": len(mentions),
        "rasad_by_type": dict(Counter(m["type"] for m in mentions)),
        "emulation_ok": emulation_ok,
        "hit_classes": dict(Counter((h["where"], h["rasad"]) for h in hits)),
        "hits": hits,
        "rasad_missed_by_peer": missed,
        "rasad_places": [{"name": n, "kind": k, "rule": r, "count": c}
                         for (n, k, r), c in places.most_common()],
    }


# --------------------------------------------------------------------------- dates

def gold_dates(gold: dict) -> list[dict]:
    out = []
    for i, ev in enumerate(gold.get("events", []), 1):
        if ev.get("date"):
            out.append({"event": i, "kinds": ev.get("kinds", []), "date": ev["date"],
                        "accept": [ev["date"], *ev.get("date_accept", [])],
                        "required": ev.get("required", False)})
    return out


def date_matches(value: str, pattern: str) -> bool:
    """`value` (YYYY, YYYY-MM or YYYY-MM-DD) at `pattern`'s precision equals it (X = any)."""
    if not value or len(value) < len(pattern):
        return False
    return all(p == "X" or p == v for p, v in zip(pattern, value[:len(pattern)]))


def dates(doc, published) -> dict:
    from dateparser.search import search_dates
    t = doc["text"]
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published:
        d = dt.date.fromisoformat(published)
        settings["RELATIVE_BASE"] = dt.datetime(d.year, d.month, d.day, 12, 0)
    found = search_dates(t.text, languages=["ar"], settings=settings) or []
    spans = t.find_all([p for p, _ in found])
    peer = [{"text": p, "value": v.date().isoformat(), "span": s}
            for (p, v), s in zip(found, spans)]
    ras = [{"text": m["text"], "value": m["value"], "precision": m["precision"],
            "resolved_from": m.get("resolved_from"), "span": t.chars(m["span"])}
           for m in doc["mentions"] if m["type"] == "date"]
    golds = gold_dates(doc["gold"])
    rows = []
    for g in golds:
        r = [d for d in ras if any(date_matches(d["value"], a) for a in g["accept"])]
        p = [d for d in peer if any(date_matches(d["value"], a) for a in g["accept"])]
        rows.append({**g, "rasad": r, "peer": p})

    def extra(d):
        return not any(date_matches(d["value"], a) for g in golds for a in g["accept"])
    for side in (ras, peer):
        for d in side:
            d["extra"] = extra(d)
    pairs = []  # the same stretch of text read by both, with different values
    for r in ras:
        for p in peer:
            if overlaps(r["span"], p["span"]) and r["value"] != p["value"]:
                pairs.append({"rasad": r, "peer": p})
    for p in peer:
        p["bare_number"] = bool(re.fullmatch(r"[\s\d،,.]*\d[\s\d،,.]*", p["text"]))
        p["rasad_overlap"] = any(overlaps(p["span"], r["span"]) for r in ras)
    return {"published": published, "gold": rows, "rasad": ras, "peer": peer, "pairs": pairs,
            "settings": {k: str(v) for k, v in settings.items()}}


# --------------------------------------------------------------------------- numbers

COUNT_FIELDS = ("killed", "wounded", "perpetrators_killed", "captured")


def gold_counts(gold: dict) -> list[dict]:
    out = []
    for i, ev in enumerate(gold.get("events", []), 1):
        for f in COUNT_FIELDS:
            c = ev.get(f)
            if isinstance(c, dict) and c.get("min") is not None:
                out.append({"event": i, "date": ev.get("date"), "field": f,
                            "min": c["min"], "max": c.get("max")})
    return out


def event_count(ev: dict, field: str):
    """(min, max) of one count of a rasad event, or None."""
    if field == "perpetrators_killed":
        cs = [c for c in ev.get("casualties", [])
              if c.get("group") == "perpetrators" and c.get("outcome") == "killed"]
        if not cs:
            return None
        return (sum(c["min"] for c in cs),
                None if any(c.get("max") is None for c in cs) else sum(c["max"] for c in cs))
    c = ev.get(field)
    return (c["min"], c.get("max")) if c else None


def fmt_count(lo, hi) -> str:
    return f"{lo}" if lo == hi else (f"≥{lo}" if hi is None else f"{lo}–{hi}")


def numbers(doc) -> dict:
    import pyarabic.number as pn
    t = doc["text"]
    phrases = pn.extract_number_phrases(t.text)
    spans = t.find_all(phrases)
    peer = []
    for p, s in zip(phrases, spans):
        v = pn.text2number(p)
        digits = re.fullmatch(r"\d+", p.strip(" ،,."))
        peer.append({"text": p, "value": v, "value_int": int(digits.group()) if digits and v == 0
                     else v, "span": s})
    ras = [{"text": m["text"], "min": m["min"], "max": m.get("max"), "approx": m.get("approx"),
            "span": t.chars(m["span"])} for m in doc["mentions"] if m["type"] == "number"]
    rdates = [t.chars(m["span"]) for m in doc["mentions"] if m["type"] == "date"]
    rows = []
    for g in gold_counts(doc["gold"]):
        exact = [r for r in ras if r["min"] == g["min"] and r["max"] == g["max"]]
        same_min = [r for r in ras if r["min"] == g["min"] and r not in exact]
        cands = [e for e in doc["events"]
                 if g["date"] and e.get("date") and date_matches(e["date"]["value"], g["date"])]
        evs = [event_count(e, g["field"]) for e in (cands or doc["events"])]
        closed = g["max"] is None or g["max"] == g["min"]
        rows.append({**g, "rasad_exact": exact, "rasad_min": same_min,
                     "rasad_event": (g["min"], g["max"]) in evs,
                     "rasad_event_values": [v for v in evs if v],
                     "peer": [p for p in peer if p["value"] == g["min"] and closed],
                     "peer_int": [p for p in peer if p["value_int"] == g["min"] and closed]})
    for p in peer:  # cross-references by index (answers.json stays a tree)
        p["in_rasad_date"] = any(overlaps(p["span"], d) for d in rdates)
        p["rasad"] = [i for i, r in enumerate(ras) if overlaps(p["span"], r["span"])]
    for r in ras:
        r["peer"] = [i for i, p in enumerate(peer) if overlaps(p["span"], r["span"])]
    return {"gold": rows, "rasad": ras, "peer": peer}


# --------------------------------------------------------------------------- report

def yes(found: list, show) -> str:
    return "✓ " + ", ".join(show(f) for f in found[:2]) if found else "✗"


def report(docs, versions, n_patterns) -> tuple[str, list[str]]:
    L, S = [], []  # report lines, stdout summary lines
    L += [f"# rasad vs Python peers: answers on the dev documents ({dt.date.today().isoformat()})",
          "",
          "Made by `python3 benches/peers/answers.py` (method: its docstring). Documents: "
          + ", ".join(f"`{d['name']}`" for d in docs) + " from ../shared/corpus/dev. Peers: "
          + ", ".join(f"{k} {v}" for k, v in versions.items()) + ". rasad: "
          "`extract --mentions` and `extract` (events), release build; publication date passed "
          "as `--published` and as dateparser's `RELATIVE_BASE`: "
          + "; ".join(f"`{d['name'][:3]}` {d['published'] or 'none'} ({d['published_from']})"
                      for d in docs) + ".",
          "", "Counts are over the whole document; quoted Arabic is cut to 5 words.", ""]

    # ---- normalization
    L += ["## Normalization", "",
          "camel-tools' four functions in a row vs rasad's normalizer, **emulated** from its "
          "documented rules (rasad prints no normalized text; the emulation is checked in the "
          "gazetteer section). A char is *changed* when its output is not itself.", "",
          "| document | measure | rasad | camel-tools |", "| --- | --- | --- | --- |"]
    for d in docs:
        n = d["norm"]
        for name, a, b in [("chars changed", n["rasad_changed"], n["camel_changed"]),
                           ("of which deleted", n["rasad_deleted"], n["camel_deleted"]),
                           ("output length (chars)", n["rasad_len"], n["camel_len"])]:
            L.append(f"| `{d['name'][:3]}` ({n['chars']:,} chars) | {name} | {a:,} | {b:,} |")
        L.append(f"| `{d['name'][:3]}` | chars where the two differ | {n['differ']:,} | |")
    L += ["", "Where they differ, by class (the 15 deliberate differences are those of "
          "`tests/camel_diff.rs`):", "",
          "| class | " + " | ".join(f"`{d['name'][:3]}`" for d in docs) + " | code points |",
          "| --- |" + " --- |" * len(docs) + " --- |"]
    classes = sorted({k for d in docs for k in d["norm"]["classes"]})
    for k in classes:
        cps = Counter()
        for d in docs:
            cps.update(d["norm"]["classes"].get(k, {}))
        L.append(f"| {k} | " + " | ".join(str(sum(d["norm"]["classes"].get(k, {}).values()))
                                          for d in docs)
                 + " | " + ", ".join(f"{cp} ×{n}" for cp, n in cps.most_common(6)) + " |")
    unlisted = [k for k in classes if k.startswith("UNLISTED")]
    L += ["", "**Who is right.** " + (
        "Every difference found is a documented rasad rule that camel's four functions lack "
        "(the 15 deliberate ones of `tests/camel_diff.rs`, plus whitespace/controls/case, which "
        "camel leaves to other functions). For matching, rasad is right: e.g. a tatweel-stretched "
        "or ؤ/ئ-spelled name normalizes to the gazetteer's form only with rasad's rules (see "
        "the gazetteer misses below). camel's output keeps those characters, which is right only "
        "for display, not for lookup." if not unlisted else
        "UNLISTED differences appear: an undocumented divergence, to be checked in "
        "`tests/camel_diff.rs`.")]
    tsv_bad = [d["name"] for d in docs if d["norm"]["tsv_disagree"]]
    L += ["", "Check: the installed camel-tools gives, on every distinct char of the documents, "
          "what `tests/data/camel_tools_chars.tsv` records"
          + (": yes." if not tsv_bad else f": NO for {', '.join(tsv_bad)}."), ""]
    S.append("normalization: " + "; ".join(
        "{n} rasad changed {rasad_changed}, camel {camel_changed}, differ {differ} "
        "({k} classes)".format(n=d["name"][:3], k=len(d["norm"]["classes"]), **d["norm"])
        for d in docs))

    # ---- gazetteer
    L += ["## Gazetteer", "",
          f"pyahocorasick `iter_long` over rasad's {n_patterns:,} compiled patterns "
          "(`target/peers/patterns.txt`: every place, actor and person alias and every trigger, "
          "normalized) on the camel-normalized text, vs rasad's place/actor/person/trigger "
          "mentions. A peer hit and a mention *name the same* when their spans in the original "
          "text overlap and the hit's pattern is the mention's normalized text, maybe after "
          "proclitics.", "",
          "| document | measure | rasad | pyahocorasick |", "| --- | --- | --- | --- |"]
    for d in docs:
        g, n = d["gaz"], d["name"][:3]
        hc = g["hit_classes"]
        by = ", ".join(f"{k} {v}" for k, v in sorted(g["rasad_by_type"].items()))
        L += [f"| `{n}` | mentions / hits | {g['rasad_mentions']} ({by}) | {g['peer_hits']} |"]
        for where in ("whole word", "after a proclitic", INSIDE):
            L.append(f"| `{n}` | peer hits {where}: same name as rasad / overlap another rasad "
                     f"mention / not rasad's | | {hc.get((where, 'same'), 0)} / "
                     f"{hc.get((where, 'other'), 0)} / {hc.get((where, 'none'), 0)} |")
        miss = Counter(m["why"] for m in g["rasad_missed_by_peer"])
        L.append(f"| `{n}` | rasad mentions the peer does not name | "
                 f"{len(g['rasad_missed_by_peer'])} "
                 f"({', '.join(f'{k}: {v}' for k, v in miss.items()) or '—'}) | |")
        L.append(f"| `{n}` | check of the emulated normalizer: mentions whose emulated "
                 f"normalization is a pattern (maybe after proclitics) | "
                 f"{g['emulation_ok']} / {g['rasad_mentions']} | |")

    def examples(items, show, k=4):
        seen = Counter(show(it) for it in items)
        return ", ".join(f"{x}{f' ×{c}' if c > 1 else ''}" for x, c in seen.most_common(k)) or "—"

    all_hits = [h for d in docs for h in d["gaz"]["hits"]]
    inside = [h for h in all_hits if h["where"] == INSIDE and h["rasad"] != "other"]
    straddle = [h for h in all_hits if h["where"] == INSIDE and h["rasad"] == "other"]
    shorter = [h for h in all_hits if h["where"] != INSIDE and h["rasad"] == "other"]
    word_not = [h for h in all_hits if h["where"] != INSIDE and h["rasad"] == "none"]
    common = common_words()
    word_common = [h for h in word_not if h["pattern"] in common
                   or h["pattern"].removeprefix("ال") in common]
    word_rare = [h for h in word_not if h not in word_common]
    missed = [m for d in docs for m in d["gaz"]["rasad_missed_by_peer"]]
    miss_norm = [m for m in missed if m["why"].startswith("camel and rasad")]
    miss_shadow = [m for m in missed if m["why"].startswith("a peer hit")]
    miss_other = [m for m in missed if m["why"].startswith("no peer hit")]
    L += ["", "Difference classes (examples are normalized pattern strings, or one word):", ""]
    L.append(f"- **Peer hit inside a longer word** ({len(inside)}): e.g. "
             + examples(inside, lambda h: f"{q(h['pattern'])} in {q(h['word'])}", 6)
             + ". **Who is right: rasad** — a name is a whole word (after proclitics); a bare "
               "automaton also fires on substrings of unrelated words.")
    L.append(f"- **Peer hit straddling words over a rasad mention** ({len(straddle)}): "
             + examples(straddle, lambda h: f"{q(h['pattern'])} in {q(h['word'])}")
             + (". **Who is right: rasad** — a bare leftmost-longest automaton takes a string "
                "that starts inside the previous word and hides the real name." if straddle
                else "."))
    L.append(f"- **Peer hit on a shorter or earlier-starting pattern where rasad names a longer "
             f"one** ({len(shorter)}): "
             + examples(shorter, lambda h: q(h["pattern"]))
             + (". **Who is right: rasad** (the longest name after the proclitics; the peer "
                "often names the same entity by a part of it, or a clitic form starting one "
                "letter earlier wins leftmost-longest)." if shorter else "."))
    L.append(f"- **Peer whole-word / after-proclitic hit that rasad does not report, alias is a "
             f"common word** (in `gazetteers/common_words.txt`; such places need a locative cue) "
             f"({len(word_common)}), every pattern: "
             + examples(word_common, lambda h: q(h["pattern"]), 100)
             + ". **Who is right: rasad** unless the context is a place (e.g. على folds to علي, "
               "دولية is “international”, الجزيرة is the TV channel, كانون a month).")
    L.append(f"- **The same, alias not a common word** ({len(word_rare)}), every pattern: "
             + examples(word_rare, lambda h: q(h["pattern"]), 100)
             + ". **Who is right: judge each** — rasad leaves these out by its cue rules "
               "(`needs_cue`/`needs_kind` in the gazetteers) or reads the word as something "
               "else (a number, a person); real places among them are rasad misses.")
    L.append(f"- **rasad mention the peer does not name because camel normalizes differently** "
             f"({len(miss_norm)}): e.g. "
             + examples(miss_norm, lambda m: f"{q(m['norm'])} (camel: {q(m['camel'])})")
             + ". **Who is right: rasad** (the name is there; see the normalization classes).")
    L.append(f"- **rasad mention under a peer hit on another pattern** ({len(miss_shadow)}, "
             "the other side of the two classes above): "
             + examples(miss_shadow, lambda m: f"{m['type']} {q(m['norm'])} (peer: "
                        + ", ".join(q(x) for x in m["peer"]) + ")")
             + (". **Who is right: rasad.**" if miss_shadow else "."))
    L.append(f"- **rasad mention with no peer hit, same normalization** ({len(miss_other)}): "
             + examples(miss_other, lambda m: f"{m['type']} {q(m['norm'])}")
             + (". rasad reads these through rules a bare automaton lacks." if miss_other
                else "."))
    L += ["", "rasad's place mentions, for review (✓: the name is among the gold events' places "
          "or admin):", ""]
    for d in docs:
        gold_names = {x for ev in d["gold"].get("events", [])
                      for x in ev.get("places", []) + ev.get("admin", [])}
        L.append(f"- `{d['name'][:3]}`: " + ", ".join(
            f"{p['name']}{' ✓' if p['name'] in gold_names else ''} ({p['kind']}, {p['rule']}) "
            f"×{p['count']}" for p in d["gaz"]["rasad_places"]))
    L.append("")
    S.append("gazetteer: " + "; ".join(
        "{n} rasad {rasad_mentions} mentions, peer {peer_hits} hits ({peer_inside_words} inside "
        "words, {peer_words_rasad_drops} whole-word hits rasad drops), rasad mentions the peer "
        "does not name {missed}, emulation check {emulation_ok}/{rasad_mentions}".format(
            n=d["name"][:3], missed=len(d["gaz"]["rasad_missed_by_peer"]), **d["gaz"])
        for d in docs))

    # ---- dates
    L += ["## Dates", "",
          "Gold = the events' `date` (and `date_accept`). A reading *finds* a gold date when its "
          "value, cut to the gold's precision, equals it (dateparser always answers to the day, "
          "so a month or year gold is matched by any day in it; rasad must give at least the "
          "gold's precision). *Extra* = a date that is no gold event date (the dateline, "
          "background dates: not necessarily wrong).", "",
          "| document | gold event date | rasad | dateparser |", "| --- | --- | --- | --- |"]
    tot = Counter()
    for d in docs:
        x = d["dates"]
        for g in x["gold"]:
            tot["gold"] += 1
            tot["rasad"] += bool(g["rasad"])
            tot["peer"] += bool(g["peer"])
            accept = f" (accept {', '.join(g['accept'][1:])})" if len(g["accept"]) > 1 else ""
            L.append(f"| `{d['name'][:3]}` | #{g['event']} {g['date']}{accept}"
                     f"{'' if g['required'] else ', optional'} | "
                     + yes(g["rasad"], lambda r: f"{q(r['text'])} → {r['value']}") + " | "
                     + yes(g["peer"], lambda p: f"{q(p['text'])} → {p['value']}") + " |")
        re_, pe = [r for r in x["rasad"] if r["extra"]], [p for p in x["peer"] if p["extra"]]
        tot["rasad_extra"] += len(re_)
        tot["peer_extra"] += len(pe)
        tot["rasad_all"] += len(x["rasad"])
        tot["peer_all"] += len(x["peer"])
        L.append(f"| `{d['name'][:3]}` | dates found / extras | {len(x['rasad'])} / {len(re_)} | "
                 f"{len(x['peer'])} / {len(pe)} |")
    L.append(f"| all | gold dates found | {tot['rasad']} / {tot['gold']} | "
             f"{tot['peer']} / {tot['gold']} |")
    bare = [p for d in docs for p in d["dates"]["peer"] if p["bare_number"]]
    pairs = [pr for d in docs for pr in d["dates"]["pairs"]]
    r_only_gold = [(d, g) for d in docs for g in d["dates"]["gold"] if g["rasad"] and not g["peer"]]
    p_only_gold = [(d, g) for d in docs for g in d["dates"]["gold"] if g["peer"] and not g["rasad"]]
    neither = [(d, g) for d in docs for g in d["dates"]["gold"] if not g["peer"] and not g["rasad"]]
    L += ["", "Difference classes:", ""]
    L.append(f"- **Gold date found by rasad only** ({len(r_only_gold)}): "
             + (", ".join(f"`{d['name'][:3]}` #{g['event']} {g['date']}" for d, g in r_only_gold)
                or "—") + ". **Who is right: rasad.**")
    L.append(f"- **Gold date found by dateparser only** ({len(p_only_gold)}): "
             + (", ".join(f"`{d['name'][:3]}` #{g['event']} {g['date']}" for d, g in p_only_gold)
                or "—") + (". **Who is right: dateparser.**" if p_only_gold else "."))
    if neither:
        L.append(f"- **Gold date found by neither** ({len(neither)}): "
                 + ", ".join(f"`{d['name'][:3]}` #{g['event']} {g['date']}" for d, g in neither)
                 + ".")
    L.append(f"- **Bare number read as a date by dateparser** ({len(bare)}): "
             + ", ".join(f"{q(p['text'])} → {p['value']}" for p in bare[:6])
             + ". **Who is right: rasad** (a number alone is a count or a day without a month, "
               "not a date; dateparser fills month and year from `RELATIVE_BASE`).")
    L.append(f"- **Same phrase, different value** ({len(pairs)}): "
             + ", ".join(f"{q(pr['peer']['text'])}: rasad {pr['rasad']['value']} "
                         f"({pr['rasad']['precision']}), dateparser {pr['peer']['value']}"
                         for pr in pairs[:8])
             + ". **Who is right: rasad** where dateparser turns a year or month into a day taken "
               "from `RELATIVE_BASE` (a precision the text does not give); otherwise see the "
               "gold rows above.")
    r_no_peer = [r for d in docs for r in d["dates"]["rasad"]
                 if not any(overlaps(r["span"], p["span"]) for p in d["dates"]["peer"])]
    L.append(f"- **Read by rasad, not by dateparser** ({len(r_no_peer)}): "
             + ", ".join(f"{q(r['text'])} → {r['value']} ({r['resolved_from']})"
                         for r in r_no_peer[:8])
             + ". Gold events among them are counted above; the others are real date expressions "
               "that no gold event uses (judge per row).")
    relative = [r for d in docs for r in d["dates"]["rasad"]
                if r["extra"] and r["resolved_from"] == "relative"]
    if relative:
        L.append(f"- **rasad relative dates that no gold event uses** ({len(relative)}): "
                 + ", ".join(f"{q(r['text'])} → {r['value']}" for r in relative[:6])
                 + ". **Who is right: check each** — rasad anchors “N years ago”, “last year” on "
                   "the publication date; when the sentence narrates an earlier year, that year "
                   "is the anchor and rasad's value is wrong (dateparser reads none of them).")
    L.append("")
    S.append(f"dates: gold {tot['gold']}, rasad found {tot['rasad']}, dateparser found "
             f"{tot['peer']}; extras rasad {tot['rasad_extra']} of {tot['rasad_all']}, "
             f"dateparser {tot['peer_extra']} of {tot['peer_all']} "
             f"({len(bare)} bare numbers)")

    # ---- numbers
    L += ["## Numbers", "",
          "Gold = the events' `killed`, `wounded`, `perpetrators_killed`. rasad (mentions): a "
          "number mention with the same min and max; (events): the count of a rasad event with "
          "the gold event's date. PyArabic: a phrase whose `text2number` equals the count (a "
          "single value can only match an exact or an at-least gold); PyArabic + int(): the same "
          "with all-digit phrases read by `int()`, which `text2number` values 0. A value "
          "*present* in the document is not proof that it is attributed to the right event.", "",
          "| document | gold count | rasad mentions | rasad events | PyArabic | PyArabic + int() |",
          "| --- | --- | --- | --- | --- | --- |"]
    nt = Counter()
    for d in docs:
        x = d["numbers"]
        for g in x["gold"]:
            nt["gold"] += 1
            nt["rasad"] += bool(g["rasad_exact"])
            nt["event"] += g["rasad_event"]
            nt["peer"] += bool(g["peer"])
            nt["peer_int"] += bool(g["peer_int"])
            def show(r):
                return f"{q(r['text'])} → {fmt_count(r['min'], r['max'])}"
            rm = yes(g["rasad_exact"], show)
            if not g["rasad_exact"] and g["rasad_min"]:
                rm += " (same min: " + ", ".join(show(r) for r in g["rasad_min"][:2]) + ")"
            ev = ("✓" if g["rasad_event"] else "✗") + (
                " (" + ", ".join(fmt_count(*v) for v in g["rasad_event_values"]) + ")"
                if g["rasad_event_values"] and not g["rasad_event"] else "")
            L.append(f"| `{d['name'][:3]}` | #{g['event']} {g['field']} "
                     f"{fmt_count(g['min'], g['max'])} | {rm} | {ev} | "
                     + yes(g["peer"], lambda p: f"{q(p['text'])} → {p['value']}") + " | "
                     + yes(g["peer_int"], lambda p: f"{q(p['text'])} → {p['value_int']}") + " |")
        zero = sum(p["value"] == 0 for p in x["peer"])
        L.append(f"| `{d['name'][:3]}` | mentions / phrases found | {len(x['rasad'])} | | "
                 f"{len(x['peer'])} ({zero} valued 0) | |")
    L.append(f"| all | gold counts found | {nt['rasad']} / {nt['gold']} | {nt['event']} / "
             f"{nt['gold']} | {nt['peer']} / {nt['gold']} | {nt['peer_int']} / {nt['gold']} |")
    peer_all = [p for d in docs for p in d["numbers"]["peer"]]
    ras_all = [r for d in docs for r in d["numbers"]["rasad"]]
    pairs_all = [(r, d["numbers"]["peer"][i]) for d in docs for r in d["numbers"]["rasad"]
                 for i in r["peer"]]
    zero_digits = [p for p in peer_all if p["value"] == 0 and p["value_int"] != 0]
    zero_other = [p for p in peer_all if p["value"] == 0 and p["value_int"] == 0]
    in_dates = [p for p in peer_all if p["in_rasad_date"] and not p["rasad"]]
    differ = [(r, p) for r, p in pairs_all
              if not (r["min"] == p["value_int"] and r["max"] == p["value_int"])]
    r_only = [r for r in ras_all if not r["peer"]]
    L += ["", "Difference classes (a phrase may fall in more than one):", ""]
    L.append(f"- **Digits valued 0 by `text2number`** ({len(zero_digits)} of {len(peer_all)} "
             f"phrases): e.g. " + ", ".join(q(p["text"]) for p in zero_digits[:5])
             + ". **Who is right: rasad** (PyArabic finds the phrase but its converter reads "
               "number words only).")
    if zero_other:
        L.append(f"- **Other phrases valued 0** ({len(zero_other)}): "
                 + ", ".join(q(p["text"]) for p in zero_other[:5])
                 + ". **Who is right: rasad** where it reads them (a range or a mixed phrase).")
    L.append(f"- **PyArabic number that is part of a date** (rasad reads the stretch as a date "
             f"and reports no count) ({len(in_dates)}): e.g. "
             + ", ".join(q(p["text"]) for p in in_dates[:5])
             + ". **Who is right: rasad** — a day or a year is not a count.")
    L.append(f"- **Both read it, different values** ({len(differ)}): "
             + ", ".join(f"{q(r['text'])}: rasad {fmt_count(r['min'], r['max'])}, PyArabic "
                         f"{p['value_int']}" for r, p in differ[:8])
             + ". **Who is right: rasad** by `../shared/spec/EVENTS.md` §1 (“at least N”: max "
               "null; “between N and M”: both; vague plurals such as عشرات/مئات: a minimum, "
               "max null); PyArabic returns one integer and loses the bound.")
    L.append(f"- **rasad only** ({len(r_only)}): e.g. "
             + ", ".join(f"{q(r['text'])} → {fmt_count(r['min'], r['max'])}" for r in r_only[:8])
             + ". Dual nouns (X-ان = 2), أحد/واحد and vague quantities are read by rasad; "
               "PyArabic has no rule for them. Right where the gold rows above agree; "
               "otherwise a plausible reading.")
    L.append("")
    S.append(f"numbers: gold {nt['gold']}, rasad mentions found {nt['rasad']}, rasad events "
             f"{nt['event']}, PyArabic {nt['peer']} (+int() {nt['peer_int']}); "
             f"{len(zero_digits)} of {len(peer_all)} PyArabic phrases are digits valued 0")
    return "\n".join(L).rstrip() + "\n", S


# --------------------------------------------------------------------------- main

def main() -> None:
    import ahocorasick
    import camel_tools
    import dateparser
    import importlib.metadata as md

    versions = {"camel-tools": camel_tools.__version__,
                "pyahocorasick": md.version("pyahocorasick"),
                "dateparser": dateparser.__version__, "PyArabic": md.version("pyarabic")}
    bins = cargo_build()
    patterns = dump_patterns(bins)
    automaton = ahocorasick.Automaton()
    for p in patterns:
        automaton.add_word(p, p)
    automaton.make_automaton()
    pattern_set = set(patterns)
    camel = camel_functions()
    deliberate = deliberate_list()
    if len(deliberate) != 15:
        print(f"warning: {len(deliberate)} DELIBERATE ranges read from {CAMEL_DIFF} "
              "(expected 15); differences are labelled with what was found", file=sys.stderr)
    tsv = camel_tsv()

    docs = []
    for txt in sorted(DEV.glob("*.txt")):
        gold_path = txt.with_suffix(".gold.json")
        if not gold_path.exists():
            print(f"skipping {txt.name}: no {gold_path.name}", file=sys.stderr)
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        published, source = published_of(gold)
        print(f"{txt.name}: published {published or 'none'} ({source})", file=sys.stderr)
        mentions, events = run_rasad(bins, txt, published)
        doc = {"name": txt.name, "text": Text(txt.read_text(encoding="utf-8")), "gold": gold,
               "published": published, "published_from": source,
               "mentions": mentions, "events": events}
        doc["norm"] = normalization(doc, camel, deliberate, tsv)
        doc["gaz"] = gazetteer(doc, doc["norm"], automaton, pattern_set)
        doc["dates"] = dates(doc, published)
        doc["numbers"] = numbers(doc)
        docs.append(doc)
    if not docs:
        print(f"answers.py: no dev document with a .gold.json in {DEV}; nothing compared")
        return

    text, summary = report(docs, versions, len(patterns))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "answers.md").write_text(text, encoding="utf-8")
    raw = [{"doc": d["name"], "published": d["published"],
            "normalization": {k: v for k, v in d["norm"].items()
                              if k not in ("camel_text", "camel_map", "rasad_per_char")},
            "gazetteer": {**d["gaz"], "hit_classes": [
                {"where": w, "rasad": r, "hits": n}
                for (w, r), n in d["gaz"]["hit_classes"].items()]},
            "dates": d["dates"], "numbers": d["numbers"]} for d in docs]
    (OUT / "answers.json").write_text(json.dumps(raw, ensure_ascii=False, indent=1) + "\n",
                                      encoding="utf-8")
    print(f"wrote {peers_env.rel(OUT / 'answers.md')} and {peers_env.rel(OUT / 'answers.json')}")
    for line in summary:
        print("  " + line)


if __name__ == "__main__":
    if not DEV.is_dir() or not any(DEV.glob("*.txt")):
        print(f"answers.py: {DEV} is absent or has no .txt; skipping (nothing written)")
        sys.exit(0)
    ensure_venv_and_reexec()
    main()
