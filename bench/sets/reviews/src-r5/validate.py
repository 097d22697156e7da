#!/usr/bin/env python3
"""Validate ../blind-r5.jsonl and print counts."""
import collections, json, os, re

here = os.path.dirname(os.path.abspath(__file__))
CAUSES = ['quality', 'size', 'color', 'logistics', 'service', 'description', 'price', 'packaging']
FLAGS = ['abuse', 'ad', 'private_data', 'extortion']
PLATS = ['taobao', 'tmall', 'jd', 'pinduoduo', 'aliexpress']
rows = [json.loads(l) for l in open(os.path.join(here, '..', 'blind-r5.jsonl'), encoding='utf-8')]
ids, texts = set(), set()
for n, r in enumerate(rows, 1):
    assert r['id'] == 'rv5-%04d' % n, r
    assert set(r) <= {'id', 'text', 'rating', 'platform', 'sentiment', 'causes', 'flags'}, r
    assert r['text'] and r['text'] not in texts
    texts.add(r['text'])
    assert r.get('rating', 3) in (1, 2, 3, 4, 5)
    assert r['platform'] in PLATS
    assert r['sentiment'] in ('positive', 'negative')
    assert r['causes'] == [c for c in CAUSES if c in r['causes']]
    assert r['flags'] == [f for f in FLAGS if f in r['flags']]
    zh = bool(re.search(r'[\u4e00-\u9fff]', r['text']))
    assert (r['platform'] == 'aliexpress') == (not zh) or len(r['text']) < 6, r

def lang(r): return 'en' if r['platform'] == 'aliexpress' else 'zh'
C = collections.Counter
print('items', len(rows), C(lang(r) for r in rows), C(r['platform'] for r in rows))
print('sentiment', C((lang(r), r['sentiment']) for r in rows))
print('no rating', sum('rating' not in r for r in rows), ' rated 3', sum(r.get('rating') == 3 for r in rows))
cc = C(); fc = C()
for r in rows:
    for c in r['causes']: cc[(c, lang(r))] += 1
    for f in r['flags']: fc[(f, lang(r))] += 1
for c in CAUSES:
    print('  %-12s %4d  zh %3d en %3d' % (c, cc[(c, 'zh')] + cc[(c, 'en')], cc[(c, 'zh')], cc[(c, 'en')]))
for f in FLAGS:
    print('  %-12s %4d  zh %3d en %3d' % (f, fc[(f, 'zh')] + fc[(f, 'en')], fc[(f, 'zh')], fc[(f, 'en')]))
fl = [r for r in rows if r['flags']]
print('flagged', len(fl), C(lang(r) for r in fl), 'two+', C('+'.join(r['flags']) for r in fl if len(r['flags']) > 1))
print('flagged positive', C(f for r in fl if r['sentiment'] == 'positive' for f in r['flags']))
print('neg without cause', sum(1 for r in rows if r['sentiment'] == 'negative' and not r['causes']),
      ' multi-cause', sum(1 for r in rows if len(r['causes']) > 1),
      ' positive with cause', sum(1 for r in rows if r['sentiment'] == 'positive' and r['causes']))
contra = [r for r in rows if 'rating' in r and ((r['sentiment'] == 'positive' and r['rating'] <= 2) or (r['sentiment'] == 'negative' and r['rating'] >= 4))]
print('rating contradicts text', len(contra), C(r['sentiment'] for r in contra))
print('OK')
