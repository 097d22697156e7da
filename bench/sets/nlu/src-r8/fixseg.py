#!/usr/bin/env python3
"""Apply the author's hand-written rewrites of one segment (earlier turn or last message) of a source line.
Fix file lines: '<old segment><TAB><new segment>'; the old segment must be a whole ' >> ' / ' | ' segment.
Usage: python3 fixseg.py context.txt fixes-cx-1.txt"""
import sys
src, fx = sys.argv[1], sys.argv[2]
rep = []
for ln in open(fx, encoding='utf-8'):
    ln = ln.rstrip('\n')
    if ln.strip() and not ln.startswith('#'):
        a, b = ln.split('\t'); rep.append((a.strip(), b.strip()))
lines = open(src, encoding='utf-8').read().split('\n')
n = 0
for old, new in rep:
    done = False
    for i, l in enumerate(lines):
        if l.startswith('#') or ' | ' not in l:
            continue
        lab, rest = l.split(' | ', 1)
        segs = rest.split(' >> ')
        if old in segs:
            segs[segs.index(old)] = new
            lines[i] = lab + ' | ' + ' >> '.join(segs); done = True; n += 1
            break
    if not done:
        print('MISSING', old)
open(src, 'w', encoding='utf-8').write('\n'.join(lines))
print('replaced', n)
