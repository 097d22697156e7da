#!/usr/bin/env python3
"""Parse the hand-written lists of src-r10 into the round-10 JSON Lines files (fixed-seed shuffle)."""
import json, random, os
H = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.dirname(H)
def lines(fn):
    for ln in open(os.path.join(H, fn), encoding='utf-8'):
        ln = ln.rstrip('\n')
        if not ln.strip() or ln.startswith('#'): continue
        yield ln
def single(fn):
    items = []
    for ln in lines(fn):
        lab, text = ln.split('|', 1)
        a, _, b = lab.strip().partition('+')
        items.append({"text": text.strip(), "intent": a, "secondary": b or None})
    return items
SEED = 20261360
def write(name, prefix, items, k):
    random.Random(SEED + k).shuffle(items)
    ids = []
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        for i, it in enumerate(items, 1):
            d = {"id": "%s-%04d" % (prefix, i)}; d.update(it)
            extra = {k2: d.pop(k2) for k2 in list(d) if k2.startswith('_')}
            f.write(json.dumps(d, ensure_ascii=False) + '\n'); ids.append((d["id"], extra))
    return ids
write('zh-blind-r10.jsonl', 'zh10', single('zh.txt'), 0)
cx = []
for ln in lines('context.txt'):
    lab, ctx, text = ln.split('|', 2)
    lab = lab.strip(); dis = lab.startswith('!')
    cx.append({"context": [t.strip() for t in ctx.split('//')], "text": text.strip(), "intent": lab.lstrip('!'), "_dis": dis})
ids = write('context-r10.jsonl', 'cx10', cx, 1)
open(os.path.join(H, 'distractors.txt'), 'w').write('\n'.join(i for i, e in ids if e['_dis']) + '\n')
mq = []
for fn, lang in (('mq-zh.txt', 'zh'), ('mq-en.txt', 'en')):
    for ln in lines(fn):
        lab, text = ln.split('|', 1)
        mq.append({"text": text.strip(), "intents": [x.strip() for x in lab.split(',')], "_lang": lang})
ids = write('multi-question-r10.jsonl', 'mq10', mq, 2)
open(os.path.join(H, 'mq-lang.txt'), 'w').write(''.join('%s %s\n' % (i, e['_lang']) for i, e in ids))
write('en-aliexpress-r10.jsonl', 'en10', single('en.txt'), 3)
print('built')
