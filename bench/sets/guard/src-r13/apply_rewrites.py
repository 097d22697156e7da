#!/usr/bin/env python3
"""Apply hand-written rewrites (OLD ==> NEW, exact TEXT field) to the source lists. Run once per rewrites file."""
import sys, glob, os
HERE = os.path.dirname(os.path.abspath(__file__))
rw = {}
for fn in sys.argv[1:]:
    for line in open(os.path.join(HERE, fn), encoding='utf-8'):
        if ' ==> ' in line:
            a, b = line.rstrip('\n').split(' ==> ')
            rw[a.strip()] = b.strip()
done = set()
for fn in sorted(glob.glob(os.path.join(HERE, 'v_*.txt')) + glob.glob(os.path.join(HERE, 'ok_*.txt')) + glob.glob(os.path.join(HERE, 'c_*.txt'))):
    out = []
    for line in open(fn, encoding='utf-8'):
        parts = line.rstrip('\n').split(' || ')
        if len(parts) >= 3 and parts[2].strip() in rw:
            done.add(parts[2].strip()); parts[2] = rw[parts[2].strip()]
        out.append(' || '.join(parts))
    open(fn, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
missing = set(rw) - done
print('applied', len(done), 'missing', len(missing))
for m in missing: print('MISSING', m)
