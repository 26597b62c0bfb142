#!/usr/bin/env python3
"""Fills in the readings of data/diseases.json, the national vocabulary of
disease concepts: for every name of every concept, its tone-less pinyin (one
syllable per character, spaces between, `v` for ü) and its initials, so that
`gxy` or `gaoxueya` finds 高血压 wherever a region names it differently.

The concepts, their names and their cross-province ids are the reviewed part
of the file and are kept as they are; `pinyin` is rewritten each run from the
phrase dictionary of the PyPI package `pypinyin` (MIT licence, pinned), which
reads medical words as phrases. A name with no Chinese in it (COPD) gets no
reading.

    pip install pypinyin==0.55.0
    python3 scripts/gen_diseases.py
"""

import json
import os
import re
import sys

PYPINYIN_VERSION = "0.55.0"
HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "..", "data", "diseases.json")


def reading(text):
    try:
        import pypinyin
        from pypinyin import Style, lazy_pinyin
    except ImportError:
        sys.exit(f"scripts/gen_diseases.py needs pypinyin: pip install pypinyin=={PYPINYIN_VERSION}")
    if pypinyin.__version__ != PYPINYIN_VERSION:
        print(f"note: pypinyin {pypinyin.__version__}, the data was made with {PYPINYIN_VERSION}", file=sys.stderr)
    out = []
    for part in lazy_pinyin(text, style=Style.NORMAL, v_to_u=False):
        part = part.strip().lower()
        # Punctuation (、，（）) is not read; digits and Latin letters are kept.
        part = re.sub(r"[^a-z0-9]", "", part)
        if part:
            out.append(part)
    return " ".join(out)


def main():
    with open(PATH, encoding="utf-8") as f:
        doc = json.load(f)
    ids = set()
    for c in doc["concepts"]:
        assert c["id"] not in ids, f"{c['id']} twice"
        ids.add(c["id"])
        names = [c["name"]] + c["names"]
        assert len(names) == len(set(names)), f"{c['id']}: a name twice"
        c["pinyin"] = {
            n: {"full": reading(n), "initials": "".join(s[0] for s in reading(n).split())}
            for n in names
            if re.search(r"[\u4e00-\u9fff]", n)
        }
    seen = {}
    for c in doc["concepts"]:
        for n in [c["name"]] + c["names"]:
            assert seen.setdefault(n, c["id"]) == c["id"], f"{n} is a name of {seen[n]} and {c['id']}"
    with open(PATH, "w", encoding="utf-8") as f:
        f.write("{\n")
        for key in ("about", "sources"):
            f.write(f'  "{key}": {json.dumps(doc[key], ensure_ascii=False)},\n')
        f.write('  "concepts": [\n')
        f.write(",\n".join("    " + json.dumps(c, ensure_ascii=False) for c in doc["concepts"]))
        f.write("\n  ],\n")
        # Names a region's entry uses that stay its own (reviewed, with why).
        f.write('  "region_only": [\n')
        f.write(",\n".join("    " + json.dumps(r, ensure_ascii=False) for r in doc.get("region_only", [])))
        f.write("\n  ]\n}\n")
    print(f"{len(doc['concepts'])} concepts written to data/diseases.json", file=sys.stderr)


if __name__ == "__main__":
    main()
