#!/usr/bin/env python3
import json, re, os, collections
H = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.dirname(H)
ids = re.findall(r'^\| (\w+) \|', open('/work/shared/INTENTS.md', encoding='utf-8').read(), re.M)
ids = [i for i in ids if i != 'id']; assert len(ids) == 26, ids
err = []; seen_text = {}
def load(n): return [json.loads(l) for l in open(os.path.join(OUT, n), encoding='utf-8')]
files = {'zh-blind-r10.jsonl': ('zh10', {'id','text','intent','secondary'}),
         'context-r10.jsonl': ('cx10', {'id','context','text','intent'}),
         'multi-question-r10.jsonl': ('mq10', {'id','text','intents'}),
         'en-aliexpress-r10.jsonl': ('en10', {'id','text','intent','secondary'})}
counts = {}
dis = set(open(os.path.join(H, 'distractors.txt')).read().split())
for fn, (p, keys) in files.items():
    rows = load(fn); c = collections.Counter(); c2 = collections.Counter(); pairs = set()
    for n, r in enumerate(rows, 1):
        if set(r) != keys: err.append((fn, r.get('id'), 'keys'))
        if r['id'] != '%s-%04d' % (p, n): err.append((fn, r['id'], 'id'))
        if not r['text'].strip(): err.append((fn, r['id'], 'empty'))
        labs = r['intents'] if 'intents' in r else [r['intent']] + ([r['secondary']] if r.get('secondary') else [])
        for l in labs:
            if l not in ids: err.append((fn, r['id'], 'label ' + l))
        if 'intents' in r:
            L = r['intents']
            if not 2 <= len(L) <= 3 or len(set(L)) != len(L) or 'other' in L: err.append((fn, r['id'], 'mq labels'))
            if 'complaint' in L and L[0] != 'complaint': err.append((fn, r['id'], 'complaint not first'))
            if 'quality_issue' in L and L.index('quality_issue') != (1 if 'complaint' in L else 0): err.append((fn, r['id'], 'qi pos'))
            for i, l in enumerate(L): c[l] += 1; c2[l + (' first' if i == 0 else '')] += (i == 0)
        else:
            if r.get('secondary') == r['intent']: err.append((fn, r['id'], 'sec==intent'))
            k = r['intent'] + (' D' if r['id'] in dis else '')
            c[k] += 1
            if r.get('secondary'): c2[r['secondary']] += 1
        if 'context' in r:
            if not 1 <= len(r['context']) <= 2 or not all(t.strip() for t in r['context']): err.append((fn, r['id'], 'ctx'))
            key = tuple(r['context']) + (r['text'],)
            if key in pairs: err.append((fn, r['id'], 'dup pair'))
            pairs.add(key)
        else:
            if r['text'] in seen_text: err.append((fn, r['id'], 'dup text ' + seen_text[r['text']]))
            seen_text[r['text']] = r['id']
    counts[fn] = (len(rows), c, c2)
for fn, (n, c, c2) in counts.items():
    print('==', fn, n)
    for l in ids:
        print('  %-17s %4d %s' % (l, c[l], ('D %d' % c[l + ' D']) if 'context' in fn else ('sec %d' % c2[l] if 'multi' not in fn else 'first %d' % c2[l + ' first'])))
for fn in ('zh-blind-r10.jsonl', 'en-aliexpress-r10.jsonl'):
    mn = 12 if 'zh' in fn else 8
    for l in ids:
        if counts[fn][1][l] < mn: err.append((fn, l, 'count<%d' % mn))
print('errors:', len(err)); [print(' ', e) for e in err]
