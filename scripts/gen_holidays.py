#!/usr/bin/env python3
"""Writes data/holidays/YYYY.json for the years before the shipped notices
(2004–2024) from the maintained `chinesecalendar` dataset (PyPI, MIT:
https://github.com/LKI/chinese-calendar), which transcribes the State
Council's yearly notices. Run: pip install chinesecalendar==1.11.0 &&
python3 scripts/gen_holidays.py. The files are checked at start-up and by
tests/data.rs like any holiday file; the hindcast (src/calendar/hindcast.rs)
compares the estimate against them.

A block of days off is a run of the dataset's days of one holiday, with the
weekend days between them; a 元旦 day (or make-up working day) in December
belongs to the next year's notice, as the notices put it.
"""

import datetime as dt
import json
import pathlib

from chinese_calendar import constants

YEARS = range(2004, 2025)

# Each year's notice (国务院办公厅关于YYYY年部分节假日安排的通知) came out in the
# year before. The dataset gives the days, not the notices' document numbers
# or days of publication, so the files name only the title and that year;
# the amendments of 2019 and 2020 are said in words, and `published` is null.
AMENDED = {
    2019: "劳动节假期其后另有通知调整",
    2020: "春节假期其后另有通知延长",
}

CHINESE = {h.value: h.chinese for h in constants.Holiday}


def notice_year(day, name):
    """The year whose notice gives `day`: a December 元旦 day is next year's."""
    if day.month == 12 and name == constants.Holiday.new_years_day.value:
        return day.year + 1
    return day.year


def is_weekend(day):
    return day.weekday() >= 5


def blocks(days):
    """Runs of (day, name) of one name, joined across weekend days."""
    out = []
    for day, name in sorted(days):
        if out and out[-1]["name"] == name:
            gap = out[-1]["to"] + dt.timedelta(days=1)
            while gap < day and is_weekend(gap) and gap not in constants.workdays:
                gap += dt.timedelta(days=1)
            if gap == day:
                out[-1]["to"] = day
                continue
        out.append({"name": name, "from": day, "to": day})
    return out


def main():
    root = pathlib.Path(__file__).resolve().parent.parent / "data" / "holidays"
    for year in YEARS:
        days = [(d, n) for d, n in constants.holidays.items() if notice_year(d, n) == year]
        work = sorted(d for d, n in constants.workdays.items() if notice_year(d, n) == year)
        amended = f"；{AMENDED[year]}" if year in AMENDED else ""
        doc = {
            "year": year,
            "source": {
                "title": f"国务院办公厅关于{year}年部分节假日安排的通知（日期据 chinesecalendar 1.11.0 数据集{amended}）",
                "publisher": "国务院办公厅",
                "published": None,
            },
            "days_off": [
                {"name": CHINESE[b["name"]], "from": b["from"].isoformat(), "to": b["to"].isoformat()}
                for b in blocks(days)
            ],
            "working_days": [d.isoformat() for d in work],
        }
        # One block a line, as the hand-checked files have it.
        text = json.dumps(doc, ensure_ascii=False, indent=2)
        for b in doc["days_off"]:
            one = json.dumps(b, ensure_ascii=False)
            text = text.replace(json.dumps(b, ensure_ascii=False, indent=2).replace("\n", "\n    "), one)
        text = text.replace(", \n", ",\n") + "\n"
        (root / f"{year}.json").write_text(text, encoding="utf-8")
        print(f"{year}: {len(doc['days_off'])} blocks, {len(work)} make-up working days")


if __name__ == "__main__":
    main()
