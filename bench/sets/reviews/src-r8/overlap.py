#!/usr/bin/env python3
"""Overlap check of the r8 lists against blind-r1 ... blind-r7 (read only here).
Prints only the new text, its list:line, the check, and the earlier file:id."""
import json, re, unicodedata, pathlib, sys
sys.path.insert(0, str(pathlib.Path(__file__).parent))
from build import parse
D = pathlib.Path(__file__).parent.parent
def norm(t):
    t = unicodedata.normalize("NFKC", t).lower()
    return "".join(ch for ch in t if ch.isalnum())
def grams(s, n=3):
    return {s[i:i+n] for i in range(max(1, len(s) - n + 1))}
def lev(a, b):
    if len(a) < len(b): a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j-1] + 1, prev[j-1] + (ca != cb)))
        prev = cur
    return prev[-1]
def zh(t): return bool(re.search(r"[\u4e00-\u9fff]", t))
def words(t): return re.findall(r"[a-z0-9']+", unicodedata.normalize("NFKC", t).lower())
old = []
for k in range(1, 8):
    f = D / f"blind-r{k}.jsonl"
    for l in f.read_text(encoding="utf-8").splitlines():
        o = json.loads(l)
        old.append((f"{f.name}:{o['id']}", o["text"]))
new = [(it["_src"], it["text"]) for it in parse()]
def prep(lst):
    out = []
    for lab, t in lst:
        n = norm(t)
        w = words(t)
        runs = ({n[i:i+10] for i in range(len(n) - 9)} if zh(t) else
                {" ".join(w[i:i+6]) for i in range(len(w) - 5)})
        out.append((lab, t, n, grams(n), runs))
    return out
O, N = prep(old), prep(new)
hits = 0
def check(a, b):
    lab, t, n, g, r = a
    lab2, t2, n2, g2, r2 = b
    if (n and n == n2) or (not n and t.strip() == t2.strip()): return "identical"
    if not n or not n2: return None
    if r & r2: return "shared-run"
    inter = len(g & g2)
    if inter == 0: return None
    if inter / len(g | g2) >= 0.5: return "3gram-jaccard"
    L = max(len(n), len(n2))
    if abs(len(n) - len(n2)) / L < 0.25 and lev(n, n2) / L < 0.25: return "near-identical"
    return None
for a in N:
    for b in O:
        c = check(a, b)
        if c:
            hits += 1; print(f"{a[0]}\t{c}\t{b[0]}\t{a[1]}"); break
for i, a in enumerate(N):
    for b in N[i+1:]:
        c = check(a, b)
        if c:
            hits += 1; print(f"{a[0]}\tinternal-{c}\t{b[0]}\t{a[1]}")
print("overlap hits:", hits, "new items:", len(N), "earlier texts:", len(O))
