#!/usr/bin/env python3
"""Overlap check of the new nlu-r6 strings against earlier sets.
Prints only the NEW string and the earlier file:id of a hit -- never the earlier text."""
import json, glob, os, sys, unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
EARLIER = sorted(glob.glob("/work/main/bench/sets/nlu/*.jsonl")) + \
    sorted(glob.glob("/work/shared/data/intents/*.jsonl"))
NEW = ["zh-blind-r6.jsonl", "context-r6.jsonl", "multi-question-r6.jsonl", "en-aliexpress-r6.jsonl"]


def norm(s):
    s = unicodedata.normalize("NFKC", s).lower()
    r = "".join(c for c in s if unicodedata.category(c)[0] in "LN")
    return r if r else s


def lev_ratio_below(a, b, thr=0.2):
    m = max(len(a), len(b))
    if m < 5:
        return False
    lim = thr * m  # need dist < lim
    if abs(len(a) - len(b)) >= lim:
        return False
    ca, cb = Counter(a), Counter(b)
    if max(sum((ca - cb).values()), sum((cb - ca).values())) >= lim:
        return False
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y))
        if min(cur) >= lim:
            return False
        prev = cur
    return prev[-1] < lim


def strings(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            o = json.loads(line)
            yield o["id"], "text", o["text"]
            for t in o.get("context") or []:
                yield o["id"], "context", t


def main():
    old = []
    for p in EARLIER:
        for i, _, t in strings(p):
            old.append((norm(t), os.path.basename(p) + ":" + i))
    exact = {}
    for n, ref in old:
        exact.setdefault(n, []).append(ref)
    new = []
    for fn in NEW:
        for i, kind, t in strings(os.path.join(OUT, fn)):
            new.append((fn, i, kind, t, norm(t)))
    hits_long, hits_short_ctx, hits_short_text = [], [], []
    for fn, i, kind, t, n in new:
        refs = list(exact.get(n, []))
        if len(n) >= 5:
            refs += [ref for on, ref in old if on != n and lev_ratio_below(n, on)]
        if not refs:
            continue
        row = "%s:%s [%s] %s  <- %s" % (fn, i, kind, t, ", ".join(refs[:4]) + (" (+%d)" % (len(refs) - 4) if len(refs) > 4 else ""))
        if len(n) >= 5:
            hits_long.append(row)
        elif kind == "context":
            hits_short_ctx.append(row)
        else:
            hits_short_text.append(row)
    # within the new files, across files (texts only)
    seen, cross = {}, []
    for fn, i, kind, t, n in new:
        if kind != "text":
            continue
        seen.setdefault(n, []).append("%s:%s" % (fn, i))
    for n, refs in seen.items():
        if len(refs) > 1 and len({r.split(":")[0] for r in refs}) > 1:
            cross.append("%s  %s" % (n, ", ".join(refs)))
    print("earlier strings: %d   new strings: %d" % (len(old), len(new)))
    print("\n== hits on 5+ normalised characters (exact or Levenshtein ratio < 0.2): %d" % len(hits_long))
    print("\n".join(hits_long))
    print("\n== exact repeats of short (<5) strings used as text: %d" % len(hits_short_text))
    print("\n".join(hits_short_text))
    print("\n== exact repeats of short (<5) strings used only as a context turn: %d" % len(hits_short_ctx))
    print("\n".join(hits_short_ctx))
    print("\n== same normalised text in two new files: %d" % len(cross))
    print("\n".join(cross))


if __name__ == "__main__":
    main()
