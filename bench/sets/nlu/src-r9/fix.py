# Applies hand-written rewrites (old<TAB>new, one a line) to a source list: whole text field, or one context turn.
import sys
src, fx = sys.argv[1], sys.argv[2]
rep = {}
for l in open(fx, encoding='utf-8'):
    l = l.rstrip('\n')
    if l and not l.startswith('#'): o, n = l.split('\t'); rep[o] = n
used = set(); out = []
for l in open(src, encoding='utf-8'):
    l = l.rstrip('\n')
    if l.startswith('#') or not l.strip(): out.append(l); continue
    parts = l.split('\t')
    if src.endswith('context.txt'):
        ctx = [c.strip() for c in parts[2].split('||')]
        ctx = [rep.get(c, c) for c in ctx]; [used.add(c) for c in parts[2].split('||') if c.strip() in rep]
        if parts[3] in rep: used.add(parts[3])
        parts[2] = ' || '.join(ctx); parts[3] = rep.get(parts[3], parts[3])
    else:
        if parts[-1] in rep: used.add(parts[-1]); parts[-1] = rep[parts[-1]]
    out.append('\t'.join(parts))
open(src, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
print('applied', len(rep), 'unused', [k for k in rep if k not in used and k.strip() not in used])
