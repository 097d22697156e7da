#!/usr/bin/env python3
"""Apply rewrites (OLD ||| NEW, one a line) from the files given to the source lists in this folder."""
import glob, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
pairs = []
for fn in sys.argv[1:]:
    for line in open(fn, encoding="utf-8"):
        line = line.rstrip("\n")
        if " ||| " in line:
            a, b = line.split(" ||| ")
            pairs.append((a.strip(), b.strip()))
done = set()
for fn in sorted(glob.glob(os.path.join(HERE, "[vco]*_*.txt"))):
    if "overlap" in fn:
        continue
    lines = open(fn, encoding="utf-8").read().split("\n")
    changed = False
    for i, line in enumerate(lines):
        parts = line.split(" || ")
        for a, b in pairs:
            if len(parts) >= 3 and parts[2].strip() == a:
                parts[2] = b
                lines[i] = " || ".join(parts)
                done.add(a); changed = True
    if changed:
        open(fn, "w", encoding="utf-8").write("\n".join(lines))
missing = [a for a, b in pairs if a not in done]
print(f"applied {len(done)} of {len(pairs)}")
for a in missing:
    print("NOT FOUND:", a)
