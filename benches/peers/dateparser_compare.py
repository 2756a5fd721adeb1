#!/usr/bin/env python3
"""Compare the Python library dateparser with the date expectations in tests/data/expressions.tsv.

Run from the repository root:

    python3 benches/peers/dateparser_compare.py [--json OUT]

The script creates (or reuses) a throwaway virtual environment under
target/peers-venv-dateparser, installs the pinned dateparser version into it, and re-executes
itself inside that environment. Nothing outside target/ is touched.

Rows compared: every row of tests/data/expressions.tsv whose `expect` column contains a
`date=VALUE,PRECISION,RESOLVED_FROM` item or `nodate`. For each row dateparser is called as

    dateparser.search.search_dates(text, languages=['ar'], settings={
        'RELATIVE_BASE': <published date at 12:00>,   # only when the row has a publication date
        'PREFER_DATES_FROM': 'past',
        'RETURN_AS_TIMEZONE_AWARE': False})

and only its FIRST result is used.

Rule for right / wrong:

* `nodate` rows: right only if dateparser returns nothing.
* `date=` rows: the first `date=` item of the row is the expected one (a row such as
  "between the years 2014 and 2016" lists two; the first is compared). dateparser's first
  datetime is written at the expected PRECISION (day -> YYYY-MM-DD, month -> YYYY-MM,
  year -> YYYY) and compared with VALUE:
  - a fully known VALUE (no X) must be equal; no answer is wrong;
  - a partial VALUE (XXXX-12-13, XXXX-12, XXXX-XX-XX, XXXX: the year, or everything, cannot be
    known) is right when dateparser returns nothing, or when every known character of VALUE
    equals the same character of dateparser's answer (X positions are not compared). So for
    XXXX-12-13 an answer 2025-12-13 is right and 2025-11-13 is wrong. For an all-X VALUE (a bare
    weekday or relative word with no publication date) any answer passes: dateparser then
    anchors on the machine's clock, which the rule tolerates; such rows are counted separately
    as "vacuous" in the totals so they can be discounted.
  dateparser gives no precision or resolved_from, so those two parts are not compared.

Output: a Markdown table (id, text, expected, dateparser's answer, right/wrong) and totals on
standard output. With --json OUT the per-row results are also written to OUT as a JSON array
of objects {id, text, published, expected, expected_kind, dateparser_text, dateparser_datetime,
dateparser_value, right, vacuous}, so a Rust-side comparison can be joined on `id` later.
"""
import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

DATEPARSER_VERSION = "1.5.0"
ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / "target" / "peers-venv-dateparser"
TSV = ROOT / "tests" / "data" / "expressions.tsv"
MARK = "RASAD_DATEPARSER_VENV"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_venv_and_reexec() -> None:
    """Create/reuse the venv, install the pinned dateparser, and re-exec inside it."""
    if os.environ.get(MARK) == "1":
        return
    py = venv_python()
    if not py.exists():
        VENV.parent.mkdir(parents=True, exist_ok=True)
        subprocess.check_call([sys.executable, "-m", "venv", str(VENV)])
    probe = subprocess.run(
        [str(py), "-c", "import dateparser; print(dateparser.__version__)"],
        capture_output=True, text=True)
    if probe.returncode != 0 or probe.stdout.strip() != DATEPARSER_VERSION:
        print(f"installing dateparser=={DATEPARSER_VERSION} into {VENV}", file=sys.stderr)
        r = subprocess.run([str(py), "-m", "pip", "install", "--quiet",
                            f"dateparser=={DATEPARSER_VERSION}"])
        if r.returncode != 0:
            sys.exit(f"error: pip install dateparser=={DATEPARSER_VERSION} failed "
                     f"(exit {r.returncode})")
    env = dict(os.environ)
    env[MARK] = "1"
    os.execve(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]], env)


