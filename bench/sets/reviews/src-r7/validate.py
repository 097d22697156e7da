#!/usr/bin/env python3
"""Check ../blind-r7.jsonl (format and labels) and print the counts used in the README."""
import json, os, re
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, '..', 'blind-r7.jsonl')
CAUSES = ['quality', 'size', 'color', 'logistics', 'service', 'description', 'price', 'packaging']
FLAGS = ['abuse', 'ad', 'private_data', 'extortion']
PLATS = ['taobao', 'tmall', 'jd', 'pinduoduo', 'aliexpress']
CJK = re.compile(r'[\u4e00-\u9fff]')

rows = [json.loads(l) for l in open(PATH, encoding='utf-8')]
ids, texts = set(), set()
for k, r in enumerate(rows, 1):
    assert r['id'] == 'rv7-%04d' % k, r['id']
    assert set(r) <= {'id', 'text', 'rating', 'platform', 'sentiment', 'causes', 'flags'}, r
    assert isinstance(r['text'], str) and r['text'].strip()
    assert r['text'] not in texts; texts.add(r['text'])
    if 'rating' in r:
        assert r['rating'] in (1, 2, 3, 4, 5)
    assert r['platform'] in PLATS
    assert r['sentiment'] in ('positive', 'negative')
    assert r['causes'] == sorted(set(r['causes']), key=CAUSES.index) and set(r['causes']) <= set(CAUSES)
    assert r['flags'] == sorted(set(r['flags']), key=FLAGS.index) and set(r['flags']) <= set(FLAGS)
    if r['platform'] == 'aliexpress':
        assert not CJK.search(r['text']), r['id']

lang = lambda r: 'en' if r['platform'] == 'aliexpress' else 'zh'
print('reviews', len(rows), Counter(lang(r) for r in rows), Counter(r['platform'] for r in rows))
for L in ('all', 'zh', 'en'):
    sub = [r for r in rows if L == 'all' or lang(r) == L]
    print('sentiment', L, Counter(r['sentiment'] for r in sub))
for c in CAUSES:
    print('cause %-12s all %3d zh %3d en %3d' % (c, sum(c in r['causes'] for r in rows),
          sum(c in r['causes'] for r in rows if lang(r) == 'zh'), sum(c in r['causes'] for r in rows if lang(r) == 'en')))
print('negative without cause', sum(r['sentiment'] == 'negative' and not r['causes'] for r in rows))
print('two or more causes', sum(len(r['causes']) >= 2 for r in rows), ' three or more', sum(len(r['causes']) >= 3 for r in rows))
print('positive with a cause', sum(r['sentiment'] == 'positive' and bool(r['causes']) for r in rows))
for f in FLAGS:
    print('flag %-13s all %3d zh %3d en %3d' % (f, sum(f in r['flags'] for r in rows),
          sum(f in r['flags'] for r in rows if lang(r) == 'zh'), sum(f in r['flags'] for r in rows if lang(r) == 'en')))
fl = [r for r in rows if r['flags']]
print('flagged', len(fl), Counter(lang(r) for r in fl), 'two flags', Counter('+'.join(r['flags']) for r in fl if len(r['flags']) > 1))
print('flagged positive', Counter(f for r in fl if r['sentiment'] == 'positive' for f in r['flags']))
print('no rating', sum('rating' not in r for r in rows), ' rated 3', sum(r.get('rating') == 3 for r in rows))
print('rating contradicts text', sum((r['sentiment'] == 'positive' and r.get('rating', 3) <= 2) or
      (r['sentiment'] == 'negative' and r.get('rating', 3) >= 4) for r in rows))
print('OK')
