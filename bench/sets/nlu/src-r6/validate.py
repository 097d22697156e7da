#!/usr/bin/env python3
"""Checks and counts for nlu-r6. Writes validate-result.txt next to this script."""
import json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
IDS = ("greeting stock size_fit product_info color_appearance recommend bargain promotion shipping_fee "
       "ship_time courier logistics payment order_change invoice return_exchange refund quality_issue "
       "warranty_repair price_protection authenticity complaint review thanks_bye human other").split()
errs, out = [], []


def load(fn):
    rows = []
    with open(os.path.join(OUT, fn), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                rows.append(json.loads(line))
            except Exception as e:
                errs.append("%s:%d parse %s" % (fn, n, e))
    return rows


def check_ids(fn, rows, prefix):
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        errs.append(fn + " duplicate ids")
    for i, r in enumerate(rows, 1):
        if r["id"] != "%s-%04d" % (prefix, i):
            errs.append("%s bad id %s" % (fn, r["id"]))


def lab(fn, r, x):
    if x not in IDS:
        errs.append("%s %s unknown label %r" % (fn, r["id"], x))


zh = load("zh-blind-r6.jsonl"); check_ids("zh", zh, "zb6")
cx = load("context-r6.jsonl"); check_ids("cx", cx, "cx6")
mq = load("multi-question-r6.jsonl"); check_ids("mq", mq, "mq6")
en = load("en-aliexpress-r6.jsonl"); check_ids("en", en, "en6")
dis = set(open(os.path.join(HERE, "distractors.txt")).read().split())
lang = dict(l.split("\t") for l in open(os.path.join(HERE, "mq-lang.txt")).read().split("\n") if l)

for fn, rows in (("zh", zh), ("en", en)):
    texts = [r["text"] for r in rows]
    if len(set(texts)) != len(texts):
        errs.append(fn + " duplicate texts: %s" % [t for t, c in Counter(texts).items() if c > 1])
    for r in rows:
        if set(r) != {"id", "text", "intent", "secondary"}:
            errs.append("%s %s keys" % (fn, r["id"]))
        lab(fn, r, r["intent"])
        if r["secondary"] is not None:
            lab(fn, r, r["secondary"])
            if r["secondary"] == r["intent"]:
                errs.append("%s %s secondary == intent" % (fn, r["id"]))
        if not r["text"].strip():
            errs.append("%s %s empty" % (fn, r["id"]))
pairs = [(tuple(r["context"]), r["text"]) for r in cx]
if len(set(pairs)) != len(pairs):
    errs.append("cx duplicate context+text")
for r in cx:
    if set(r) != {"id", "context", "text", "intent"}:
        errs.append("cx %s keys" % r["id"])
    lab("cx", r, r["intent"])
    if not 1 <= len(r["context"]) <= 2:
        errs.append("cx %s context length" % r["id"])
mtexts = [r["text"] for r in mq]
if len(set(mtexts)) != len(mtexts):
    errs.append("mq duplicate texts")
for r in mq:
    if set(r) != {"id", "text", "intents"}:
        errs.append("mq %s keys" % r["id"])
    if not 2 <= len(r["intents"]) <= 3 or len(set(r["intents"])) != len(r["intents"]):
        errs.append("mq %s intents %s" % (r["id"], r["intents"]))
    if "other" in r["intents"]:
        errs.append("mq %s has other" % r["id"])
    if "complaint" in r["intents"] and r["intents"][0] != "complaint":
        errs.append("mq %s complaint not first" % r["id"])
    if "quality_issue" in r["intents"]:
        k = r["intents"].index("quality_issue")
        if k != (1 if r["intents"][0] == "complaint" else 0):
            errs.append("mq %s quality_issue not first/after complaint" % r["id"])
    for x in r["intents"]:
        lab("mq", r, x)

zc, zs = Counter(r["intent"] for r in zh), Counter(r["secondary"] for r in zh if r["secondary"])
ec, es = Counter(r["intent"] for r in en), Counter(r["secondary"] for r in en if r["secondary"])
ce = Counter(r["intent"] for r in cx if r["id"] not in dis)
cd = Counter(r["intent"] for r in cx if r["id"] in dis)
mf = Counter(r["intents"][0] for r in mq)
ma = Counter(x for r in mq for x in r["intents"])
for x in IDS:
    if zc[x] < 12:
        errs.append("zh: %s has only %d" % (x, zc[x]))
ascii_ctx = [r for r in cx if r["id"] not in dis and all(ord(c) < 128 for c in r["text"])]
two = [r for r in cx if len(r["context"]) == 2]
nzh = sum(1 for v in lang.values() if v == "zh")
nen = sum(1 for v in lang.values() if v == "en")
n3 = sum(1 for r in mq if len(r["intents"]) == 3)
out.append("lines: zh-blind %d, context %d (ellipsis %d, distractor %d, two earlier turns %d, English ellipsis %d), "
           "multi-question %d (zh %d, en %d; three intents %d), en-aliexpress %d"
           % (len(zh), len(cx), len(cx) - len(dis), len(dis), len(two), len(ascii_ctx), len(mq), nzh, nen, n3, len(en)))
if len(zh) < 500 or len(cx) < 160 or len(cx) - len(dis) < 135 or len(dis) < 20 or len(two) < 10 \
        or len(ascii_ctx) < 25 or len(mq) < 150 or nzh < 95 or nen < 50 or len(en) < 280:
    errs.append("a minimum count is not met")
zlen = sorted(len(r["text"]) for r in zh)
out.append("zh text length: min %d, median %d, max %d" % (zlen[0], zlen[len(zlen) // 2], zlen[-1]))
out.append("")
out.append("| intent | zh-blind-r6 | zh secondary | en-aliexpress-r6 | en secondary | context ellipsis | context distractor | multi-q first | multi-q any position |")
out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for x in IDS:
    out.append("| %s | %d | %d | %d | %d | %d | %d | %d | %d |" % (x, zc[x], zs[x], ec[x], es[x], ce[x], cd[x], mf[x], ma[x]))
out.append("| **total** | %d | %d | %d | %d | %d | %d | %d | %d |" % (
    len(zh), sum(zs.values()), len(en), sum(es.values()), sum(ce.values()), sum(cd.values()), len(mq), sum(ma.values())))
out.append("")
out.append("errors: %d" % len(errs))
out.extend(errs)
txt = "\n".join(out)
print(txt)
open(os.path.join(HERE, "validate-result.txt"), "w").write(txt + "\n")
sys.exit(1 if errs else 0)
