#!/usr/bin/env python3
"""Exact/near-duplicate check of round-11 strings against all earlier nlu sets.
Prints only the new string and the earlier file:id of a hit, never the earlier text."""
import json, os, glob, re, unicodedata, sys
HERE = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.dirname(HERE)
def norm(s):
    n = ''.join(ch for ch in unicodedata.normalize('NFKC', s).lower() if ch.isalnum())
    return n if n else s
def grams(n):
    return {n[i:i+3] for i in range(len(n) - 2)} if len(n) >= 3 else {n}
old = []
for fn in sorted(glob.glob(os.path.join(OUT, '*.jsonl'))):
    b = os.path.basename(fn)
    if '-r11' in b: continue
    for ln in open(fn, encoding='utf-8'):
        try: r = json.loads(ln)
        except Exception: continue
        for s in [r.get('text', '')] + list(r.get('context') or []):
            if s: n = norm(s); old.append((n, grams(n), f"{b}:{r.get('id')}"))
index = {}
for n, g, w in old: index.setdefault(n, w)
gi = {}
for k, (n, g, w) in enumerate(old):
    if len(n) >= 5:
        for x in g: gi.setdefault(x, []).append(k)
new = []
for b in ('zh-blind-r11.jsonl', 'context-r11.jsonl', 'multi-question-r11.jsonl', 'en-aliexpress-r11.jsonl'):
    for ln in open(os.path.join(OUT, b), encoding='utf-8'):
        r = json.loads(ln)
        for s in [r['text']] + list(r.get('context') or []): new.append((s, r['id']))
hits = 0; seen = set()
for s, iid in new:
    if s in seen: continue
    seen.add(s)
    n = norm(s); g = grams(n)
    if n in index:
        print(f"HIT exact\t{s}\t{index[n]}"); hits += 1; continue
    if len(n) < 5: continue
    cand = {}
    for x in g:
        for k in gi.get(x, ()): cand[k] = cand.get(k, 0) + 1
    best = None
    for k, inter in cand.items():
        j = inter / (len(g) + len(old[k][1]) - inter)
        if j >= 0.6 and (best is None or j > best[0]): best = (j, old[k][2])
    if best:
        print(f"HIT near {best[0]:.2f}\t{s}\t{best[1]}"); hits += 1
# within-round near duplicates among zh/en/mq texts
own = [(s, i) for s, i in new if not i.startswith('cx11')]
for a in range(len(own)):
    na = norm(own[a][0]); ga = grams(na)
    for b in range(a + 1, len(own)):
        nb = norm(own[b][0])
        if na == nb or (len(na) >= 5 and len(nb) >= 5 and len(ga & grams(nb)) / len(ga | grams(nb)) >= 0.6):
            print(f"HIT self\t{own[a][0]}\t{own[b][1]}"); hits += 1
print('hits', hits, 'new strings', len(seen), 'earlier strings', len(old))
