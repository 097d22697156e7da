#!/usr/bin/env python3
"""Near-duplicate check of the r7 lists against blind-r1 ... blind-r6 (read only here).
Prints only the new item, its list:line, the check that hit and the earlier file:id —
never an earlier text. Checks on normalised text (NFKC, lower case, letters/digits only):
 identical (raw comparison when the normalised text is empty); Levenshtein distance /
 longer length < 0.25; character-3-gram Jaccard >= 0.5; a shared run of 10 normalised
 characters (Chinese) or 6 consecutive words (English); the same among the new items."""
import json, os, sys, unicodedata
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build

HERE = os.path.dirname(os.path.abspath(__file__))
EARLIER = ['blind-r%d.jsonl' % i for i in range(1, 7)]


def norm(t):
    t = unicodedata.normalize('NFKC', t).lower()
    return ''.join(ch for ch in t if ch.isalnum())


def words(t):
    t = unicodedata.normalize('NFKC', t).lower()
    return ''.join(ch if ch.isalnum() else ' ' for ch in t).split()


def grams(s, n):
    return {s[i:i + n] for i in range(len(s) - n + 1)} if len(s) >= n else {s}


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def is_en(t):
    return not any('\u4e00' <= ch <= '\u9fff' for ch in t)


def main():
    old = []
    for fn in EARLIER:
        with open(os.path.join(HERE, '..', fn), encoding='utf-8') as f:
            for line in f:
                try:
                    o = json.loads(line)
                except Exception:
                    continue
                old.append(('%s:%s' % (fn, o.get('id')), o.get('text', '')))
    new = [(it['_src'], it['text']) for it in build.load()]
    pool = old + [('NEW ' + s, t) for s, t in new]
    # indexes
    runs, shingles = {}, {}
    data = []
    for ref, t in pool:
        n = norm(t)
        data.append((ref, t, n, grams(n, 3), grams(n, 2)))
    for ref, t, n, g3, g2 in data:
        if is_en(t):
            w = words(t)
            for i in range(len(w) - 5):
                shingles.setdefault(' '.join(w[i:i + 6]), []).append(ref)
        else:
            for i in range(len(n) - 9):
                runs.setdefault(n[i:i + 10], []).append(ref)
    hits = 0
    for k, (src, t) in enumerate(new):
        ref0 = 'NEW ' + src
        n = norm(t); g3 = grams(n, 3); g2 = grams(n, 2)
        found = []
        for ref, t2, n2, h3, h2 in data:
            if ref == ref0:
                continue
            if (n and n == n2) or (not n and t.strip() == t2.strip()):
                found.append(('identical', ref)); continue
            if not n or not n2:
                continue
            L = max(len(n), len(n2))
            if abs(len(n) - len(n2)) / L < 0.25 and len(g2 & h2) / max(1, len(g2 | h2)) >= 0.3:
                if lev(n, n2) / L < 0.25:
                    found.append(('near-identical', ref)); continue
            if len(n) >= 3 and len(n2) >= 3 and len(g3 & h3) / len(g3 | h3) >= 0.5:
                found.append(('3gram', ref)); continue
        if is_en(t):
            w = words(t)
            for i in range(len(w) - 5):
                for ref in shingles.get(' '.join(w[i:i + 6]), []):
                    if ref != ref0:
                        found.append(('6words', ref))
        else:
            for i in range(len(n) - 9):
                for ref in runs.get(n[i:i + 10], []):
                    if ref != ref0:
                        found.append(('10chars', ref))
        if found:
            hits += 1
            seen = []
            for f in found:
                if f not in seen:
                    seen.append(f)
            print('%s\t%s\t%s' % (src, t, '; '.join('%s %s' % f for f in seen[:4])))
    print('old texts: %d, new: %d, hit: %d' % (len(old), len(new), hits))


if __name__ == '__main__':
    main()
