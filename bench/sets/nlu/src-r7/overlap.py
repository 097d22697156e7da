"""Overlap check: new r7 strings vs every text/context turn of earlier bench/sets/nlu/*.jsonl.
Prints only the r7 string and the earlier file:id of a hit (never the earlier text)."""
import glob, json, os, re, sys, unicodedata
from common import HERE, parse_single, parse_multi, parse_context
NLU = os.path.dirname(HERE)

def norm(s):
    s = unicodedata.normalize('NFKC', s).lower()
    n = ''.join(ch for ch in s if unicodedata.category(ch)[0] in 'LN')
    return n if n else s.strip()

def lev_within(a, b, k):
    # banded Levenshtein; returns distance if <= k else k+1
    la, lb = len(a), len(b)
    if abs(la - lb) > k: return k + 1
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        lo, hi = max(1, i - k), min(lb, i + k)
        if lo > 1: cur[lo - 1] = k + 1
        best = cur[lo - 1] if lo > 1 else i
        for j in range(lo, hi + 1):
            c = prev[j - 1] + (a[i - 1] != b[j - 1])
            d = prev[j] + 1 if j <= i - 1 + k else k + 1
            e = cur[j - 1] + 1
            v = min(c, d, e)
            cur[j] = v
            if v < best: best = v
        for j in range(hi + 1, lb + 1): cur[j] = k + 1
        if best > k: return k + 1
        prev = cur
    return prev[lb]

def hit(a, b):
    if a == b: return True
    L = max(len(a), len(b))
    if min(len(a), len(b)) < 5: return False
    k = int(0.2 * L - 1e-9)  # distance/L < 0.2
    if 0.2 * L == int(0.2 * L): k = int(0.2 * L) - 1
    if k < 1: return False
    return lev_within(a, b, k) <= k

old = []
for f in sorted(glob.glob(os.path.join(NLU, '*.jsonl'))):
    if '-r7' in f: continue
    for line in open(f, encoding='utf-8'):
        try: o = json.loads(line)
        except Exception: continue
        strs = [o.get('text', '')] + list(o.get('context') or [])
        for s in strs:
            if s: old.append((norm(s), os.path.basename(f) + ':' + str(o.get('id'))))
by_len = {}
for n, tag in old:
    by_len.setdefault(len(n), []).append((n, tag))

which = sys.argv[1:] or ['zh', 'context', 'mq', 'en']
new = []
if 'zh' in which: new += [('zh.txt', it['_line'], it['text']) for it in parse_single('zh.txt')]
if 'en' in which: new += [('en.txt', it['_line'], it['text']) for it in parse_single('en.txt')]
if 'mq' in which:
    for fn in ('mq-zh.txt', 'mq-en.txt'):
        new += [(fn, it['_line'], it['text']) for it in parse_multi(fn)]
if 'context' in which:
    for it in parse_context('context.txt'):
        new += [('context.txt', it['_line'], it['text'])]
        new += [('context.txt', it['_line'], t) for t in it['context']]

hits = 0
out = []
for fn, ln, s in new:
    a = norm(s)
    L = len(a)
    lo, hi = int(L * 0.8) - 1, int(L / 0.8) + 2
    found = None
    for l in range(max(0, lo), hi + 1):
        for b, tag in by_len.get(l, []):
            if hit(a, b):
                found = tag; break
        if found: break
    if found:
        hits += 1
        out.append(f'{fn}:{ln}\t{s}\t~ {found}')
# within-r7 duplicates of texts across files (context turns excluded)
seen = {}
for fn, ln, s in new:
    if fn == 'context.txt': continue
    a = norm(s)
    if a in seen:
        out.append(f'{fn}:{ln}\t{s}\t~ r7 {seen[a]}'); hits += 1
    else:
        seen[a] = f'{fn}:{ln}'
out.append(f'new strings checked: {len(new)}; earlier strings: {len(old)}; hits: {hits}')
print('\n'.join(out))
