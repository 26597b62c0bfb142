#!/usr/bin/env python3
"""Converts the flat JSON language files (`{"plan.title": "… {region} …"}`)
into Fluent `.ftl` files, the format the program reads.

    scripts/i18n_json_to_ftl.py assets/i18n/en.json            # writes assets/i18n/en.ftl
    scripts/i18n_json_to_ftl.py --append new-keys.json en.ftl  # appends keys en.ftl lacks

Dotted keys become Fluent ids with `-` for `.` (`plan.title` -> `plan-title`);
`{name}` becomes `{ $name }`. Leading and trailing spaces, line breaks, braces
and the characters Fluent treats specially at a line start are kept exactly,
as string literals (`{" "}`), so the text reads back unchanged.
"""
import json
import re
import sys

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


def fluent_id(key):
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_.]*", key):
        raise SystemExit(f"key {key!r}: only letters, digits, '_' and '.' are allowed")
    return key.replace(".", "-")


def literal(text):
    return '{"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"}'


def line(text):
    """One line of a value in Fluent syntax."""
    out = []
    pos = 0
    for m in PLACEHOLDER.finditer(text):
        out.append(("text", text[pos : m.start()]))
        out.append(("var", m.group(1)))
        pos = m.end()
    out.append(("text", text[pos:]))
    parts = []
    for kind, value in out:
        if kind == "var":
            parts.append("{ $" + value + " }")
        else:
            parts.append(re.sub(r"[{}]", lambda c: literal(c.group(0)), value))
    body = "".join(parts)
    if body == "":
        return literal("")
    lead = len(body) - len(body.lstrip(" "))
    if lead:
        body = literal(body[:lead]) + body[lead:]
    trail = len(body) - len(body.rstrip(" "))
    if trail:
        body = body[: len(body) - trail] + literal(body[len(body) - trail :])
    if body[0] in "[*.":
        body = literal(body[0]) + body[1:]
    return body


def entry(key, value):
    if not isinstance(value, str) or value == "":
        raise SystemExit(f"key {key!r}: the text must be a non-empty string")
    lines = value.split("\n")
    if len(lines) == 1:
        return f"{fluent_id(key)} = {line(value)}\n"
    return f"{fluent_id(key)} =\n" + "".join(f"    {line(l)}\n" for l in lines)


def convert(messages):
    return "".join(entry(k, v) for k, v in messages.items())


def ids_in(ftl_text):
    return set(re.findall(r"^([A-Za-z][A-Za-z0-9_-]*) =", ftl_text, re.M))


def main(argv):
    if len(argv) == 4 and argv[1] == "--append":
        messages = json.load(open(argv[2], encoding="utf-8"))
        with open(argv[3], encoding="utf-8") as f:
            have = ids_in(f.read())
        new = {k: v for k, v in messages.items() if fluent_id(k) not in have}
        with open(argv[3], "a", encoding="utf-8") as f:
            f.write(convert(new))
        print(f"{argv[3]}: {len(new)} keys appended")
        return
    if len(argv) != 2 or not argv[1].endswith(".json"):
        raise SystemExit(__doc__)
    messages = json.load(open(argv[1], encoding="utf-8"))
    target = argv[1][: -len(".json")] + ".ftl"
    with open(target, "w", encoding="utf-8") as f:
        f.write("# Generated from JSON by scripts/i18n_json_to_ftl.py; edit this file now.\n\n")
        f.write(convert(messages))
    print(f"{target}: {len(messages)} keys")


if __name__ == "__main__":
    main(sys.argv)
