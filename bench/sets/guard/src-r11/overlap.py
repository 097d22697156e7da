#!/usr/bin/env python3
"""Overlap check of r11 items against earlier guard sets (blind-r4..r10, compliant-r4..r10) and internally.
Prints only the r11 text and the earlier file:id of a hit, never the earlier text."""
import glob, json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SETS = os.path.dirname(HERE)
CJK = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')


def norm(t):
    t = unicodedata.normalize('NFKC', t).lower()
    return ''.join(ch for ch in t if unicodedata.category(ch)[0] in 'LN')


def cjk_frags(t, n=10):
    s = ''.join(CJK.findall(unicodedata.normalize('NFKC', t)))
    # consecutive CJK characters in the text (runs broken by non-CJK)
    out = set()
    for run in re.findall(r'[\u3400-\u9fff\uf900-\ufaff]+', unicodedata.normalize('NFKC', t)):
        for i in range(len(run) - n + 1):
            out.add(run[i:i + n])
    return out


def en_frags(t, n=6):
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
    return {s[i:i + 3] for i in range(len(s) - 2)} if len(s) >= 3 else {s}


def load(pattern):
    rows = []
    for p in sorted(glob.glob(os.path.join(SETS, pattern))):
        for line in open(p, encoding='utf-8'):
            o = json.loads(line)
            rows.append((os.path.basename(p), o['id'], o['text']))
    return rows


def main():
    earlier = [r for pat in ('blind-r*.jsonl', 'compliant-r*.jsonl') for r in load(pat)
               if not r[0].endswith('r11.jsonl')]
    mine = load('blind-r11.jsonl') + load('compliant-r11.jsonl')
    by_norm = defaultdict(list)
    frag_idx = defaultdict(list)
    tri_idx = defaultdict(set)
    enorm = []
    for k, (f, i, t) in enumerate(earlier):
        n = norm(t)
        enorm.append(n)
        by_norm[n].append(f'{f}:{i}')
        for fr in cjk_frags(t) | en_frags(t):
            frag_idx[fr].append(f'{f}:{i}')
        for g in tri(n):
            tri_idx[g].add(k)
    hits = 0
    for f, i, t in mine:
        n = norm(t)
        if n in by_norm:
            print(f'IDENTICAL\t{i}\t{t}\t{by_norm[n][0]}'); hits += 1; continue
        cand = defaultdict(int)
        for g in tri(n):
            for k in tri_idx.get(g, ()):
                cand[k] += 1
        near = None
        for k, c in cand.items():
            m = enorm[k]
            if abs(len(m) - len(n)) > 0.2 * max(len(m), len(n)) or c < 0.3 * len(tri(n)):
                continue
            if lev(n, m) / max(len(n), len(m), 1) < 0.2:
                near = f'{earlier[k][0]}:{earlier[k][1]}'; break
        if near:
            print(f'NEAR\t{i}\t{t}\t{near}'); hits += 1; continue
        fr = [x for x in cjk_frags(t) | en_frags(t) if x in frag_idx]
        if fr:
            print(f'FRAGMENT\t{i}\t{t}\t{frag_idx[fr[0]][0]}'); hits += 1
    # internal
    seen_n, seen_f = {}, {}
    internal = 0
    for f, i, t in mine:
        n = norm(t)
        if n in seen_n:
            print(f'INTERNAL-IDENTICAL\t{i}\t{t}\t{seen_n[n]}'); internal += 1
        seen_n.setdefault(n, i)
        for x in cjk_frags(t) | en_frags(t):
            if x in seen_f and seen_f[x] != i:
                print(f'INTERNAL-FRAGMENT\t{i}\t{t}\t{seen_f[x]}'); internal += 1; break
            seen_f.setdefault(x, i)
    print(f'TOTAL against earlier: {hits}; internal: {internal}')


if __name__ == '__main__':
    main()
