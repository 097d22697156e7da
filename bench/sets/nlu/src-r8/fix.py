#!/usr/bin/env python3
"""Apply the author's hand-written rewrites (file of 'old<TAB>new' lines) to a source list: exact whole-line replace.
Usage: python3 fix.py zh.txt fixes-zh.txt"""
import sys
src, fx = sys.argv[1], sys.argv[2]
rep = {}
for ln in open(fx, encoding='utf-8'):
    ln = ln.rstrip('\n')
    if not ln.strip() or ln.startswith('#'):
        continue
    old, new = ln.split('\t')
    rep[old.strip()] = new.strip()
out, used = [], set()
for ln in open(src, encoding='utf-8'):
    s = ln.rstrip('\n')
    if s.strip() in rep:
        used.add(s.strip()); s = rep[s.strip()]
    out.append(s)
open(src, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
miss = set(rep) - used
print('replaced', len(used), 'missing', len(miss))
for m in miss:
    print('  MISSING', m)
