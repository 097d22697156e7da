"""Apply hand-written replacements (old<TAB>new per line) to one source list; whole-field match."""
import sys
src_name, fix_name = sys.argv[1], sys.argv[2]
fix = dict(l.rstrip('\n').split('\t') for l in open(fix_name, encoding='utf-8') if l.strip())
used = set()
out = []
for l in open(src_name, encoding='utf-8').read().split('\n'):
    if l.startswith('#') or ' | ' not in l:
        out.append(l); continue
    parts = l.split(' | ')
    new = []
    for p in parts:
        subs = p.split(' || ')
        subs2 = []
        for s in subs:
            if s in fix: used.add(s); subs2.append(fix[s])
            else: subs2.append(s)
        new.append(' || '.join(subs2))
    out.append(' | '.join(new))
open(src_name, 'w', encoding='utf-8').write('\n'.join(out))
print('unused:', [k for k in fix if k not in used])
