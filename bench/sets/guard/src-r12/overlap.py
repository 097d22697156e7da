#!/usr/bin/env python3
"""Overlap check of the r12 sets against ALL earlier guard sets (blind-r4..r11, compliant-r4..r11)
and internally. Prints only the r12 text and the earlier file:id of a hit, never earlier text.
Hits: identical after normalisation (NFKC, lower case, letters+digits only); near-identical (char-3-gram
Jaccard >= 0.55, or for normalised texts shorter than 8 chars, identical only); fragment (10 consecutive
CJK characters or 6 consecutive English words shared)."""
import json, re, unicodedata, os, glob, sys
from collections import defaultdict
G = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
def norm(t):
    t = unicodedata.normalize('NFKC', t).lower()
    n = ''.join(c for c in t if c.isalnum())
    return n if n else '#' + ''.join(t.split())  # symbol/emoji-only replies compare on their raw symbols
def grams(s, n=3):
    return {s[i:i+n] for i in range(len(s) - n + 1)} if len(s) >= n else {s}
def cjk_frags(t):
    s = ''.join(c for c in unicodedata.normalize('NFKC', t) if '\u3400' <= c <= '\u9fff')
    return {s[i:i+10] for i in range(len(s) - 9)}
def en_frags(t):
    w = re.findall(r"[a-z0-9']+", unicodedata.normalize('NFKC', t).lower())
    return {' '.join(w[i:i+6]) for i in range(len(w) - 5)}
old = []
for r in range(4, 12):
    for kind in ('blind', 'compliant'):
        fn = os.path.join(G, '%s-r%d.jsonl' % (kind, r))
        if os.path.exists(fn):
            for line in open(fn, encoding='utf-8'):
                o = json.loads(line)
                old.append(('%s-r%d.jsonl:%s' % (kind, r, o['id']), o['text']))
idx = defaultdict(set); ident = defaultdict(list); fr = defaultdict(list)
og = []
for k, (ref, t) in enumerate(old):
    n = norm(t); g = grams(n); og.append((n, g))
    ident[n].append(ref)
    for x in g: idx[x].add(k)
    for f in cjk_frags(t) | en_frags(t): fr[f].append(ref)
new = []
for kind in ('blind', 'compliant'):
    for line in open(os.path.join(G, '%s-r12.jsonl' % kind), encoding='utf-8'):
        o = json.loads(line); new.append((o['id'], o['text']))
hits = 0
for nid, t in new:
    n = norm(t); g = grams(n); out = []
    if n in ident: out.append('identical ' + ','.join(ident[n][:3]))
    elif len(n) >= 8:
        cand = defaultdict(int)
        for x in g:
            for k in idx.get(x, ()): cand[k] += 1
        best = None
        for k, c in cand.items():
            j = c / (len(g) + len(og[k][1]) - c)
            if j >= 0.55 and (best is None or j > best[0]): best = (j, old[k][0])
        if best: out.append('near %.2f %s' % best)
    fs = [f for f in cjk_frags(t) | en_frags(t) if f in fr]
    if fs and not out: out.append('fragment ' + fr[fs[0]][0])
    if out:
        hits += 1; print(nid, '|', t, '|', '; '.join(out))
# internal
seen = {}; sf = {}
for nid, t in new:
    n = norm(t)
    if n in seen: hits += 1; print('INTERNAL identical', nid, seen[n], '|', t)
    seen.setdefault(n, nid)
    for f in cjk_frags(t) | en_frags(t):
        if f in sf and sf[f] != nid: hits += 1; print('INTERNAL fragment', nid, sf[f], '|', t); break
    for f in cjk_frags(t) | en_frags(t): sf.setdefault(f, nid)
print('hits', hits, file=sys.stderr)
