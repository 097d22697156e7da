#!/usr/bin/env python3
"""Validate blind-r6.jsonl and print its counts."""
import collections, json, os, sys
FN = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'blind-r6.jsonl')
PLATS = {'taobao', 'tmall', 'jd', 'pinduoduo', 'aliexpress'}
CAUSES = ['quality', 'size', 'color', 'logistics', 'service', 'description', 'price', 'packaging']
FLAGS = ['abuse', 'ad', 'private_data', 'extortion']
KEYS = ['id', 'text', 'rating', 'platform', 'sentiment', 'causes', 'flags']
rows = [json.loads(l) for l in open(FN, encoding='utf-8')]
err = 0
def bad(msg):
    global err; err += 1; print('ERROR', msg)
texts = set()
for n, r in enumerate(rows, 1):
    if r['id'] != f'rv6-{n:04d}': bad(f'id {r["id"]}')
    if [k for k in r] != [k for k in KEYS if k in r] or set(KEYS) - {'rating'} - set(r): bad(f'keys {r["id"]}')
    if 'rating' in r and r['rating'] not in (1, 2, 3, 4, 5): bad(f'rating {r["id"]}')
    if r['platform'] not in PLATS: bad(f'platform {r["id"]}')
    if r['sentiment'] not in ('positive', 'negative'): bad(f'sentiment {r["id"]}')
    if [c for c in CAUSES if c in r['causes']] != r['causes']: bad(f'causes {r["id"]}')
    if [f for f in FLAGS if f in r['flags']] != r['flags']: bad(f'flags {r["id"]}')
    if not r['text'].strip() or r['text'] in texts: bad(f'text {r["id"]}')
    texts.add(r['text'])
lang = lambda r: 'en' if r['platform'] == 'aliexpress' else 'zh'
print(f'{len(rows)} reviews, {err} errors')
print('platforms', dict(collections.Counter(r['platform'] for r in rows)))
print('language', dict(collections.Counter(lang(r) for r in rows)))
for L in ('all', 'zh', 'en'):
    sub = [r for r in rows if L == 'all' or lang(r) == L]
    print('sentiment', L, dict(collections.Counter(r['sentiment'] for r in sub)))
print('causes (all/zh/en):')
for c in CAUSES:
    print(f'  {c:12s}', sum(c in r['causes'] for r in rows), sum(c in r['causes'] for r in rows if lang(r) == 'zh'),
          sum(c in r['causes'] for r in rows if lang(r) == 'en'))
print('negative without cause', sum(1 for r in rows if r['sentiment'] == 'negative' and not r['causes']))
print('two or more causes', sum(1 for r in rows if len(r['causes']) > 1))
print('positive with cause', sum(1 for r in rows if r['sentiment'] == 'positive' and r['causes']))
print('flags (all/zh/en):')
for f in FLAGS:
    print(f'  {f:12s}', sum(f in r['flags'] for r in rows), sum(f in r['flags'] for r in rows if lang(r) == 'zh'),
          sum(f in r['flags'] for r in rows if lang(r) == 'en'))
fl = [r for r in rows if r['flags']]
print('flagged', len(fl), 'zh', sum(lang(r) == 'zh' for r in fl), 'en', sum(lang(r) == 'en' for r in fl))
print('two flags', dict(collections.Counter('+'.join(r['flags']) for r in fl if len(r['flags']) > 1)))
print('flagged positive', dict(collections.Counter(f for r in fl if r['sentiment'] == 'positive' for f in r['flags'])))
print('no rating', sum('rating' not in r for r in rows), 'rated 3', sum(r.get('rating') == 3 for r in rows))
print('contradictions: positive rated 1-2', sum(r['sentiment'] == 'positive' and r.get('rating', 3) <= 2 for r in rows),
      'negative rated 4-5', sum(r['sentiment'] == 'negative' and r.get('rating', 3) >= 4 for r in rows))
sys.exit(1 if err else 0)
