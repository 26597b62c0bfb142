#!/usr/bin/env python3
"""Lists the files in src/ over 800 lines and the functions over 120 lines
(the limits the code review set): run from the repository's root,
`python3 scripts/long_code.py`. A function is counted from its `fn` line to
the line where its braces close; test modules are counted like the rest.
Exits 1 when anything is over, so it can gate a change."""

import pathlib
import re
import sys

FILE_LIMIT = 800
FN_LIMIT = 120
FN = re.compile(r"^\s*(pub(\([a-z:]+\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+([A-Za-z0-9_]+)")


def functions(lines):
    """(name, first line, length) of every fn with a body."""
    out = []
    for i, line in enumerate(lines):
        m = FN.match(line)
        if not m:
            continue
        depth = 0
        opened = False
        for j in range(i, len(lines)):
            text = re.sub(r'"(\\.|[^"\\])*"', '""', lines[j])
            text = re.sub(r"'(\\.|[^'\\])'", "''", text)
            text = text.split("//")[0]
            if not opened and ";" in text and "{" not in text:
                break  # a declaration without a body
            depth += text.count("{") - text.count("}")
            opened = opened or "{" in text
            if opened and depth <= 0:
                out.append((m.group(6), i + 1, j - i + 1))
                break
    return out


def main():
    over = False
    for path in sorted(pathlib.Path("src").rglob("*.rs")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if len(lines) > FILE_LIMIT:
            print(f"{path}: {len(lines)} lines")
            over = True
        for name, first, length in functions(lines):
            if length > FN_LIMIT:
                print(f"{path}:{first}: fn {name}: {length} lines")
                over = True
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
