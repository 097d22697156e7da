#!/usr/bin/env python3
"""Near-duplicate check of the round-10 strings against every earlier nlu set (prints only new text + earlier file:id)."""
import json, glob, os, re, unicodedata, sys
H = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.dirname(H)
def norm(s):
    s = unicodedata.normalize('NFKC', s).lower()
    t = ''.join(ch for ch in s if ch.isalnum())
    return t or s.strip()
def grams(t): return {t[i:i+3] for i in range(max(1, len(t) - 2))}
old = []
for fn in sorted(glob.glob(os.path.join(OUT, '*.jsonl'))):
    if '-r10.' in fn: continue
    for l in open(fn, encoding='utf-8'):
        try: r = json.loads(l)
        except Exception: continue
        for s in [r.get('text', '')] + list(r.get('context') or []):
            if s: old.append((os.path.basename(fn) + ':' + str(r.get('id')), norm(s)))
exact = {}
for k, t in old: exact.setdefault(t, k)
idx = {}
for n, (k, t) in enumerate(old):
    for g in grams(t): idx.setdefault(g, set()).add(n)
oldg = [grams(t) for k, t in old]
def hit(s):
    t = norm(s)
    if t in exact: return exact[t]
    if len(t) < 5: return None
    g = grams(t); cand = {}
    for x in g:
        for n in idx.get(x, ()): cand[n] = cand.get(n, 0) + 1
    for n, inter in cand.items():
        if inter / (len(g) + len(oldg[n]) - inter) >= 0.6: return old[n][0]
    return None
new = []
for fn in ('zh-blind-r10.jsonl', 'context-r10.jsonl', 'multi-question-r10.jsonl', 'en-aliexpress-r10.jsonl'):
    for l in open(os.path.join(OUT, fn), encoding='utf-8'):
        r = json.loads(l)
        for s in [r['text']] + list(r.get('context') or []): new.append((fn + ':' + r['id'], s))
hits = 0; seen = {}
for k, s in new:
    h = hit(s)
    if h: hits += 1; print('HIT', k, repr(s), '~', h)
    t = norm(s)
    if 'context' not in k:
        if t in seen and seen[t] != k: print('SELF', k, repr(s), '~', seen[t]); hits += 1
        seen.setdefault(t, k)
print('earlier strings:', len(old), 'new strings:', len(new), 'hits:', hits)
