#!/usr/bin/env python3
"""Overlap check of the r10 texts against the earlier guard sets.
Reads the earlier files only here; prints only the r10 text and the earlier file/id of a hit."""
import json, glob, os, re, unicodedata, sys
from collections import defaultdict
HERE = os.path.dirname(os.path.abspath(__file__))
SETS = os.path.dirname(HERE)

def norm(t):
    t = unicodedata.normalize('NFKC', t).lower()
    return ''.join(ch for ch in t if not (ch.isspace() or unicodedata.category(ch)[0] in 'PSZ'))

def cjk_grams(t, n=10):
    t = unicodedata.normalize('NFKC', t)
    out = set()
    for run in re.findall(r'[\u3400-\u9fff]+', t):
        for i in range(len(run) - n + 1):
            out.add(run[i:i + n])
    return out

def en_grams(t, n=6):
    w = re.findall(r"[a-z0-9']+", unicodedata.normalize('NFKC', t).lower())
    return {' '.join(w[i:i + n]) for i in range(len(w) - n + 1)}

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

def tri(s):
    return {s[i:i + 3] for i in range(max(1, len(s) - 2))}

old = []
for f in sorted(glob.glob(os.path.join(SETS, '*.jsonl'))):
    if '-r10' in f:
        continue
    for line in open(f, encoding='utf-8'):
        line = line.strip()
        if not line:
            continue
        o = json.loads(line)
        old.append((os.path.basename(f), o['id'], o['text']))
exact = {}
tri_idx = defaultdict(set)
frag = defaultdict(set)
for k, (f, i, t) in enumerate(old):
    n = norm(t)
    exact.setdefault(n, f'{f}:{i}')
    for g in tri(n):
        tri_idx[g].add(k)
    for g in cjk_grams(t) | en_grams(t):
        frag[g].add(k)

new = []
for f in ('blind-r10.jsonl', 'compliant-r10.jsonl'):
    for line in open(os.path.join(SETS, f), encoding='utf-8'):
        o = json.loads(line)
        new.append((o['id'], o['text']))

hits = 0
for nid, t in new:
    n = norm(t)
    if n in exact:
        print(f'IDENTICAL\t{t}\t{exact[n]}'); hits += 1; continue
    cand = defaultdict(int)
    tg = tri(n)
    for g in tg:
        for k in tri_idx.get(g, ()):
            cand[k] += 1
    found = None
    for k, c in sorted(cand.items(), key=lambda x: -x[1])[:40]:
        on = norm(old[k][2])
        if c < 0.4 * len(tg):
            break
        if lev(n, on) / max(len(n), len(on)) < 0.2:
            found = k; break
    if found is not None:
        print(f'NEAR\t{t}\t{old[found][0]}:{old[found][1]}'); hits += 1; continue
    for g in cjk_grams(t) | en_grams(t):
        if g in frag:
            k = next(iter(frag[g]))
            print(f'FRAGMENT\t{t}\t{old[k][0]}:{old[k][1]}'); hits += 1; break
# internal
seen = {}
inner = 0
for nid, t in new:
    for g in cjk_grams(t) | en_grams(t):
        if g in seen and seen[g] != nid:
            print(f'INTERNAL\t{t}\t{seen[g]}'); inner += 1; break
    for g in cjk_grams(t) | en_grams(t):
        seen.setdefault(g, nid)
print(f'# hits against earlier sets: {hits}; internal: {inner}', file=sys.stderr)
