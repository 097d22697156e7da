#!/usr/bin/env python3
"""Overlap check of the new lists against earlier review sets and the public data.

Earlier texts are read only here and never printed: a hit prints the NEW item and the
earlier file:id (or file:line) only.  Normalisation: NFKC, lower case, letters and digits.
Checks: (1) identical; (2) near-identical (Levenshtein / longer length < 0.2);
(3) shared run of 10 normalised characters (Chinese) or 6 consecutive words (English);
(4) the same checks between two new items.
"""
import csv, glob, json, os, re, sys, unicodedata
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build import load

SETS = '/work/main/bench/sets/reviews'
DATA = '/work/shared/data'


def norm(s):
    s = unicodedata.normalize('NFKC', s).lower()
    return ''.join(ch for ch in s if ch.isalnum())


def words(s):
    return re.findall(r'[a-z0-9]+', unicodedata.normalize('NFKC', s).lower())


def is_zh(s):
    return bool(re.search(r'[\u4e00-\u9fff]', s))


def lev(a, b, cap):
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        lo = i
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            lo = min(lo, cur[j])
        if lo > cap:
            return cap + 1
        prev = cur
    return prev[-1]


def earlier():
    for fn in sorted(glob.glob(os.path.join(SETS, 'blind-r[0-4].jsonl'))):
        for l in open(fn, encoding='utf-8'):
            r = json.loads(l)
            yield '%s:%s' % (os.path.basename(fn), r['id']), r['text']
    fn = os.path.join(DATA, 'online_shopping_10_cats', 'online_shopping_10_cats.csv')
    with open(fn, encoding='utf-8') as f:
        for n, row in enumerate(csv.reader(f), 1):
            if n > 1 and len(row) >= 3:
                yield 'online_shopping_10_cats.csv:%d' % n, row[2]
    for fn in sorted(glob.glob(os.path.join(DATA, 'fewclue_eprstmt', '*.json'))):
        for n, l in enumerate(open(fn, encoding='utf-8'), 1):
            try:
                r = json.loads(l)
            except Exception:
                continue
            t = r.get('sentence') or r.get('text') or ''
            if t:
                yield '%s:%d' % (os.path.basename(fn), n), t


def keys(t):
    if is_zh(t):
        n = norm(t)
        return {n[i:i + 10] for i in range(len(n) - 9)}
    w = words(t)
    return {' '.join(w[i:i + 6]) for i in range(len(w) - 5)}


def main():
    items = load()
    new = [(it['_src'], it['text'], norm(it['text'])) for it in items]
    runs = {}
    for k, (src, t, n) in enumerate(new):
        for key in keys(t):
            runs.setdefault(key, set()).add(k)
    exact = {}
    for k, (src, t, n) in enumerate(new):
        exact.setdefault(n if n else t, []).append(k)
    bylen = {}
    for k, (src, t, n) in enumerate(new):
        bylen.setdefault(len(n), []).append(k)
    hits = []
    seen = 0
    for where, t in earlier():
        seen += 1
        n = norm(t)
        e = n if n else t
        for k in exact.get(e, []):
            hits.append((k, 'identical', where, ''))
        for key in keys(t):
            for k in runs.get(key, ()):
                hits.append((k, 'run', where, key))
        # near-identical
        L = len(n)
        if L == 0:
            continue
        bg = None
        for L2 in range(int(L * 0.8), int(L / 0.8) + 2):
            for k in bylen.get(L2, ()):
                m = new[k][2]
                if m == n:
                    continue
                cap = int(0.2 * max(L, L2) - 1e-9)
                if max(L, L2) > 12:
                    if bg is None:
                        bg = {n[i:i + 2] for i in range(L - 1)}
                    mb = {m[i:i + 2] for i in range(len(m) - 1)}
                    if len(bg & mb) < 0.5 * min(len(bg), len(mb)):
                        continue
                d = lev(m, n, cap)
                if d / max(L, L2) < 0.2:
                    hits.append((k, 'near', where, ''))
    # internal
    for key, ks in runs.items():
        if len(ks) > 1:
            for k in ks:
                hits.append((k, 'internal-run', ','.join(new[j][0] for j in ks if j != k), key))
    for e, ks in exact.items():
        if len(ks) > 1:
            for k in ks:
                hits.append((k, 'internal-identical', '', ''))
    for a in range(len(new)):
        for b in range(a + 1, len(new)):
            x, y = new[a][2], new[b][2]
            if x and y and x != y and min(len(x), len(y)) >= 0.8 * max(len(x), len(y)):
                if lev(x, y, int(0.2 * max(len(x), len(y)))) / max(len(x), len(y)) < 0.2:
                    hits.append((a, 'internal-near', new[b][0], ''))
    done = set()
    for k, kind, where, key in sorted(hits):
        if (k, kind, where) in done:
            continue
        done.add((k, kind, where))
        print('%s\t%s\t%s\t%s\tNEW: %s' % (new[k][0], kind, where, key if kind.startswith('internal') or kind == 'run' else '', new[k][1]))
    print('earlier texts read:', seen, ' new items:', len(new), ' items hit:', len({h[0] for h in hits}), file=sys.stderr)


if __name__ == '__main__':
    main()
