#!/usr/bin/env python3
"""Overlap check of the r9 items against the earlier guard sets (bench/sets/guard/*.jsonl).
Prints only the r9 text and the earlier file/id of a hit, never the earlier text.
Criteria (on NFKC, lower-cased text without whitespace/punctuation): identical; near-identical
(Levenshtein distance / longer length < 0.2); a shared fragment of 10 consecutive CJK characters
or 6 consecutive English words. Also r9 items against each other (fragments)."""
import glob, json, os, re, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
EARLIER = "/work/main/bench/sets/guard"
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def norm(t):
    t = unicodedata.normalize("NFKC", t).lower()
    return "".join(c for c in t if not (unicodedata.category(c)[0] in "PZS" or c.isspace()))


def frags(t):
    t = unicodedata.normalize("NFKC", t).lower()
    out = set()
    cjk = "".join(CJK.findall(t))
    # consecutive CJK characters within runs (punctuation/space removed)
    s = "".join(c for c in t if CJK.match(c) or c.isalnum())
    runs = re.findall(r"[\u3400-\u9fff\uf900-\ufaff]{10,}", s)
    for r in runs:
        for i in range(len(r) - 9):
            out.add(r[i:i + 10])
    words = re.findall(r"[a-z0-9']+", t)
    if not cjk or len(words) >= 6:
        for i in range(len(words) - 5):
            out.add(" ".join(words[i:i + 6]))
    return out


def lev(a, b, limit):
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def grams(s):
    return {s[i:i + 3] for i in range(len(s) - 2)} or {s}


old = []
for fn in sorted(glob.glob(os.path.join(EARLIER, "*.jsonl"))):
    for line in open(fn, encoding="utf-8"):
        try:
            r = json.loads(line)
        except Exception:
            continue
        old.append((os.path.basename(fn), r.get("id"), norm(r.get("text", "")), frags(r.get("text", ""))))
exact = defaultdict(list)
gidx = defaultdict(set)
fidx = defaultdict(set)
for k, (fn, i, n, fr) in enumerate(old):
    exact[n].append(k)
    for g in grams(n):
        gidx[g].add(k)
    for f in fr:
        fidx[f].add(k)

mine = []
for name in ("blind-r9.jsonl", "compliant-r9.jsonl"):
    for line in open(os.path.join(OUT, name), encoding="utf-8"):
        r = json.loads(line)
        mine.append((r["id"], r["text"]))

hits = 0
for rid, text in mine:
    n = norm(text)
    found = []
    for k in exact.get(n, []):
        found.append(("identical", k))
    if not found:
        cand = defaultdict(int)
        for g in grams(n):
            for k in gidx.get(g, ()):
                cand[k] += 1
        G = len(grams(n))
        for k, c in cand.items():
            on = old[k][2]
            if c < 0.5 * G and len(n) > 3:
                continue
            L = max(len(n), len(on))
            limit = int(0.2 * L - 1e-9)
            if L and lev(n, on, limit) / L < 0.2:
                found.append(("near-identical", k))
    fr = frags(text)
    fk = set()
    for f in fr:
        fk |= fidx.get(f, set())
    for k in fk:
        found.append(("fragment", k))
    if found:
        hits += 1
        where = sorted({f"{old[k][0]}:{old[k][1]}({kind})" for kind, k in found})
        print(f"{rid}\t{text}\t-> " + ", ".join(where[:4]))
print(f"# items hitting earlier sets: {hits}")

# internal fragments
owner = defaultdict(set)
for rid, text in mine:
    for f in frags(text):
        owner[f].add(rid)
internal = defaultdict(set)
for f, ids in owner.items():
    if len(ids) > 1:
        internal[tuple(sorted(ids))].add(f)
texts = dict(mine)
for ids in internal:
    print("INTERNAL\t" + " | ".join(f"{i} {texts[i]}" for i in ids))
print(f"# internal fragment groups: {len(internal)}")