def read_rows():
    rows = []
    with open(TSV, encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        if header != ["id", "text", "published", "expect", "note"]:
            sys.exit(f"error: unexpected header in {TSV}: {header}")
        for lineno, line in enumerate(fh, start=2):
            line = line.rstrip("\n")
            if not line:
                continue
            parts = line.split("\t")
            if len(parts) != 5:
                sys.exit(f"error: {TSV}:{lineno}: expected 5 columns, got {len(parts)}")
            rid, text, published, expect, note = parts
            items = [x.strip() for x in expect.split(" ; ") if x.strip()]
            dates = []
            nodate = False
            for it in items:
                if it == "nodate":
                    nodate = True
                elif it.startswith("date="):
                    value, precision, resolved = it[len("date="):].split(",")
                    dates.append({"value": value, "precision": precision,
                                  "resolved_from": resolved})
            if nodate or dates:
                rows.append({"id": rid, "text": text, "published": published,
                             "dates": dates, "nodate": nodate})
    return rows


FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def judge(row, found):
    """Return (answer_value, right, vacuous)."""
    if row["nodate"] and not row["dates"]:
        return (found[1].strftime("%Y-%m-%d") if found else None), found is None, False
    exp = row["dates"][0]
    value = exp["value"]
    answer = found[1].strftime(FORMATS[exp["precision"]]) if found else None
    if "X" not in value:
        return answer, answer == value, False
    vacuous = all(ch in "X-" for ch in value)
    if answer is None:
        return None, True, vacuous
    right = len(answer) == len(value) and all(
        e == "X" or e == a for e, a in zip(value, answer))
    return answer, right, vacuous


def md(s):
    return (s or "").replace("|", "\\|")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", metavar="OUT", help="write per-row results as JSON to OUT")
    args = ap.parse_args()

    import dateparser
    from dateparser.search import search_dates

    rows = read_rows()
    results = []
    for row in rows:
        settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        if row["published"]:
            d = dt.date.fromisoformat(row["published"])
            settings["RELATIVE_BASE"] = dt.datetime(d.year, d.month, d.day, 12, 0)
        try:
            res = search_dates(row["text"], languages=["ar"], settings=settings)
        except Exception as e:  # a crash is reported as no answer, with the error kept
            res = None
            row["error"] = f"{type(e).__name__}: {e}"
        found = res[0] if res else None
        answer, right, vacuous = judge(row, found)
        expected = "nodate" if not row["dates"] else " ; ".join(
            f"{x['value']},{x['precision']},{x['resolved_from']}" for x in row["dates"])
        results.append({
            "id": row["id"], "text": row["text"], "published": row["published"] or None,
            "expected": expected,
            "expected_kind": "nodate" if not row["dates"] else row["dates"][0]["resolved_from"],
            "dateparser_text": found[0] if found else None,
            "dateparser_datetime": found[1].isoformat() if found else None,
            "dateparser_value": answer, "right": right, "vacuous": vacuous,
            **({"error": row["error"]} if "error" in row else {}),
        })

    print(f"# dateparser {dateparser.__version__} on {TSV.relative_to(ROOT)}\n")
    print("| id | text | published | expected | dateparser | result |")
    print("| --- | --- | --- | --- | --- | --- |")
    for r in results:
        ans = "—" if r["dateparser_value"] is None else \
            f"{r['dateparser_value']} (from \"{r['dateparser_text']}\")"
        verdict = "right" if r["right"] else "wrong"
        if r["vacuous"]:
            verdict += " (vacuous)"
        print(f"| {r['id']} | {md(r['text'])} | {r['published'] or ''} | {md(r['expected'])} "
              f"| {md(ans)} | {verdict} |")
    right = sum(r["right"] for r in results)
    wrong = len(results) - right
    vac = sum(r["vacuous"] for r in results)
    print()
    print(f"**Totals:** right {right} / wrong {wrong} / rows {len(results)} "
          f"(of the right, {vac} vacuous: all-X expectations that any answer satisfies)")
    by_kind = {}
    for r in results:
        k = by_kind.setdefault(r["expected_kind"], [0, 0])
        k[0 if r["right"] else 1] += 1
    print()
    print("| expected kind | right | wrong |")
    print("| --- | --- | --- |")
    for k in sorted(by_kind):
        print(f"| {k} | {by_kind[k][0]} | {by_kind[k][1]} |")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"tool": "dateparser", "version": dateparser.__version__,
                       "rows": results}, fh, ensure_ascii=False, indent=1)
        print(f"\nwrote {len(results)} rows to {args.json}", file=sys.stderr)


if __name__ == "__main__":
    ensure_venv_and_reexec()
    main()
