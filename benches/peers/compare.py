#!/usr/bin/env python3
"""Side-by-side speed of rasad's stages and the Python tools a user would otherwise glue together.

Run from the repository root:

    python3 benches/peers/compare.py [--sample-mb 20] [--dates-kb 200] [--memory] [--skip-speed]

What it does (details and caveats: benches/peers/README.md):

1. Writes the sample target/peers/sample.jsonl: whole articles from the start of
   ../shared/corpus/news/news-000.jsonl.gz until their text reaches --sample-mb MB (10^6 bytes
   of UTF-8 article text; the same cut as benches/common/mod.rs), or deterministic generated
   Arabic news-like text when ../shared is absent.
2. Creates (or reuses) the throwaway virtual environment target/peers-venv, installs the pinned
   peers into it and re-executes itself there. camel-tools is installed with --no-deps plus
   emoji and six, as tools/camel_tables.py does (its full dependency set pulls torch and CUDA
   wheels that camel_tools.utils.normalize / dediac do not need).
3. Runs `cargo run --release --example stage_speed -- --dump-patterns ... SAMPLE` (rasad's
   stages, best of 3, JSON on stdout) and times the Python peers on the same articles:
   - normalization: camel_tools normalize_alef_ar, normalize_alef_maksura_ar,
     normalize_teh_marbuta_ar, dediac_ar in a row, on every article;
   - gazetteer: a pyahocorasick Automaton over rasad's own compiled patterns (the normalized
     aliases and triggers, written by stage_speed --dump-patterns), iter_long() over the
     camel-normalized articles (normalized outside the timing);
   - dates: dateparser.search.search_dates(text, languages=['ar']) on the first --dates-kb KB
     of articles only (it is slow), MB/s from that subset;
   - numbers: PyArabic's number module, extract_number_phrases(text) and text2number() of each
     phrase found (number words and digits); plus a regex baseline row (re `\\d+` count), which
     parses nothing and is labelled as such;
   - whole pipeline: no Python tool extracts events; the row gives the rate of the four peers
     above (camel, pyahocorasick, dateparser, PyArabic) glued in sequence (1 / sum of 1/rate),
     event logic not included.
   Python timings are wall clock (time.perf_counter), best of 3 (dateparser: best of
   --dates-runs, default 3), and include the interpreter's overhead, as a user would see it.
4. Prints a Markdown table (stage | rasad MB/s | Python peer | peer MB/s | ratio) and writes it
   to target/peers/report.md.
5. With --memory: builds target/peers/news_x1.jsonl.gz (the gzip files of ../shared/corpus/news
   concatenated once: a multi-member gzip, which `extract` reads) and news_x4.jsonl.gz (four
   times), runs `/usr/bin/time -v target/release/examples/extract --stats --threads 1 FILE`
   on each (stdout to /dev/null) and reports the maximum resident set size of both and their
   ratio, in target/peers/memory.md and appended to report.md (with --skip-speed, report.md
   is left as the last speed run wrote it).

MB = 10^6 bytes of ORIGINAL article text (UTF-8) for every row, rasad's and the peers'.
Nothing outside target/ is written.
"""
import argparse
import datetime as dt
import gzip
import importlib.metadata
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "target"
OUT = TARGET / "peers"
VENV = TARGET / "peers-venv"
NEWS = ROOT.parent / "shared" / "corpus" / "news"
MARK = "RASAD_PEERS_VENV"
LOAD_AT_START = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

CAMEL_TOOLS = "camel-tools==1.6.0"
# The import-time dependencies of camel_tools.utils.{normalize,dediac}; the same pins as
# tools/camel_tables.py, which shares this venv.
CAMEL_EXTRAS = ["emoji==2.16.0", "six==1.17.0"]
PEERS = ["pyahocorasick==2.3.1", "dateparser==1.5.0", "pyarabic==0.6.15"]


# --------------------------------------------------------------------------- venv

def rel(path: Path):
    """`path` relative to the repository root when it is inside it."""
    try:
        return path.relative_to(ROOT)
    except ValueError:
        return path


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def installed(py: Path, dist: str):
    r = subprocess.run(
        [str(py), "-c", "import importlib.metadata as m, sys; print(m.version(sys.argv[1]))", dist],
        capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else None


def pip_install(py: Path, args) -> None:
    cmd = [str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args]
    print("  " + " ".join(cmd[1:]), file=sys.stderr)
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout + r.stderr)
        sys.exit(f"error: pip install {' '.join(args)} failed (exit {r.returncode})")


