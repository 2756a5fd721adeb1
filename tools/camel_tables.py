#!/usr/bin/env python3
"""Regenerate tests/data/camel_tools_chars.tsv: what CAMeL Tools' Arabic
normalization functions do to every single BMP character.

Run from the repository root:

    python3 tools/camel_tables.py

The script creates (or reuses) a throwaway virtual environment under
target/peers-venv (target/ is ignored by git), installs a pinned camel-tools
into it, then runs each function below on every one-character string
U+0000..U+FFFF (surrogates skipped) and records every case where the output
differs from the input.

camel-tools is installed with --no-deps: its full dependency set pulls torch,
transformers and the NVIDIA CUDA wheels (several GB), none of which
camel_tools.utils.normalize / camel_tools.utils.dediac need.  At import time
those two modules only need `emoji` (imported by camel_tools.utils.charsets)
and `six` (imported by camel_tools.utils.stringutils, via charmap); everything
else they use is the standard library.

Note: normalize_unicode is unicodedata.normalize('NFKC') (after mapping
U+FDFC and U+FDFD to words), so its rows depend on the Unicode database of the
Python that runs the venv; the header records that version.

Determinism: the rows depend only on the pinned packages and the interpreter.
The header's date is kept from the existing file when nothing else in the file
changed, so a rerun yields a byte-identical file.  SOURCE_DATE_EPOCH, if set,
overrides the date.
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import venv

CAMEL_TOOLS_VERSION = "1.6.0"
# The only import-time dependencies of camel_tools.utils.{normalize,dediac}.
EXTRA_PACKAGES = ["emoji==2.16.0", "six==1.17.0"]

FUNCTIONS = [
    ("camel_tools.utils.normalize", "normalize_alef_ar"),
    ("camel_tools.utils.normalize", "normalize_alef_maksura_ar"),
    ("camel_tools.utils.normalize", "normalize_teh_marbuta_ar"),
    ("camel_tools.utils.normalize", "normalize_unicode"),
    ("camel_tools.utils.dediac", "dediac_ar"),
]

OUT_REL = os.path.join("tests", "data", "camel_tools_chars.tsv")
VENV_REL = os.path.join("target", "peers-venv")
REGEN_CMD = "python3 tools/camel_tables.py"

# Code that runs inside the venv. It prints the table body (header line and
# rows) after a single metadata line.
INNER = r'''
import importlib, json, sys, unicodedata
import camel_tools
functions = json.loads(sys.argv[1])
rows = []
missing = []
for mod_name, fn_name in functions:
    mod = importlib.import_module(mod_name)
    fn = getattr(mod, fn_name, None)
    if fn is None:
        missing.append(fn_name)
        continue
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        out = fn(c)
        if out != c:
            rows.append((fn_name, cp, " ".join("U+%04X" % ord(o) for o in out)))
rows.sort(key=lambda r: (r[0], r[1]))
meta = {
    "camel_tools": camel_tools.__version__,
    "python": "%d.%d.%d" % sys.version_info[:3],
    "unidata": unicodedata.unidata_version,
    "missing": missing,
}
sys.stdout.write(json.dumps(meta, sort_keys=True) + "\n")
sys.stdout.write("codepoint\tfunction\toutput\n")
for fn_name, cp, out in rows:
    sys.stdout.write("U+%04X\t%s\t%s\n" % (cp, fn_name, out))
'''


def venv_python(venv_dir):
    if os.name == "nt":
        return os.path.join(venv_dir, "Scripts", "python.exe")
    return os.path.join(venv_dir, "bin", "python")


def installed_version(py, dist):
    r = subprocess.run(
        [py, "-c", "import importlib.metadata as m, sys; print(m.version(sys.argv[1]))", dist],
        capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else None


def ensure_venv(venv_dir):
    py = venv_python(venv_dir)
    wanted = {"camel-tools": CAMEL_TOOLS_VERSION}
    for spec in EXTRA_PACKAGES:
        name, _, ver = spec.partition("==")
        wanted[name] = ver
    if os.path.exists(py) and all(installed_version(py, d) == v for d, v in wanted.items()):
        return py
    print("creating virtual environment in %s" % venv_dir, file=sys.stderr)
    venv.EnvBuilder(clear=True, with_pip=True).create(venv_dir)
    pip = [py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run(pip + EXTRA_PACKAGES, check=True)
    subprocess.run(pip + ["--no-deps", "--no-warn-conflicts",
                          "camel-tools==%s" % CAMEL_TOOLS_VERSION], check=True)
    return py


def header_date(out_path, body_without_date):
    """Today's date, unless SOURCE_DATE_EPOCH is set or the existing file
    differs from the new one only in its date line (then keep its date)."""
    sde = os.environ.get("SOURCE_DATE_EPOCH")
    if sde:
        return datetime.datetime.fromtimestamp(int(sde), datetime.timezone.utc).strftime("%Y-%m-%d")
    if os.path.exists(out_path):
        with open(out_path, encoding="utf-8", newline="") as f:
            old = f.read()
        old_date = None
        kept = []
        for line in old.splitlines(keepends=True):
            if line.startswith("# date: ") and old_date is None:
                old_date = line[len("# date: "):].strip()
                kept.append("# date: {DATE}\n")
            else:
                kept.append(line)
        if old_date is not None and "".join(kept) == body_without_date:
            return old_date
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--venv", default=VENV_REL, help="venv directory (default: %(default)s)")
    ap.add_argument("--out", default=OUT_REL, help="output TSV (default: %(default)s)")
    args = ap.parse_args()

    py = ensure_venv(args.venv)
    r = subprocess.run([py, "-c", INNER, json.dumps(FUNCTIONS)],
                       capture_output=True, text=True, encoding="utf-8")
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        sys.exit("camel-tools run inside %s failed" % args.venv)
    meta_line, _, table = r.stdout.partition("\n")
    meta = json.loads(meta_line)

    present = [f for _, f in FUNCTIONS if f not in meta["missing"]]
    counts = {f: 0 for f in present}
    for line in table.splitlines()[1:]:
        counts[line.split("\t")[1]] += 1

    head = [
        "# What CAMeL Tools' Arabic normalization functions do to single characters.",
        "# Generated by tools/camel_tables.py; do not edit by hand.",
        "# camel-tools: %s (installed with --no-deps, plus %s)" % (meta["camel_tools"], ", ".join(EXTRA_PACKAGES)),
        "# python: %s, unicodedata.unidata_version: %s (normalize_unicode is NFKC, so it depends on this)"
        % (meta["python"], meta["unidata"]),
        "# date: {DATE}",
        "# regenerate: %s" % REGEN_CMD,
        "# input: every scalar value U+0000..U+FFFF except surrogates, as a one-character string",
        "# functions: %s" % ", ".join(present),
    ]
    if meta["missing"]:
        head.append("# not present in this version: %s" % ", ".join(meta["missing"]))
    head += [
        "# rows: only (char, function) pairs whose output differs from the input;",
        "#   output = space-separated code points of the result, empty if the char was deleted",
        "# row counts: %s" % ", ".join("%s=%d" % (f, counts[f]) for f in present),
        "# sorted by function, then code point",
    ]
    body = "\n".join(head) + "\n" + table
    out_path = args.out
    date = header_date(out_path, body)
    text = body.replace("{DATE}", date, 1)
    os.makedirs(os.path.dirname(out_path) or ".", exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)

    print("camel-tools %s (python %s, unicode %s)" % (meta["camel_tools"], meta["python"], meta["unidata"]))
    for f in present:
        print("  %-28s %6d rows" % (f, counts[f]))
    if meta["missing"]:
        print("  not present: %s" % ", ".join(meta["missing"]))
    print("wrote %s" % out_path)


if __name__ == "__main__":
    main()
