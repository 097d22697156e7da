# Compares every new text/context turn with every text/context turn of ALL earlier nlu sets.
# Prints only the NEW string and the earlier file:id. Hit: normalised equal, or char-3-gram Jaccard >= 0.6 (5+ chars).
import json, glob, os, re, unicodedata, sys
H = os.path.dirname(os.path.abspath(__file__)); NLU = os.path.dirname(H)
def norm(s):
    n = ''.join(ch for ch in unicodedata.normalize('NFKC', s).lower() if ch.isalnum())
    return n if n else s
def grams(n): return {n[i:i+3] for i in range(len(n) - 2)} if len(n) >= 3 else {n}
old = []
for fn in sorted(glob.glob(os.path.join(NLU, '*.jsonl'))):
    b = os.path.basename(fn)
    if '-r9' in b: continue
    for l in open(fn, encoding='utf-8'):
        try: o = json.loads(l)
        except Exception: continue
        for s in [o.get('text', '')] + list(o.get('context', []) or []):
            if isinstance(s, str) and s: n = norm(s); old.append((n, grams(n), b + ':' + str(o.get('id'))))
exact = {}
for n, g, w in old: exact.setdefault(n, w)
idx = {}
for k, (n, g, w) in enumerate(old):
    for x in g: idx.setdefault(x, []).append(k)
new = []
for fn in ('zh-blind-r9', 'context-r9', 'multi-question-r9', 'en-aliexpress-r9'):
    for l in open(os.path.join(NLU, fn + '.jsonl'), encoding='utf-8'):
        o = json.loads(l)
        new.append((fn, o['text'])); [new.append((fn, c)) for c in o.get('context', [])]
hits = 0; seen = {}
for fn, s in new:
    n = norm(s); g = grams(n); w = exact.get(n)
    if not w and len(n) >= 5:
        cand = {}
        for x in g:
            for k in idx.get(x, []): cand[k] = cand.get(k, 0) + 1
        best = 0
        for k, c in cand.items():
            j = c / (len(g) + len(old[k][1]) - c)
            if j >= 0.6 and j > best: best, w = j, old[k][2]
    if w: hits += 1; print('HIT\t%s\t%s\t%s' % (fn, s, w))
    if fn != 'context-r9' and n in seen and seen[n] != fn: print('CROSS\t%s\t%s\t%s' % (fn, s, seen[n]))
    if fn != 'context-r9': seen.setdefault(n, fn)
print('strings new %d, earlier %d, hits %d' % (len(new), len(old), hits))