def ensure_venv_and_reexec() -> None:
    """Create/reuse target/peers-venv, install what is missing, and re-exec inside it."""
    if os.environ.get(MARK) == "1":
        return
    py = venv_python()
    if not py.exists():
        print(f"creating virtual environment {VENV}", file=sys.stderr)
        VENV.parent.mkdir(parents=True, exist_ok=True)
        subprocess.check_call([sys.executable, "-m", "venv", str(VENV)])

    def missing(specs):
        out = []
        for spec in specs:
            name, _, version = spec.partition("==")
            if installed(py, name) != version:
                out.append(spec)
        return out

    todo = missing(CAMEL_EXTRAS + PEERS)
    if todo:
        pip_install(py, todo)
    if missing([CAMEL_TOOLS]):
        pip_install(py, ["--no-deps", "--no-warn-conflicts", CAMEL_TOOLS])
    env = dict(os.environ)
    env[MARK] = "1"
    os.execve(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]], env)


# --------------------------------------------------------------------------- sample

WORDS = (
    "أعلنت قوات سوريا الديمقراطية مقتل عناصر من تنظيم داعش في هجوم على نقطة عسكرية بريف دير "
    "الزور الشرقي وأصيب آخرون بجروح إثر انفجار عبوة ناسفة قرب مدينة تدمر وسط البلاد يوم "
    "الأربعاء الماضي حسبما أفادت مصادر محلية لوكالة الأنباء التحالف الدولي غارة جوية استهدفت "
    "قيادياً بارزاً إدلب أطمة مُسلّحون مجهولون كمينٍ دوريةٍ الأمن العام الـــرقة ٢٠٢٥ ١٣ ثلاثة "
    "جنود إلى مستشفى الحسكة الهول مخيم المسؤولين الأمريكيين"
).split()


def generated(limit: int):
    """Deterministic Arabic news-like articles (the generator of benches/common/mod.rs)."""
    mask = (1 << 64) - 1
    state = 0x2545F4914F6CDD1D
    total, n = 0, 0
    while total < limit:
        parts = []
        for i in range(600):
            state ^= (state << 13) & mask
            state ^= state >> 7
            state ^= (state << 17) & mask
            parts.append(WORDS[state % len(WORDS)])
            parts.append(".\n" if i % 17 == 16 else "، " if i % 9 == 8 else " ")
        text = "".join(parts)
        n += 1
        total += len(text.encode("utf-8"))
        yield {"id": f"generated/{n}", "published": None, "text": text}


