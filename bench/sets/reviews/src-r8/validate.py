#!/usr/bin/env python3
"""Validate ../blind-r8.jsonl (format, vocabulary, order) and print counts."""
import json, re, pathlib, collections
P = pathlib.Path(__file__).parent.parent / "blind-r8.jsonl"
CORDER = ["quality", "size", "color", "logistics", "service", "description", "price", "packaging"]
FORDER = ["abuse", "ad", "private_data", "extortion"]
PLATS = {"taobao", "tmall", "jd", "pinduoduo", "aliexpress"}
rows = [json.loads(l) for l in P.read_text(encoding="utf-8").splitlines()]
ids = set()
C = collections.Counter
sent, cz, ce, fz, fe, plat = C(), C(), C(), C(), C(), C()
ncause, nflag, combos = C(), C(), C()
norating = r3 = contra = poscause = flaggedpos = negnocause = 0
for i, r in enumerate(rows, 1):
    assert set(r) <= {"id", "text", "rating", "platform", "sentiment", "causes", "flags"}, r
    assert r["id"] == f"rv8-{i:04d}" and r["id"] not in ids
    ids.add(r["id"])
    assert isinstance(r["text"], str) and r["text"].strip()
    assert r["platform"] in PLATS
    assert r["sentiment"] in ("positive", "negative")
    assert r["causes"] == [c for c in CORDER if c in r["causes"]] and len(set(r["causes"])) == len(r["causes"])
    assert r["flags"] == [f for f in FORDER if f in r["flags"]] and len(set(r["flags"])) == len(r["flags"])
    en = r["platform"] == "aliexpress"
    if en: assert not re.search(r"[\u4e00-\u9fff]", r["text"])
    if "rating" in r:
        assert r["rating"] in (1, 2, 3, 4, 5)
        if r["rating"] == 3: r3 += 1
        if (r["sentiment"] == "positive" and r["rating"] <= 2) or (r["sentiment"] == "negative" and r["rating"] >= 4):
            contra += 1
    else:
        norating += 1
    plat[r["platform"]] += 1
    sent[("en" if en else "zh", r["sentiment"])] += 1
    for c in r["causes"]:
        (ce if en else cz)[c] += 1
    for f in r["flags"]:
        (fe if en else fz)[f] += 1
    ncause[len(r["causes"])] += 1
    nflag[len(r["flags"])] += 1
    if len(r["flags"]) > 1: combos["+".join(r["flags"])] += 1
    if r["sentiment"] == "positive" and r["causes"]: poscause += 1
    if r["sentiment"] == "positive" and r["flags"]: flaggedpos += 1
    if r["sentiment"] == "negative" and not r["causes"]: negnocause += 1
print("items", len(rows), "platforms", dict(plat))
print("sentiment", dict(sent))
print("causes  cause: all zh en")
for c in CORDER: print(f"  {c}: {cz[c]+ce[c]} {cz[c]} {ce[c]}")
print("flags  flag: all zh en")
for f in FORDER: print(f"  {f}: {fz[f]+fe[f]} {fz[f]} {fe[f]}")
print("n causes", dict(sorted(ncause.items())), "n flags", dict(sorted(nflag.items())), "combos", dict(combos))
print("flagged items", len(rows) - nflag[0], "zh", sum(1 for r in rows if r["flags"] and r["platform"] != "aliexpress"))
print("no rating", norating, "rated 3", r3, "contradicting", contra,
      "positive with cause", poscause, "flagged positive", flaggedpos, "negative without cause", negnocause)
print("OK")
