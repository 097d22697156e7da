#!/usr/bin/env python3
"""Format and label checks for the round-11 NLU sets; prints counts."""
import json, os, re, collections
HERE = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.dirname(HERE)
ids = []
for ln in open('/work/shared/INTENTS.md', encoding='utf-8'):
    m = re.match(r'^\| ([a-z_]+) \|', ln)
    if m and m.group(1) != 'id': ids.append(m.group(1))
IDS = set(ids); assert len(IDS) == 26, ids
err = []
def load(fn):
    return [json.loads(l) for l in open(os.path.join(OUT, fn), encoding='utf-8')]
texts = collections.Counter()
cnt = {}
for fn, pre, keys in (('zh-blind-r11.jsonl', 'zh11-', {'id','text','intent','secondary'}),
                      ('en-aliexpress-r11.jsonl', 'en11-', {'id','text','intent','secondary'}),
                      ('context-r11.jsonl', 'cx11-', {'id','context','text','intent'}),
                      ('multi-question-r11.jsonl', 'mq11-', {'id','text','intents'})):
    rows = load(fn); c = collections.Counter(); s = collections.Counter()
    for i, r in enumerate(rows, 1):
        if set(r) != keys: err.append((fn, r.get('id'), 'keys'))
        if r['id'] != f'{pre}{i:04d}': err.append((fn, r['id'], 'id order'))
        if not r['text'].strip(): err.append((fn, r['id'], 'empty'))
        if 'intents' in r:
            its = r['intents']
            if not 2 <= len(its) <= 3 or len(set(its)) != len(its) or 'other' in its or not set(its) <= IDS:
                err.append((fn, r['id'], 'intents'))
            if 'complaint' in its and its[0] != 'complaint': err.append((fn, r['id'], 'complaint order'))
            if 'quality_issue' in its and its.index('quality_issue') > (1 if its[0] == 'complaint' else 0):
                err.append((fn, r['id'], 'quality order'))
            for k, x in enumerate(its): c[x] += 1; s[(k == 0, x)] += 1
            texts[r['text']] += 1
        else:
            if r['intent'] not in IDS: err.append((fn, r['id'], 'label ' + r['intent']))
            c[r['intent']] += 1
            if 'secondary' in r:
                texts[r['text']] += 1
                if r['secondary'] is not None:
                    if r['secondary'] not in IDS or r['secondary'] == r['intent']: err.append((fn, r['id'], 'secondary'))
                    s[r['secondary']] += 1
            if 'context' in r:
                if not 1 <= len(r['context']) <= 2 or not all(t.strip() for t in r['context']): err.append((fn, r['id'], 'context'))
    cnt[fn] = (len(rows), c, s)
for t, n in texts.items():
    if n > 1: err.append(('dup text', t, n))
cx = load('context-r11.jsonl')
pairs = collections.Counter((tuple(r['context']), r['text']) for r in cx)
for p, n in pairs.items():
    if n > 1: err.append(('dup pair', p, n))
for fn in ('zh-blind-r11.jsonl', 'en-aliexpress-r11.jsonl'):
    for x in ids:
        if cnt[fn][1][x] < (12 if fn.startswith('zh') else 8): err.append((fn, x, 'count low', cnt[fn][1][x]))
dis = set(open(os.path.join(HERE, 'distractors.txt')).read().split())
lang = dict(l.split() for l in open(os.path.join(HERE, 'mq-lang.txt')))
print('intent', 'zh', 'zh2', 'en', 'en2', 'cx_ell', 'cx_dis', 'mq1', 'mqany', sep='\t')
ce = collections.Counter(r['intent'] for r in cx if r['id'] not in dis)
cd = collections.Counter(r['intent'] for r in cx if r['id'] in dis)
mq = cnt['multi-question-r11.jsonl']
for x in ids:
    print(x, cnt['zh-blind-r11.jsonl'][1][x], cnt['zh-blind-r11.jsonl'][2][x], cnt['en-aliexpress-r11.jsonl'][1][x],
          cnt['en-aliexpress-r11.jsonl'][2][x], ce[x], cd[x], mq[2][(True, x)], mq[1][x], sep='\t')
print('lines', {k: v[0] for k, v in cnt.items()})
en_cx = sum(1 for r in cx if re.search(r'[A-Za-z]{3}', r['text']) and not re.search(r'[\u4e00-\u9fff]', r['text']))
print('context: distractors', len(dis), 'two-turn', sum(len(r['context']) == 2 for r in cx), 'english', en_cx)
mqr = load('multi-question-r11.jsonl')
print('mq: zh', sum(v == 'zh' for v in lang.values()), 'en', sum(v == 'en' for v in lang.values()),
      '3-intent', sum(len(r['intents']) == 3 for r in mqr))
L = sorted(len(r['text']) for r in load('zh-blind-r11.jsonl'))
print('zh length min/median/max', L[0], L[len(L)//2], L[-1])
print('errors', len(err))
for e in err: print('ERR', e)
