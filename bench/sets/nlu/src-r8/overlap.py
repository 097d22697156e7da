#!/usr/bin/env python3
"""Overlap check of the r8 items against every earlier bench/sets/nlu/*.jsonl (text and context turns).
Prints only the NEW string and the earlier file:id of a hit, never the earlier text.
Hit: normalised strings equal, or normalised Levenshtein distance / longer length < 0.2 (5+ chars).
Usage: python3 overlap.py [zh|context|mq|en|all]"""
import glob, json, os, re, sys, unicodedata
from rapidfuzz.distance import Levenshtein
HERE = os.path.dirname(os.path.abspath(__file__))
NLU = os.path.dirname(HERE)

def norm(s):
    t = unicodedata.normalize('NFKC', s).lower()
    t2 = ''.join(ch for ch in t if ch.isalnum())
    return t2 if t2 else t.strip()

old = []  # (norm, where)
for fn in sorted(glob.glob(os.path.join(NLU, '*.jsonl'))):
    base = os.path.basename(fn)
    if '-r8' in base:
        continue
    for ln in open(fn, encoding='utf-8'):
        try:
            o = json.loads(ln)
        except Exception:
            continue
        strs = [o.get('text', '')] + list(o.get('context') or [])
        for s in strs:
            if isinstance(s, str) and s:
                old.append((norm(s), '%s:%s' % (base, o.get('id'))))
exact = {}
for n, w in old:
    exact.setdefault(n, w)
bylen = {}
for n, w in old:
    if len(n) >= 5:
        bylen.setdefault(len(n), []).append((n, w))

def hit(s):
    n = norm(s)
    if n in exact:
        return exact[n]
    if len(n) < 5:
        return None
    L = len(n)
    for l2 in range(int(L * 0.8) - 1, int(L / 0.8) + 2):
        for m, w in bylen.get(l2, ()):
            mx = max(L, l2)
            if Levenshtein.distance(n, m, score_cutoff=int(0.2 * mx) + 1) / mx < 0.2:
                return w
    return None

def main(which):
    files = {'zh': 'zh-blind-r8.jsonl', 'context': 'context-r8.jsonl', 'mq': 'multi-question-r8.jsonl', 'en': 'en-aliexpress-r8.jsonl'}
    total, hits, seen = 0, 0, {}
    out = []
    for key, fn in files.items():
        if which not in ('all', key):
            continue
        p = os.path.join(NLU, fn)
        if not os.path.exists(p):
            continue
        for ln in open(p, encoding='utf-8'):
            o = json.loads(ln)
            strs = [('text', o['text'])] + [('context', c) for c in o.get('context') or []]
            for kind, s in strs:
                total += 1
                w = hit(s)
                if w:
                    hits += 1
                    out.append('HIT %s %s %s  <- %s' % (fn, o['id'], json.dumps(s, ensure_ascii=False), w))
                if kind == 'text':
                    n = norm(s)
                    if n in seen and not fn.startswith('context'):
                        out.append('DUP-NEW %s %s %s  == %s:%s' % (fn, o['id'], json.dumps(s, ensure_ascii=False), *seen[n]))
                        hits += 1
                    seen.setdefault(n, (fn, o['id']))
    out.append('earlier strings: %d; new strings checked: %d; hits: %d' % (len(old), total, hits))
    print('\n'.join(out))
    if which == 'all':
        with open(os.path.join(HERE, 'overlap_out.txt'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(out) + '\n')


def check_source(name):
    """Check every segment of a source list line (prints only the new strings)."""
    for no, ln in enumerate(open(os.path.join(HERE, name), encoding='utf-8'), 1):
        ln = ln.rstrip('\n')
        if not ln.strip() or ln.startswith('#'):
            continue
        if ' | ' in ln:
            ln = ln.split(' | ', 1)[1]
        ln = ln.split(' || ')[0]
        for seg in ln.split(' >> '):
            w = hit(seg)
            if w:
                print('%s:%d %s  <- %s' % (name, no, seg, w))


if __name__ == '__main__':
    if len(sys.argv) > 2 and sys.argv[1] == 'src':
        check_source(sys.argv[2])
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else 'all')
