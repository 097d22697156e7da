#!/usr/bin/env python3
"""Overlap check of r14 against blind-r4…r13 and compliant-r4…r13 (and internally).
Prints ONLY the r14 text and the earlier file:id of a hit; never the earlier text."""
import json, os, re, unicodedata, sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SETS = os.path.dirname(HERE)
MINE = ['blind-r14.jsonl', 'compliant-r14.jsonl']
EARLIER = ['%s-r%d.jsonl' % (k, r) for r in range(4, 14) for k in ('blind', 'compliant')]
CJK = re.compile(r'[\u3400-\u9fff]')


def norm(t):
    t = unicodedata.normalize('NFKC', t).lower()
    n = ''.join(ch for ch in t if ch.isalnum())
    return n if n else t.strip()


def grams(n):
    return {n[i:i + 3] for i in range(len(n) - 2)} if len(n) >= 3 else {n}


def frags(t):
    t = unicodedata.normalize('NFKC', t).lower()
    out = set()
    for run in re.findall(r'[\u3400-\u9fff]+', t):
        for i in range(len(run) - 9):
            out.add(run[i:i + 10])
    words = re.findall(r'[a-z0-9\']+', t)
    for i in range(len(words) - 5):
        out.add(' '.join(words[i:i + 6]))
    return out


def load(name):
    p = os.path.join(SETS, name)
    if not os.path.exists(p):
        return []
    return [json.loads(l) for l in open(p, encoding='utf-8') if l.strip()]


old = []
for f in EARLIER:
    for d in load(f):
        n = norm(d['text'])
        old.append(('%s:%s' % (f, d['id']), n, grams(n), frags(d['text'])))
ident = defaultdict(list); gidx = defaultdict(set); fidx = defaultdict(list)
for k, (ref, n, g, fr) in enumerate(old):
    ident[n].append(ref)
    for x in g:
        gidx[x].add(k)
    for x in fr:
        fidx[x].append(ref)

hits = 0
seen_norm = {}; seen_frag = {}
for f in MINE:
    for d in load(f):
        t = d['text']; n = norm(t); g = grams(n); fr = frags(t)
        msgs = []
        if n in ident:
            msgs.append('identical ' + ident[n][0])
        elif len(n) >= 8:
            cnt = defaultdict(int)
            for x in g:
                for k in gidx.get(x, ()):
                    cnt[k] += 1
            best = None
            for k, c in cnt.items():
                j = c / (len(g) + len(old[k][2]) - c)
                if j >= 0.55 and (best is None or j > best[0]):
                    best = (j, old[k][0])
            if best:
                msgs.append('near %.2f %s' % best)
        if not msgs:
            for x in fr:
                if x in fidx:
                    msgs.append('fragment %s' % fidx[x][0]); break
        if n in seen_norm:
            msgs.append('internal identical ' + seen_norm[n])
        else:
            seen_norm[n] = d['id']
        for x in fr:
            if x in seen_frag and seen_frag[x] != d['id']:
                msgs.append('internal fragment ' + seen_frag[x]); break
        for x in fr:
            seen_frag.setdefault(x, d['id'])
        if msgs:
            hits += 1
            print('%s\t%s\t%s' % (d['id'], t, '; '.join(msgs)))
print('hits:', hits)
