#!/usr/bin/env python3
"""Format and count checks of the four r8 files. Writes validate_out.txt."""
import collections, json, os, re
HERE = os.path.dirname(os.path.abspath(__file__)); NLU = os.path.dirname(HERE)
ids = re.findall(r'^\| ([a-z_]+) \|', open('/work/shared/INTENTS.md', encoding='utf-8').read(), re.M)
IDS = [i for i in ids if i != 'id']
assert len(IDS) == 26, IDS
errs, out = [], []
def load(fn, prefix):
    rows = []
    for n, ln in enumerate(open(os.path.join(NLU, fn), encoding='utf-8'), 1):
        try:
            o = json.loads(ln)
        except Exception as e:
            errs.append('%s:%d parse %s' % (fn, n, e)); continue
        if o.get('id') != '%s-%04d' % (prefix, n):
            errs.append('%s:%d bad id %s' % (fn, n, o.get('id')))
        if not isinstance(o.get('text'), str) or not o['text'].strip():
            errs.append('%s:%d empty text' % (fn, n))
        rows.append(o)
    return rows
zh = load('zh-blind-r8.jsonl', 'zb8'); cx = load('context-r8.jsonl', 'cx8')
mq = load('multi-question-r8.jsonl', 'mq8'); en = load('en-aliexpress-r8.jsonl', 'en8')
for name, rows in (('zh', zh), ('en', en)):
    for o in rows:
        if set(o) != {'id', 'text', 'intent', 'secondary'}: errs.append('%s %s keys' % (name, o['id']))
        if o['intent'] not in IDS: errs.append('%s %s label %s' % (name, o['id'], o['intent']))
        if o['secondary'] is not None and (o['secondary'] not in IDS or o['secondary'] == o['intent']):
            errs.append('%s %s secondary %s' % (name, o['id'], o['secondary']))
for o in cx:
    if set(o) != {'id', 'context', 'text', 'intent'}: errs.append('cx %s keys' % o['id'])
    if o['intent'] not in IDS: errs.append('cx %s label' % o['id'])
    if not (1 <= len(o['context']) <= 2) or any(not c.strip() for c in o['context']): errs.append('cx %s context' % o['id'])
for o in mq:
    it = o['intents']
    if set(o) != {'id', 'text', 'intents'}: errs.append('mq %s keys' % o['id'])
    if not (2 <= len(it) <= 3) or len(set(it)) != len(it) or any(i not in IDS or i == 'other' for i in it):
        errs.append('mq %s intents %s' % (o['id'], it))
    if 'complaint' in it and it[0] != 'complaint': errs.append('mq %s complaint not first' % o['id'])
    if 'quality_issue' in it and it.index('quality_issue') != (1 if 'complaint' in it else 0):
        errs.append('mq %s quality_issue position' % o['id'])
# uniqueness
def nz(s): return s.strip()
for name, rows in (('zh', zh), ('en', en), ('mq', mq)):
    c = collections.Counter(nz(o['text']) for o in rows)
    errs += ['%s dup text %s' % (name, t) for t, k in c.items() if k > 1]
c = collections.Counter((tuple(o['context']), o['text']) for o in cx)
errs += ['cx dup pair %s' % (t,) for t, k in c.items() if k > 1]
alltexts = collections.Counter([nz(o['text']) for o in zh + en + mq] + list({nz(o['text']) for o in cx}))
errs += ['cross-file dup %s' % t for t, k in alltexts.items() if k > 1]
dis = set(open(os.path.join(HERE, 'distractors.txt')).read().split())
lang = dict(l.split('\t') for l in open(os.path.join(HERE, 'mq-lang.txt')).read().split('\n') if l)
# counts
czh = collections.Counter(o['intent'] for o in zh); czs = collections.Counter(o['secondary'] for o in zh if o['secondary'])
cen = collections.Counter(o['intent'] for o in en); ces = collections.Counter(o['secondary'] for o in en if o['secondary'])
cce = collections.Counter(o['intent'] for o in cx if o['id'] not in dis); ccd = collections.Counter(o['intent'] for o in cx if o['id'] in dis)
cmf = collections.Counter(o['intents'][0] for o in mq); cma = collections.Counter(i for o in mq for i in o['intents'])
for i in IDS:
    if czh[i] < 12: errs.append('zh %s only %d' % (i, czh[i]))
    if cen[i] < 8: errs.append('en %s only %d' % (i, cen[i]))
if len(zh) < 540 or len(cx) < 170 or len(mq) < 150 or len(en) < 280: errs.append('minimum size not met')
out.append('| intent | zh-blind-r8 | zh secondary | en-aliexpress-r8 | en secondary | context ellipsis | context distractor | multi-q first | multi-q any position |')
out.append('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
for i in IDS:
    out.append('| %s | %d | %d | %d | %d | %d | %d | %d | %d |' % (i, czh[i], czs[i], cen[i], ces[i], cce[i], ccd[i], cmf[i], cma[i]))
out.append('| **total** | %d | %d | %d | %d | %d | %d | %d | %d |' % (len(zh), sum(czs.values()), len(en), sum(ces.values()), sum(cce.values()), sum(ccd.values()), len(mq), sum(cma.values())))
def is_en(s): return sum(ch.isascii() for ch in s) > 0.8 * len(s)
out.append('')
out.append('context: %d items, %d ellipsis, %d distractor, %d with two earlier turns, %d English' % (len(cx), len(cx) - len(dis), len(dis), sum(len(o['context']) == 2 for o in cx), sum(is_en(o['text']) for o in cx)))
out.append('multi-question: %d items, %d zh, %d en, %d with two intents, %d with three' % (len(mq), sum(v == 'zh' for v in lang.values()), sum(v == 'en' for v in lang.values()), sum(len(o['intents']) == 2 for o in mq), sum(len(o['intents']) == 3 for o in mq)))
L = sorted(len(o['text']) for o in zh)
out.append('zh text length: min %d, median %d, max %d' % (L[0], L[len(L) // 2], L[-1]))
out.append('errors: %d' % len(errs))
out += errs
print('\n'.join(out))
open(os.path.join(HERE, 'validate_out.txt'), 'w', encoding='utf-8').write('\n'.join(out) + '\n')
