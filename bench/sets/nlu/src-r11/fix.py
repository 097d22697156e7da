#!/usr/bin/env python3
"""Apply hand-written rewrites (lines `old ==> new`) from the given fix files to the source lists (whole field)."""
import sys, os
HERE = os.path.dirname(os.path.abspath(__file__))
fixes = {}
for fn in sys.argv[1:]:
    for ln in open(os.path.join(HERE, fn), encoding='utf-8'):
        if '==>' in ln:
            a, b = ln.rstrip('\n').split(' ==> ', 1); fixes[a.strip()] = b.strip()
used = set()
for fn in ('zh.txt', 'en.txt', 'context.txt', 'mq-zh.txt', 'mq-en.txt'):
    out = []
    for ln in open(os.path.join(HERE, fn), encoding='utf-8'):
        ln = ln.rstrip('\n')
        if ln.startswith('#') or '|' not in ln: out.append(ln); continue
        parts = ln.split('|')
        lab, rest = parts[0], parts[1:]
        new = []
        for p in rest:
            turns = [t.strip() for t in p.split('//')]
            nt = []
            for t in turns:
                if t in fixes: used.add(t); t = fixes[t]
                nt.append(t)
            new.append(' // '.join(nt))
        out.append('|'.join([lab] + new))
    open(os.path.join(HERE, fn), 'w', encoding='utf-8').write('\n'.join(out) + '\n')
miss = set(fixes) - used
print('applied', len(used), 'unused', len(miss))
for m in miss: print('UNUSED', m)
