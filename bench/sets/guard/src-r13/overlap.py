#!/usr/bin/env python3
"""Near-duplicate check of r13 against blind-r4..r12 and compliant-r4..r12 (and internal).
Prints only the r13 text and the earlier file:id of a hit, never earlier texts."""
import json, re, sys, os, unicodedata
from collections import defaultdict
HERE = os.path.dirname(os.path.abspath(__file__)); D = os.path.dirname(HERE)
def norm(t):
    n = ''.join(c for c in unicodedata.normalize('NFKC', t).lower() if c.isalnum())
    return n if n else ''.join(c for c in t if not c.isspace())
def grams(n):
    return {n[i:i+3] for i in range(len(n) - 2)} if len(n) >= 3 else {n}
CJK10 = re.compile(r'[\u3400-\u9fff]{10,}')
def frags(t):
    t = unicodedata.normalize('NFKC', t).lower()
    out = set()
    for run in CJK10.findall(t):
        out |= {run[i:i+10] for i in range(len(run) - 9)}
    w = re.findall(r'[a-z0-9]+', t)
    out |= {' '.join(w[i:i+6]) for i in range(len(w) - 5)}
    return out
old = []
for k in range(4, 13):
    for kind in ('blind', 'compliant'):
        fn = os.path.join(D, '%s-r%d.jsonl' % (kind, k))
        if os.path.exists(fn):
            for line in open(fn, encoding='utf-8'):
                o = json.loads(line); old.append(('%s-r%d' % (kind, k), o['id'], o['text']))
oldn = [norm(t) for _, _, t in old]; oldg = [grams(n) for n in oldn]
idx = defaultdict(list)
for j, g in enumerate(oldg):
    for x in g: idx[x].append(j)
exact = defaultdict(list)
for j, n in enumerate(oldn): exact[n].append(j)
fidx = defaultdict(list)
for j, (_, _, t) in enumerate(old):
    for f in frags(t): fidx[f].append(j)
new = []
for kind in ('blind', 'compliant'):
    for line in open(os.path.join(D, '%s-r13.jsonl' % kind), encoding='utf-8'):
        o = json.loads(line); new.append((o['id'], o['text']))
hits = 0; seen_n = {}; seen_f = {}
for nid, t in new:
    n = norm(t); g = grams(n); msg = None
    if n in exact:
        j = exact[n][0]; msg = 'IDENTICAL %s:%s' % (old[j][0], old[j][1])
    elif len(n) >= 8:
        cnt = defaultdict(int)
        for x in g:
            for j in idx.get(x, ()): cnt[j] += 1
        best = max(((c / (len(g) + len(oldg[j]) - c), j) for j, c in cnt.items()), default=(0, None))
        if best[0] >= 0.55:
            j = best[1]; msg = 'NEAR %.2f %s:%s' % (best[0], old[j][0], old[j][1])
    if not msg:
        for f in frags(t):
            if f in fidx:
                j = fidx[f][0]; msg = 'FRAGMENT %s:%s' % (old[j][0], old[j][1]); break
    if not msg and n in seen_n:
        msg = 'INTERNAL-IDENTICAL %s' % seen_n[n]
    if not msg:
        for f in frags(t):
            if f in seen_f and seen_f[f] != nid:
                msg = 'INTERNAL-FRAGMENT %s' % seen_f[f]; break
    seen_n.setdefault(n, nid)
    for f in frags(t): seen_f.setdefault(f, nid)
    if msg:
        hits += 1; print('%s\t%s\t%s' % (nid, msg, t))
print('hits: %d of %d' % (hits, len(new)))
