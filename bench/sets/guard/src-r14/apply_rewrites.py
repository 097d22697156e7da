#!/usr/bin/env python3
"""Apply a hand-written rewrites file (old ==> new, or old ==> DELETE) to the source lists."""
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
pairs = []
for line in open(os.path.join(HERE, sys.argv[1]), encoding='utf-8'):
    line = line.rstrip('\n')
    if ' ==> ' in line:
        a, b = line.split(' ==> ', 1)
        pairs.append((a, b))
done = set()
for f in sorted(os.listdir(HERE)):
    if not f.endswith('.txt') or not (f.startswith('v_') or f.startswith('ok_') or f.startswith('c_')):
        continue
    p = os.path.join(HERE, f)
    out = []
    for line in open(p, encoding='utf-8'):
        parts = line.rstrip('\n').split(' || ')
        ti = 2
        for a, b in pairs:
            if len(parts) > ti and parts[ti] == a:
                done.add(a)
                if b == 'DELETE':
                    parts = None
                else:
                    parts[ti] = b
                break
        if parts is not None:
            out.append(' || '.join(parts) + '\n')
    open(p, 'w', encoding='utf-8').writelines(out)
for a, b in pairs:
    if a not in done:
        print('NOT FOUND:', a)
print('applied', len(done), 'of', len(pairs))
