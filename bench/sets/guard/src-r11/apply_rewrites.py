#!/usr/bin/env python3
"""Apply `old ||| new` text rewrites (written by hand after an overlap pass) to the source lists."""
import glob, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
pairs = []
for line in open(os.path.join(HERE, sys.argv[1]), encoding='utf-8'):
    if '|||' in line:
        old, new = [x.strip() for x in line.rstrip('\n').split('|||')]
        pairs.append((old, new))
done = set()
for path in glob.glob(os.path.join(HERE, '*.txt')):
    if not (os.path.basename(path).startswith(('v_', 'ok_', 'c_'))):
        continue
    lines = open(path, encoding='utf-8').read().split('\n')
    changed = False
    for k, line in enumerate(lines):
        parts = [p.strip() for p in line.split('||')]
        if len(parts) < 3:
            continue
        for old, new in pairs:
            if parts[2].strip() == old:
                parts[2] = new; lines[k] = ' || '.join(parts); changed = True; done.add(old)
    if changed:
        open(path, 'w', encoding='utf-8').write('\n'.join(lines))
missing = [o for o, _ in pairs if o not in done]
print('applied', len(done), 'missing', missing)