def corpus(limit: int):
    """Whole articles from the start of news-000 until their text reaches `limit` bytes."""
    total = 0
    with gzip.open(NEWS / "news-000.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            v = json.loads(line)
            total += len(v["text"].encode("utf-8"))
            yield {"id": v["id"], "published": v.get("published"), "text": v["text"]}
            if total >= limit:
                return


def write_sample(mb: float) -> tuple[Path, str]:
    limit = int(mb * 1_000_000)
    if (NEWS / "news-000.jsonl.gz").exists():
        articles, source = corpus(limit), "../shared/corpus/news/news-000.jsonl.gz (first articles)"
    else:
        articles, source = generated(limit), "generated Arabic text (../shared/corpus/news absent)"
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "sample.jsonl"
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for a in articles:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    return path, source


def read_sample(path: Path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def utf8_len(texts) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


# --------------------------------------------------------------------------- timing

def best_of(runs: int, fn):
    """(best wall-clock seconds, result of the last call)."""
    best, result = float("inf"), None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def run_rasad(sample: Path, patterns: Path) -> dict:
    cmd = ["cargo", "run", "--release", "--quiet", "--example", "stage_speed", "--",
           "--dump-patterns", str(patterns), str(sample)]
    print("$ " + " ".join(cmd), file=sys.stderr)
    r = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit(f"error: stage_speed failed (exit {r.returncode}); if src/ is being edited, retry")
    return json.loads(r.stdout)


def time_peers(articles, patterns: Path, dates_bytes: int, dates_runs: int) -> dict:
    import ahocorasick
    import camel_tools
    import dateparser
    import pyarabic.number
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                             normalize_teh_marbuta_ar)
    from dateparser.search import search_dates

    texts = [a["text"] for a in articles]
    peers = {"versions": {"python": platform.python_version(),
                          "camel-tools": camel_tools.__version__,
                          "pyahocorasick": importlib.metadata.version("pyahocorasick"),
                          "dateparser": dateparser.__version__,
                          "pyarabic": importlib.metadata.version("pyarabic")}}

    def camel(t):
        return dediac_ar(normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(t))))

    def step(name, secs, found, nbytes, note=""):
        peers[name] = {"seconds": secs, "found": found, "bytes": nbytes,
                       "mbps": nbytes / 1e6 / secs, "note": note}
        print(f"  {name:<10} {nbytes / 1e6 / secs:9.3f} MB/s  ({secs:.3f} s, {found} found)",
              file=sys.stderr)

    nbytes = utf8_len(texts)
    print(f"python peers on {len(texts)} articles, {nbytes} bytes", file=sys.stderr)

    secs, out = best_of(3, lambda: [camel(t) for t in texts])
    step("normalize", secs, utf8_len(out), nbytes)

    normalized = out
    aliases = [p for p in patterns.read_text(encoding="utf-8").split("\n") if p]
    automaton = ahocorasick.Automaton()
    for i, p in enumerate(aliases):
        automaton.add_word(p, i)
    automaton.make_automaton()
    secs, found = best_of(3, lambda: sum(sum(1 for _ in automaton.iter_long(t)) for t in normalized))
    step("gazetteer", secs, found, nbytes, f"{len(aliases)} patterns")

    def numbers():
        n = 0
        for t in texts:
            for phrase in pyarabic.number.extract_number_phrases(t):
                pyarabic.number.text2number(phrase)
                n += 1
        return n

    secs, found = best_of(3, numbers)
    step("numbers", secs, found, nbytes)

    digits = re.compile(r"\d+")
    secs, found = best_of(3, lambda: sum(len(digits.findall(t)) for t in texts))
    step("digits", secs, found, nbytes)

    # dateparser: whole articles from the start of the sample up to dates_bytes.
    subset, total = [], 0
    for a in articles:
        subset.append(a)
        total += len(a["text"].encode("utf-8"))
        if total >= dates_bytes:
            break

    def settings(a):
        s = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        if a.get("published"):
            d = dt.date.fromisoformat(a["published"])
            s["RELATIVE_BASE"] = dt.datetime(d.year, d.month, d.day, 12, 0)
        return s

    prepared = [(a["text"], settings(a)) for a in subset]
    search_dates("قتل ثلاثة في 13 كانون الأول 2025", languages=["ar"])  # load its tables first

    def dates():
        n = 0
        for text, s in prepared:
            n += len(search_dates(text, languages=["ar"], settings=s) or [])
        return n

    secs, found = best_of(dates_runs, dates)
    step("dates", secs, found, total, f"first {len(subset)} articles, {total} bytes")
    return peers


# --------------------------------------------------------------------------- report

def fmt(x):
    if x is None:
        return "—"
    return f"{x:,.2f}" if x < 100 else f"{x:,.0f}"


def ratio(a, b):
    return "—" if a is None or b is None else f"{a / b:,.1f}×"


