#!/usr/bin/env python3
"""Overlap check of the new lists against ALL earlier review sets (blind-r1 ... blind-r5).

Prints only the NEW item, its list:line, and the earlier file:id (never earlier text).
Checks: (1) identical after normalisation (raw text when it normalises to nothing);
(2) near-identical: Levenshtein distance / longer length < 0.25;
(3) character-3-gram Jaccard >= 0.5;
(4) a shared run of 10 normalised characters (Chinese) or 6 consecutive words (English);
(5) the same checks between two new items.
"""
import glob, json, os, sys, unicodedata
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build import load
SETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')

def norm(t):
    t = unicodedata.normalize('NFKC', t).lower()
    return ''.join(ch for ch in t if ch.isalnum())

def words(t):
    t = unicodedata.normalize('NFKC', t).lower()
    return ''.join(ch if ch.isalnum() else ' ' for ch in t).split()

def is_en(t):
    return not any('\u4e00' <= ch <= '\u9fff' for ch in t)

def grams(s, n=3):
    return {s[i:i + n] for i in range(len(s) - n + 1)} if len(s) >= n else {s}

def lev(a, b):
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]

def runs(t):
    if is_en(t):
        w = words(t)
        return {' '.join(w[i:i + 6]) for i in range(len(w) - 5)}
    s = norm(t)
    return {s[i:i + 10] for i in range(len(s) - 9)}

def main():
    old = []
    for fn in sorted(glob.glob(os.path.join(SETS, 'blind-r[1-5].jsonl'))):
        for line in open(fn, encoding='utf-8'):
            r = json.loads(line)
            old.append((f"{os.path.basename(fn)}:{r['id']}", r['text']))
    new = [(it['_src'], it['text']) for it in load()]
    ref = [(k, t, norm(t), grams(norm(t)), runs(t)) for k, t in old]
    run_index = {}
    for k, t, n, g, r in ref:
        for x in r:
            run_index.setdefault(x, []).append(k)
    hits = 0
    newref = []
    for src, t in new:
        n = norm(t); g = grams(n); r = runs(t)
        found = []
        for k, ot, on, og, _ in ref + newref:
            if (n and n == on) or (not n and t.strip() == ot.strip()):
                found.append(('identical', k)); continue
            if not n or not on:
                continue
            if abs(len(n) - len(on)) / max(len(n), len(on)) < 0.25 and len(g & og) and \
                    lev(n, on) / max(len(n), len(on)) < 0.25:
                found.append(('near', k)); continue
            if len(n) >= 6 and len(on) >= 6 and len(g & og) / len(g | og) >= 0.5:
                found.append(('jaccard', k))
        for x in r:
            for k in run_index.get(x, []):
                found.append(('run', k))
        seen = set()
        found = [f for f in found if not (f in seen or seen.add(f))]
        if found:
            hits += 1
            print(f'{src}\t{t}\t' + ', '.join(f'{a}:{k}' for a, k in found[:4]))
        newref.append((src, t, n, g, r))
        for x in r:
            run_index.setdefault(x, []).append(src)
    print(f'# {len(new)} new items vs {len(old)} earlier texts: {hits} overlapping', file=sys.stderr)

if __name__ == '__main__':
    main()
