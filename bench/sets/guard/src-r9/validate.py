#!/usr/bin/env python3
"""Validate blind-r9.jsonl / compliant-r9.jsonl and print the counts for README-r9.md."""
import json, os, re, statistics, unicodedata
from collections import Counter, defaultdict

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULES = [f"D{i}" for i in range(1, 12)]
PLATS = ["taobao", "tmall", "jd", "pdd", "aliexpress"]
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
KEYS = ["id", "text", "platform", "context", "expect", "note"]
errors = []


def norm(t):
    t = unicodedata.normalize("NFKC", t).lower()
    return "".join(c for c in t if not (unicodedata.category(c)[0] in "PZS" or c.isspace()))


def load(name, prefix):
    rows = []
    for n, line in enumerate(open(os.path.join(OUT, name), encoding="utf-8"), 1):
        try:
            r = json.loads(line)
        except Exception as e:
            errors.append(f"{name}:{n}: parse {e}"); continue
        if list(r) != KEYS:
            errors.append(f"{name}:{n}: keys {list(r)}")
        if not re.fullmatch(prefix + r"-\d{4}", r["id"]):
            errors.append(f"{name}:{n}: id {r['id']}")
        if r["platform"] not in PLATS:
            errors.append(f"{name}:{n}: platform")
        if list(r["context"]) != ["free_shipping", "asker_is_buyer"] or not all(isinstance(v, bool) for v in r["context"].values()):
            errors.append(f"{name}:{n}: context")
        for x in r["expect"]:
            if x not in RULES:
                errors.append(f"{name}:{n}: rule {x}")
        en = not CJK.search(r["text"])
        if en and r["platform"] != "aliexpress":
            errors.append(f"{name}:{n}: English not on aliexpress")
        if "D5" in r["expect"] and not r["context"]["free_shipping"]:
            errors.append(f"{name}:{n}: D5 without free_shipping")
        if "D6" in r["expect"] and r["context"]["asker_is_buyer"]:
            errors.append(f"{name}:{n}: D6 with asker_is_buyer")
        if not en and r["platform"] == "aliexpress" and ({"D5", "D6"} & set(r["expect"])):
            errors.append(f"{name}:{n}: Chinese D5/D6 on aliexpress")
        rows.append(r)
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        errors.append(f"{name}: duplicate ids")
    return rows


def report(name, rows):
    print(f"### {name} ({len(rows)} lines)")
    table = defaultdict(Counter)
    for r in rows:
        en = not CJK.search(r["text"])
        keys = r["expect"] or ["(none: [])"]
        for k in keys + ["all lines"]:
            table[k][r["platform"]] += 1
            table[k]["lines"] += 1
            if en:
                table[k]["English"] += 1
    print("| expect contains | lines | " + " | ".join(PLATS) + " | English |")
    print("|---|---|" + "---|" * 6)
    for k in RULES + ["(none: [])", "all lines"]:
        if k in table:
            c = table[k]
            print(f"| {k} | {c['lines']} | " + " | ".join(str(c[p]) for p in PLATS) + f" | {c['English']} |")
    viol = [r for r in rows if r["expect"]]
    multi = Counter("+".join(r["expect"]) for r in rows if len(r["expect"]) > 1)
    en = [r for r in rows if not CJK.search(r["text"])]
    lens = [len(r["text"]) for r in rows]
    print(f"- violating {len(viol)}, look-alikes/compliant {len(rows)-len(viol)}; multi-rule {dict(multi)}")
    print(f"- English {len(en)} ({sum(1 for r in en if r['expect'])} violating); Chinese on aliexpress "
          f"{sum(1 for r in rows if r['platform']=='aliexpress' and CJK.search(r['text']))}")
    print(f"- length {min(lens)}-{max(lens)}, median {statistics.median(lens)}; under 5 chars {sum(1 for l in lens if l < 5)}")
    fs = Counter(r["context"]["free_shipping"] for r in rows)
    nb = [r for r in rows if not r["context"]["asker_is_buyer"]]
    print(f"- free_shipping true {fs[True]} / false {fs[False]}; asker_is_buyer false {len(nb)} "
          f"(D6 {sum(1 for r in nb if 'D6' in r['expect'])}, other violating {sum(1 for r in nb if r['expect'] and 'D6' not in r['expect'])}, "
          f"compliant {sum(1 for r in nb if not r['expect'])})")
    if name.startswith("compliant"):
        topics = Counter(r["note"].replace("compliant: ", "").replace("en ", "") for r in rows)
        print("- topics: " + ", ".join(f"{k} {v}" for k, v in topics.most_common()))
    print()


b = load("blind-r9.jsonl", "b9")
c = load("compliant-r9.jsonl", "c9")
for r in c:
    if r["expect"] != [] or not re.fullmatch(r"compliant: (en )?[a-z_]+", r["note"]):
        errors.append(f"compliant {r['id']}: expect/note")
    if re.search(r"1[3-9]\d{9}", re.sub(r"[\s-]", "", r["text"])):
        errors.append(f"compliant {r['id']}: mobile-like number")
    if (not CJK.search(r["text"])) != (" en " in r["note"] + " " or r["note"].startswith("compliant: en")):
        errors.append(f"compliant {r['id']}: en note")
for r in b:
    if not CJK.search(r["text"]) and not r["note"].startswith("en"):
        errors.append(f"blind {r['id']}: en note")
seen = {}
for r in b + c:
    k = norm(r["text"])
    if k in seen:
        errors.append(f"duplicate text {r['id']} = {seen[k]}")
    seen[k] = r["id"]
bc = Counter(x for r in b for x in r["expect"])
for rule in RULES:
    need = 40 if rule in {"D1", "D2", "D3", "D4", "D10"} else 25
    if bc[rule] < need:
        errors.append(f"{rule}: {bc[rule]} < {need}")
if sum(1 for r in b if r["expect"]) < 330: errors.append("violating < 330")
if sum(1 for r in b if not r["expect"]) < 190: errors.append("look-alikes < 190")
if len(b) < 520: errors.append("blind < 520")
if len(c) < 560: errors.append("compliant < 560")
if sum(1 for r in b if not CJK.search(r["text"])) < 130: errors.append("blind English < 130")
if sum(1 for r in c if not CJK.search(r["text"])) < 100: errors.append("compliant English < 100")
report("blind-r9.jsonl", b)
report("compliant-r9.jsonl", c)
print("ERRORS:" if errors else "OK, no errors")
for e in errors:
    print(" ", e)