def report(rasad: dict, peers: dict, source: str, args) -> str:
    st = rasad["stages"]
    p = {k: v["mbps"] for k, v in peers.items() if isinstance(v, dict) and "mbps" in v}
    glue = 1 / sum(1 / p[k] for k in ("normalize", "gazetteer", "dates", "numbers"))
    v = peers["versions"]
    d = peers["dates"]
    rows = [
        ("normalize (`Normalizer::normalize_into`)", st["normalize"],
         "camel-tools `normalize_alef_ar` → `normalize_alef_maksura_ar` → "
         "`normalize_teh_marbuta_ar` → `dediac_ar`", p["normalize"]),
        ("gazetteer scan (`Lexicon::scan_into`: word starts, clitics)", st["gazetteer_scan"],
         f"pyahocorasick `iter_long`, same {peers['gazetteer']['note']} (bare, no word boundaries)",
         p["gazetteer"]),
        ("baseline: bare leftmost-longest `aho_corasick`", st["aho_corasick_bare"],
         "pyahocorasick `iter_long` (same as above: like for like)", p["gazetteer"]),
        ("dates (`tokenize_into` + `time::read_dates`)", st["dates"],
         f"dateparser `search_dates(text, languages=['ar'])` — on a subset only "
         f"({d['bytes'] / 1e3:,.0f} KB, {d['note'].split(',')[0]})", p["dates"]),
        ("numbers (`tokenize_into` + `number::read_counts`)", st["numbers"],
         f"PyArabic {v['pyarabic']} `number.extract_number_phrases` + `text2number` per phrase",
         p["numbers"]),
        ("numbers, against a non-parser", st["numbers"],
         "**regex baseline**, parses nothing: `re` `\\d+` count", p["digits"]),
        ("dates + numbers (one tokenization)", st["dates_numbers"], "—", None),
        ("whole pipeline, 1 thread (`Extractor::extract`)", st["extract_1thread"],
         "glue estimate: camel + pyahocorasick + dateparser + PyArabic in sequence "
         "(1/Σ 1/rate), no event logic", glue),
        ("whole pipeline, 2 threads (rayon)", st["extract_2threads"], "—", None),
    ]
    found = rasad["found"]
    lines = [
        f"# rasad stages vs Python peers ({dt.date.today().isoformat()})",
        "",
        f"Sample: {rasad['documents']:,} articles, {rasad['bytes']:,} bytes of article text "
        f"({rasad['normalized_bytes']:,} after rasad's normalization) from {source}. "
        "MB/s = 10^6 bytes of original article text per second, every row. "
        f"rasad: `stage_speed`, best of {rasad['runs']}; Python {v['python']}: camel-tools "
        f"{v['camel-tools']}, pyahocorasick {v['pyahocorasick']}, dateparser {v['dateparser']}, "
        f"PyArabic {v['pyarabic']}, "
        f"best of 3 (dateparser: best of {args.dates_runs}). Machine: {machine()}.",
        "",
        "| stage | rasad MB/s | Python peer | peer MB/s | ratio |",
        "| --- | --- | --- | --- | --- |",
    ]
    for stage, r, peer, pr in rows:
        lines.append(f"| {stage} | {fmt(r)} | {peer} | {fmt(pr)} | {ratio(r, pr)} |")
    lines += [
        "",
        "Found on the sample: rasad scan {gs:,} hits at word starts, bare automaton {ab:,}, "
        "pyahocorasick {pg:,} (on camel-normalized text); rasad dates {rd:,} and counts {rn:,} "
        "(whole sample), dateparser {pd:,} dates (subset), PyArabic {pa:,} number phrases, "
        "regex {px:,} digit runs; "
        "rasad events {ev:,}.".format(
            gs=found["gazetteer_scan"], ab=found["aho_corasick_bare"],
            pg=peers["gazetteer"]["found"], rd=found["dates"], rn=found["numbers"],
            pd=peers["dates"]["found"], pa=peers["numbers"]["found"],
            px=peers["digits"]["found"], ev=found["extract_1thread"]),
    ]
    return "\n".join(lines) + "\n"


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{os.cpu_count()} cores{', ' + model if model else ''}; 1-minute load average "
            f"{LOAD_AT_START:.2f} at the start, {load:.2f} at the end")


# --------------------------------------------------------------------------- memory

