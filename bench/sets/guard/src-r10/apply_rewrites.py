#!/usr/bin/env python3
"""Replace texts in the source lists: each line of a rewrites file is OLD<TAB>NEW."""
import sys, glob, os
HERE = os.path.dirname(os.path.abspath(__file__))
pairs = []
for rf in sys.argv[1:]:
    for line in open(rf, encoding='utf-8'):
        line = line.rstrip('\n')
        if line:
            o, n = line.split('\t')
            pairs.append((o, n))
done = set()
for f in sorted(glob.glob(os.path.join(HERE, 'v_*.txt')) + glob.glob(os.path.join(HERE, 'ok_*.txt')) + glob.glob(os.path.join(HERE, 'c_*.txt'))):
    lines = open(f, encoding='utf-8').read().split('\n')
    out = []
    for L in lines:
        parts = L.split(' || ')
        if len(parts) >= 3:
            for o, n in pairs:
                if parts[2] == o:
                    parts[2] = n; done.add(o); break
            L = ' || '.join(parts)
        out.append(L)
    open(f, 'w', encoding='utf-8').write('\n'.join(out))
missing = [o for o, n in pairs if o not in done]
print('applied', len(done), 'missing', len(missing))
for m in missing: print('MISSING', m)
