# Format/label checks and counts for the four r9 sets.
import json, os, re, collections
H = os.path.dirname(os.path.abspath(__file__)); NLU = os.path.dirname(H)
ids = re.findall(r'^\| (\w+) \|', open('/work/shared/INTENTS.md', encoding='utf-8').read(), re.M)
ids = [i for i in ids if i != 'id']; assert len(ids) == 26, ids
err = []
def load(fn, pre, keys):
    out = []
    for k, l in enumerate(open(os.path.join(NLU, fn), encoding='utf-8'), 1):
        o = json.loads(l)
        if set(o) != keys: err.append((fn, k, 'keys'))
        if o['id'] != '%s-%04d' % (pre, k): err.append((fn, k, 'id'))
        if not o['text'].strip(): err.append((fn, k, 'empty'))
        out.append(o)
    return out
zh = load('zh-blind-r9.jsonl', 'zb9', {'id', 'text', 'intent', 'secondary'})
en = load('en-aliexpress-r9.jsonl', 'en9', {'id', 'text', 'intent', 'secondary'})
cx = load('context-r9.jsonl', 'cx9', {'id', 'context', 'text', 'intent'})
mq = load('multi-question-r9.jsonl', 'mq9', {'id', 'text', 'intents'})
for name, s in (('zh', zh), ('en', en)):
    for o in s:
        if o['intent'] not in ids: err.append((name, o['id'], 'label ' + o['intent']))
        if o['secondary'] is not None and (o['secondary'] not in ids or o['secondary'] == o['intent']): err.append((name, o['id'], 'secondary'))
for o in cx:
    if o['intent'] not in ids: err.append(('cx', o['id'], 'label'))
    if not (1 <= len(o['context']) <= 2) or any(not c.strip() for c in o['context']): err.append(('cx', o['id'], 'context'))
for o in mq:
    L = o['intents']
    if not (2 <= len(L) <= 3) or len(set(L)) != len(L) or 'other' in L or any(x not in ids for x in L): err.append(('mq', o['id'], 'intents'))
    if 'complaint' in L and L[0] != 'complaint': err.append(('mq', o['id'], 'complaint first'))
    if 'quality_issue' in L and L.index('quality_issue') != (1 if 'complaint' in L else 0): err.append(('mq', o['id'], 'quality order'))
seen = {}
for name, s in (('zh', zh), ('en', en), ('mq', mq)):
    for o in s:
        t = o['text'].strip()
        if t in seen: err.append((name, o['id'], 'repeat of ' + seen[t]))
        seen[t] = o['id']
pairs = collections.Counter((tuple(o['context']), o['text']) for o in cx)
for p, c in pairs.items():
    if c > 1: err.append(('cx', p[1], 'repeat pair'))
D = set(open(os.path.join(H, 'distractors.txt')).read().split())
lang = dict(l.split('\t') for l in open(os.path.join(H, 'mq-lang.txt')).read().split('\n') if l)
c = {k: collections.Counter() for k in ('zh', 'zs', 'en', 'es', 'ce', 'cd', 'm1', 'ma')}
for o in zh:
    c['zh'][o['intent']] += 1; c['zs'][o['secondary']] += 1 if o['secondary'] else 0
for o in en:
    c['en'][o['intent']] += 1; c['es'][o['secondary']] += 1 if o['secondary'] else 0
for o in cx: c['cd' if o['id'] in D else 'ce'][o['intent']] += 1
for o in mq:
    c['m1'][o['intents'][0]] += 1
    for x in o['intents']: c['ma'][x] += 1
print('| intent | zh-blind-r9 | zh secondary | en-aliexpress-r9 | en secondary | context ellipsis | context distractor | multi-q first | multi-q any position |')
print('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
for i in ids: print('| %s | ' % i + ' | '.join(str(c[k][i]) for k in c) + ' |')
print('| **total** | ' + ' | '.join(str(sum(c[k].values())) for k in c) + ' |')
for name, s in (('zh', zh), ('en', en)):
    for i in ids:
        if c[name][i] < (12 if name == 'zh' else 8): err.append((name, i, 'few'))
print('lines zh %d cx %d (distractors %d, two turns %d, english %d) mq %d (en %d, three %d) en %d' % (
    len(zh), len(cx), len(D), sum(len(o['context']) == 2 for o in cx), sum(bool(re.search('[a-zA-Z]{3}', o['text'])) and not re.search('[\u4e00-\u9fff]', o['text']) for o in cx),
    len(mq), sum(v == 'en' for v in lang.values()), sum(len(o['intents']) == 3 for o in mq), len(en)))
L = sorted(len(o['text']) for o in zh); print('zh length %d-%d median %d' % (L[0], L[-1], L[len(L)//2]))
print('errors', len(err)); [print(e) for e in err]