def memory(out_lines) -> None:
    files = sorted(NEWS.glob("*.jsonl.gz"))
    if not files:
        out_lines.append("Memory: ../shared/corpus/news is absent; nothing measured.\n")
        return
    raw = b"".join(f.read_bytes() for f in files)
    inputs = []
    for k in (1, 4):
        path = OUT / f"news_x{k}.jsonl.gz"
        if not path.exists() or path.stat().st_size != k * len(raw):
            path.write_bytes(raw * k)  # gzip members back to back: one multi-member gzip
        inputs.append((k, path))

    print("$ cargo build --release --example extract", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "extract"],
                   cwd=ROOT, check=True)
    exe = ROOT / "target" / "release" / "examples" / "extract"
    timer = shutil.which("time", path="/usr/bin")
    results = []
    for k, path in inputs:
        cmd = [str(exe), "--stats", "--threads", "1", str(path)]
        if timer:
            cmd = [timer, "-v", *cmd]
        print("$ " + " ".join(cmd) + " > /dev/null", file=sys.stderr)
        r = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True)
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
        stats = dict(re.findall(r"^(documents|MB|MB/s|events|errors): (\S+)$", r.stderr, re.M))
        results.append({"copies": k, "file": rel(path), "exit": r.returncode,
                        "rss_kb": int(rss.group(1)) if rss else None, "stats": stats})
        print(f"  x{k}: exit {r.returncode}, max RSS {results[-1]['rss_kb']} KB, {stats}",
              file=sys.stderr)

    out_lines += [
        "",
        f"## Memory flatness ({dt.date.today().isoformat()})",
        "",
        "`" + ("/usr/bin/time -v " if timer else "")
        + "target/release/examples/extract --stats --threads 1 FILE > /dev/null`; FILE = the "
        "gzip files of ../shared/corpus/news concatenated once (x1) and four times (x4).",
        "",
        "| input | gzip MB | documents | text MB | events | MB/s | exit | max RSS (KB) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for m in results:
        size = (OUT / m["file"].name).stat().st_size / 1e6
        st = m["stats"]
        out_lines.append(
            f"| `{m['file']}` | {size:,.1f} | {st.get('documents', '—')} | {st.get('MB', '—')} | "
            f"{st.get('events', '—')} | {st.get('MB/s', '—')} | {m['exit']} | "
            f"{m['rss_kb'] if m['rss_kb'] is not None else 'not measured'} |")
    a, b = results[0]["rss_kb"], results[1]["rss_kb"]
    if a and b:
        out_lines += ["", f"Max RSS x4 / x1 = {b / a:.3f} (input 4 times larger)."]
    elif not timer:
        out_lines += ["", "/usr/bin/time is missing: peak RSS not measured."]


# --------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sample-mb", type=float, default=20.0,
                    help="MB (10^6 bytes) of article text in the sample (default: %(default)s)")
    ap.add_argument("--dates-kb", type=float, default=200.0,
                    help="KB of the sample's first articles that dateparser runs on "
                         "(default: %(default)s)")
    ap.add_argument("--dates-runs", type=int, default=3,
                    help="runs of dateparser, best taken (default: %(default)s)")
    ap.add_argument("--memory", action="store_true",
                    help="also measure peak memory of extract on the corpus x1 and x4")
    ap.add_argument("--skip-speed", action="store_true", help="skip the speed comparison")
    args = ap.parse_args()

    lines = []
    report_path = OUT / "report.md"
    if not args.skip_speed:
        sample, source = write_sample(args.sample_mb)
        articles = read_sample(sample)
        print(f"wrote {rel(sample)}: {len(articles)} articles from {source}",
              file=sys.stderr)
        patterns = OUT / "patterns.txt"
        rasad = run_rasad(sample, patterns)
        peers = time_peers(articles, patterns, int(args.dates_kb * 1000), args.dates_runs)
        if rasad["bytes"] != peers["normalize"]["bytes"]:
            sys.exit(f"error: rasad read {rasad['bytes']} bytes, Python "
                     f"{peers['normalize']['bytes']}")
        (OUT / "peers.json").write_text(json.dumps({"rasad": rasad, "python": peers}, indent=1,
                                                   ensure_ascii=False) + "\n", encoding="utf-8")
        lines.append(report(rasad, peers, source, args))
    if args.memory:
        OUT.mkdir(parents=True, exist_ok=True)
        section = []
        memory(section)
        mem_text = "\n".join(section).strip("\n") + "\n"
        (OUT / "memory.md").write_text(mem_text, encoding="utf-8")
        lines.append(mem_text)
        if args.skip_speed:  # keep the speed table of an earlier run in report.md
            report_path = OUT / "memory.md"
    text = "\n".join(lines).rstrip("\n") + "\n"
    if text.strip():
        report_path.write_text(text, encoding="utf-8")
        print(text)
        print(f"wrote {rel(report_path)}", file=sys.stderr)


if __name__ == "__main__":
    ensure_venv_and_reexec()
    main()
