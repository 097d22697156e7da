#!/usr/bin/env python3
"""Apply hand-written rewrites (lines `old ==> new`) to the source lists. Usage: fix.py FIXFILE LIST..."""
import sys
fixes = []
for ln in open(sys.argv[1], encoding='utf-8'):
    ln = ln.rstrip('\n')
    if ' ==> ' in ln:
        a, b = ln.split(' ==> ', 1); fixes.append((a.strip(), b.strip()))
done = set()
for fn in sys.argv[2:]:
    out = []
    for ln in open(fn, encoding='utf-8'):
        ln = ln.rstrip('\n')
        if ln.startswith('#') or '|' not in ln: out.append(ln); continue
        parts = ln.split('|')
        for i in range(1, len(parts)):
            segs = [s.strip() for s in parts[i].split('//')]
            for j, s in enumerate(segs):
                for a, b in fixes:
                    if s == a: segs[j] = b; done.add(a); break
            parts[i] = ' // '.join(segs) if len(segs) > 1 else segs[0]
        out.append('|'.join(parts))
    open(fn, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
miss = [a for a, b in fixes if a not in done]
print('applied', len(done), 'missing', len(miss)); [print('  MISSING', m) for m in miss]
