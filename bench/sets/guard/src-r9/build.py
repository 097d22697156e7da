#!/usr/bin/env python3
"""Build blind-r9.jsonl and compliant-r9.jsonl from the hand-written lists in this folder.
v_*.txt / ok_*.txt: LABELS || FLAGS || TEXT || NOTE   (LABELS '-' = compliant look-alike)
c_*.txt:            TOPIC || FLAGS || TEXT
FLAGS: tb tm jd pdd ae zh (platform), fs1/fs0 (free_shipping), nb (asker_is_buyer false)."""
import glob, json, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
PLAT = {"tb": "taobao", "tm": "tmall", "jd": "jd", "pdd": "pdd", "ae": "aliexpress"}
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
GENERAL = {"product_info", "size_fit", "color_appearance", "recommend", "stock", "promotion", "greeting"}


def is_en(t):
    return not CJK.search(t)


def read(pattern, nfields):
    rows = []
    for fn in sorted(glob.glob(os.path.join(HERE, pattern))):
        for ln, line in enumerate(open(fn, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split(" || ")]
            if len(parts) != nfields:
                raise SystemExit(f"{fn}:{ln}: expected {nfields} fields: {line}")
            rows.append((os.path.basename(fn), ln, parts))
    return rows


def context(rng, labels, flags, text, general=False, violating=False):
    fl = flags.split()
    plat = [PLAT[f] for f in fl if f in PLAT]
    if is_en(text):
        platform = "aliexpress"
    elif plat:
        platform = plat[0]
    else:
        r = rng.random()
        if r < 0.06 and not ({"D5", "D6"} & set(labels)):
            platform = "aliexpress"
        else:
            platform = rng.choice(["taobao", "tmall", "jd", "pdd"])
    if "D5" in labels or "fs1" in fl:
        fs = True
    elif "fs0" in fl:
        fs = False
    elif re.search(r"包邮|包郵|free shipping", text, re.I):
        fs = True
    elif re.search(r"运费|邮费|運費|郵費|shipping|freight|postage", text, re.I):
        fs = False
    else:
        fs = rng.random() < 0.5
    if "nb" in fl:
        buyer = False
    elif violating and labels and set(labels) <= {"D1", "D2", "D3", "D10"} and rng.random() < 0.12:
        buyer = False
    elif general and rng.random() < 0.10:
        buyer = False
    else:
        buyer = True
    return platform, {"free_shipping": fs, "asker_is_buyer": buyer}


def build_blind():
    rng = random.Random("r9-blind-attributes")
    items = []
    for fn, ln, (lab, flags, text, note) in read("v_*.txt", 4) + read("ok_*.txt", 4):
        labels = [] if lab == "-" else lab.split("+")
        platform, ctx = context(rng, labels, flags, text, violating=bool(labels))
        if is_en(text) and not note.startswith("en"):
            note = "en " + note
        items.append({"text": text, "platform": platform, "context": ctx, "expect": labels, "note": note})
    random.Random(20261209).shuffle(items)
    out = []
    for i, it in enumerate(items, 1):
        out.append({"id": f"b9-{i:04d}", **it})
    return out


def build_compliant():
    rng = random.Random("r9-compliant-attributes")
    items = []
    for fn, ln, (topic, flags, text) in read("c_*.txt", 3):
        platform, ctx = context(rng, [], flags, text, general=topic in GENERAL)
        note = f"compliant: en {topic}" if is_en(text) else f"compliant: {topic}"
        items.append({"text": text, "platform": platform, "context": ctx, "expect": [], "note": note})
    random.Random(20261210).shuffle(items)
    return [{"id": f"c9-{i:04d}", **it} for i, it in enumerate(items, 1)]


def write(name, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(name, len(rows))


if __name__ == "__main__":
    write("blind-r9.jsonl", build_blind())
    write("compliant-r9.jsonl", build_compliant())
