"""Validate blind-r4.jsonl and print the counts used in README-blind-r4.md."""
import json, os, re, sys, collections as C

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, '..', 'blind-r4.jsonl')
CAUSES = ['quality', 'size', 'color', 'logistics', 'service', 'description', 'price', 'packaging']
FLAGS = ['abuse', 'ad', 'private_data', 'extortion']
KEYS = ['id', 'text', 'rating', 'platform', 'sentiment', 'causes', 'flags']

rows = [json.loads(l) for l in open(PATH, encoding='utf-8')]
err = []
for n, r in enumerate(rows, 1):
    if r['id'] != f'rv4-{n:04d}': err.append(('id', n))
    if [k for k in r if k != 'rating'] != [k for k in KEYS if k != 'rating']: err.append(('keys', n))
    if 'rating' in r and r['rating'] not in (1, 2, 3, 4, 5): err.append(('rating', n))
    if r['platform'] not in ('taobao', 'tmall', 'jd', 'pinduoduo', 'aliexpress'): err.append(('platform', n))
    if r['sentiment'] not in ('positive', 'negative'): err.append(('sentiment', n))
    if r['causes'] != [c for c in CAUSES if c in r['causes']]: err.append(('causes', n))
    if r['flags'] != [f for f in FLAGS if f in r['flags']]: err.append(('flags', n))
    zh = bool(re.search(r'[\u4e00-\u9fff]', r['text']))
    if r['platform'] == 'aliexpress' and zh: err.append(('en has zh', n))
    if r['platform'] != 'aliexpress' and not zh and re.search(r'[A-Za-z]{4,} [A-Za-z]{4,}', r['text']): err.append(('zh is en?', n))
if len({r['text'] for r in rows}) != len(rows): err.append(('dup text', 0))
print('errors:', err or 'none')

en = lambda r: r['platform'] == 'aliexpress'
print('total', len(rows), 'zh', sum(not en(r) for r in rows), 'en', sum(en(r) for r in rows))
print('platform', dict(C.Counter(r['platform'] for r in rows)))
for name, sel in [('all', rows), ('zh', [r for r in rows if not en(r)]), ('en', [r for r in rows if en(r)])]:
    s = C.Counter(r['sentiment'] for r in sel)
    print('sentiment', name, dict(s), f"pos {100*s['positive']/len(sel):.0f}%")
for c in CAUSES:
    print('cause', c, sum(c in r['causes'] for r in rows), sum(c in r['causes'] for r in rows if not en(r)),
          sum(c in r['causes'] for r in rows if en(r)))
print('negative without cause', sum(r['sentiment'] == 'negative' and not r['causes'] for r in rows))
print('two+ causes', sum(len(r['causes']) >= 2 for r in rows))
print('positive with cause', sum(r['sentiment'] == 'positive' and bool(r['causes']) for r in rows))
for f in FLAGS:
    print('flag', f, sum(f in r['flags'] for r in rows), sum(f in r['flags'] for r in rows if not en(r)),
          sum(f in r['flags'] for r in rows if en(r)))
fl = [r for r in rows if r['flags']]
print('flagged', len(fl), 'zh', sum(not en(r) for r in fl), 'en', sum(en(r) for r in fl))
print('two flags', dict(C.Counter('+'.join(r['flags']) for r in fl if len(r['flags']) > 1)))
print('flagged positive', len([r for r in fl if r['sentiment'] == 'positive']),
      dict(C.Counter(f for r in fl if r['sentiment'] == 'positive' for f in r['flags'])))
print('no rating', sum('rating' not in r for r in rows), 'rated 3', sum(r.get('rating') == 3 for r in rows))
print('contradictions (pos rated 1-2 / neg rated 4-5)',
      sum(r['sentiment'] == 'positive' and r.get('rating', 3) <= 2 for r in rows),
      sum(r['sentiment'] == 'negative' and r.get('rating', 3) >= 4 for r in rows))
sys.exit(1 if err else 0)
