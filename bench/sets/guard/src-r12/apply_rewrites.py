#!/usr/bin/env python3
"""Apply hand-written rewrites (OLD ==> NEW, one a line) to the source lists; each OLD must occur exactly once."""
import sys, glob, os
HERE = os.path.dirname(os.path.abspath(__file__))
files = sorted(glob.glob(os.path.join(HERE, 'v_*.txt')) + glob.glob(os.path.join(HERE, 'ok_*.txt')) + glob.glob(os.path.join(HERE, 'c_*.txt')))
data = {f: open(f, encoding='utf-8').read().split('\n') for f in files}
bad = 0
for rw in sys.argv[1:]:
    for line in open(rw, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip(): continue
        old, new = line.split(' ==> ')
        hits = [(f, i) for f in files for i, l in enumerate(data[f]) if (' || ' + old + ' || ' in l + ' || ') or l.endswith(' || ' + old)]
        if len(hits) != 1:
            print('NOT UNIQUE/NOT FOUND', len(hits), old); bad += 1; continue
        f, i = hits[0]
        l = data[f][i]
        if l.endswith(' || ' + old): data[f][i] = l[:len(l) - len(old)] + new
        else: data[f][i] = l.replace(' || ' + old + ' || ', ' || ' + new + ' || ', 1)
for f in files:
    open(f, 'w', encoding='utf-8').write('\n'.join(data[f]))
print('bad', bad)
