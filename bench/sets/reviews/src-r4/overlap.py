"""Overlap check of the new lists against earlier blind sets and the public data.

Earlier texts are read only inside this script; it prints only the NEW text and the shared fragment.
Checks: (1) identical after normalisation (NFKC, lower case, letters/digits only; raw compare when
that is empty), (2) near-identical (Levenshtein / longer length < 0.2), (3) a shared run of 10
normalised characters (Chinese) or 6 consecutive words (English), (4) the same between two new items.
"""
import csv, glob, json, os, re, sys, unicodedata, collections as C
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build

csv.field_size_limit(10**9)
SETS = '/work/main/bench/sets/reviews'
DATA = '/work/shared/data'


def norm(t):
    t = unicodedata.normalize('NFKC', t).lower()
    return ''.join(ch for ch in t if ch.isalnum())


def words(t):
    return re.findall(r'[a-z0-9]+', unicodedata.normalize('NFKC', t).lower())


def earlier():
    for f in sorted(glob.glob(f'{SETS}/blind-r*.jsonl')):
        for line in open(f, encoding='utf-8'):
            yield json.loads(line)['text']
    for f in glob.glob(f'{DATA}/**/online_shopping_10_cats.csv', recursive=True):
        with open(f, encoding='utf-8', errors='ignore') as fh:
            for row in csv.reader(fh):
                if len(row) >= 3:
                    yield row[2]
    for f in glob.glob(f'{DATA}/fewclue_eprstmt/*.json'):
        txt = open(f, encoding='utf-8').read()
        try:
            objs = [json.loads(l) for l in txt.splitlines() if l.strip()]
        except ValueError:
            objs = json.loads(txt)
            objs = objs if isinstance(objs, list) else [objs]
        for o in objs:
            if isinstance(o, dict):
                for v in o.values():
                    if isinstance(v, str) and len(v) > 3:
                        yield v


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def main():
    new = [it['text'] for it in build.load()]
    nn = [norm(t) for t in new]
    zh = [bool(re.search(r'[\u4e00-\u9fff]', t)) for t in new]
    exact = C.defaultdict(list)
    for i, t in enumerate(nn):
        exact[t or new[i]].append(i)
    grams = C.defaultdict(set)      # 10-char runs of new Chinese texts
    wgrams = C.defaultdict(set)     # 6-word runs of new English texts
    big = C.defaultdict(set)        # bigrams for near-identical candidates
    for i, t in enumerate(nn):
        if zh[i]:
            for k in range(len(t) - 9):
                grams[t[k:k + 10]].add(i)
        else:
            w = words(new[i])
            for k in range(len(w) - 5):
                wgrams[' '.join(w[k:k + 6])].add(i)
        for k in range(len(t) - 1):
            big[t[k:k + 2]].add(i)
    hits = C.defaultdict(set)
    n_old = 0
    seen = set()
    for old in earlier():
        o = norm(old)
        if (o or old) in seen:
            continue
        seen.add(o or old)
        n_old += 1
        for i in exact.get(o or old, ()):
            hits[i].add(('identical', ''))
        for k in range(len(o) - 9):
            for i in grams.get(o[k:k + 10], ()):
                hits[i].add(('run10', o[k:k + 10]))
        w = words(old)
        for k in range(len(w) - 5):
            g = ' '.join(w[k:k + 6])
            for i in wgrams.get(g, ()):
                hits[i].add(('run6w', g))
        if 4 <= len(o) <= 300:
            cnt = C.Counter()
            for b in {o[k:k + 2] for k in range(len(o) - 1)}:
                for i in big.get(b, ()):
                    cnt[i] += 1
            for i, c in cnt.items():
                L = max(len(o), len(nn[i]))
                if c >= 0.6 * (len(nn[i]) - 1) and abs(len(o) - len(nn[i])) < 0.2 * L and o != nn[i]:
                    if lev(o, nn[i]) / L < 0.2:
                        hits[i].add(('near-identical', ''))
        elif len(o) < 4:
            for i, t in enumerate(nn):
                if t and t != o and len(t) < 4 and lev(t, o) / max(len(t), len(o)) < 0.2:
                    hits[i].add(('near-identical', ''))
    # internal
    internal = []
    for g, ids in list(grams.items()) + list(wgrams.items()):
        if len(ids) > 1:
            internal.append((g, sorted(ids)))
    print(f'compared {len(new)} new texts with {n_old} distinct earlier texts')
    for i in sorted(hits):
        print('NEW:', new[i])
        for kind, frag in sorted(hits[i]):
            print('   ', kind, frag)
    for g, ids in internal:
        print('INTERNAL:', g, '|', ' || '.join(new[i] for i in ids))
    print(f'items with overlap: {len(hits)}; internal runs: {len(internal)}')


if __name__ == '__main__':
    main()
