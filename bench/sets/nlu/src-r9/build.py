# Parses the hand-written lists into JSON Lines; fixed-seed shuffle so ids carry no label information.
import json, random, os
H = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.dirname(H)
def lines(fn):
    for l in open(os.path.join(H, fn), encoding='utf-8'):
        l = l.rstrip('\n')
        if not l.strip() or l.startswith('#'): continue
        yield l
def simple(fn):  # "intent[|secondary]<TAB>text"
    r = []
    for l in lines(fn):
        lab, t = l.split('\t', 1); p = lab.split('|')
        r.append({"text": t.strip(), "intent": p[0].strip(), "secondary": p[1].strip() if len(p) > 1 else None})
    return r
def write(name, prefix, items, seed):
    random.Random(seed).shuffle(items)
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        for i, it in enumerate(items, 1):
            f.write(json.dumps({"id": "%s-%04d" % (prefix, i), **it}, ensure_ascii=False) + '\n')
    return items
S = 20261330
write('zh-blind-r9.jsonl', 'zb9', simple('zh.txt'), S + 0)
cx = []
for l in lines('context.txt'):  # "intent<TAB>E|D<TAB>turn1 || turn2<TAB>text"
    lab, kind, ctx, t = l.split('\t')
    cx.append(({"context": [c.strip() for c in ctx.split('||')], "text": t.strip(), "intent": lab.strip()}, kind.strip()))
random.Random(S + 1).shuffle(cx)
with open(os.path.join(OUT, 'context-r9.jsonl'), 'w', encoding='utf-8') as f, open(os.path.join(H, 'distractors.txt'), 'w') as d:
    for i, (it, k) in enumerate(cx, 1):
        iid = "cx9-%04d" % i
        f.write(json.dumps({"id": iid, **it}, ensure_ascii=False) + '\n')
        if k == 'D': d.write(iid + '\n')
mq = []
for fn, lang in (('mq-zh.txt', 'zh'), ('mq-en.txt', 'en')):
    for l in lines(fn):  # "i1,i2[,i3]<TAB>text"
        lab, t = l.split('\t', 1)
        mq.append(({"text": t.strip(), "intents": [x.strip() for x in lab.split(',')]}, lang))
random.Random(S + 2).shuffle(mq)
with open(os.path.join(OUT, 'multi-question-r9.jsonl'), 'w', encoding='utf-8') as f, open(os.path.join(H, 'mq-lang.txt'), 'w') as d:
    for i, (it, lang) in enumerate(mq, 1):
        iid = "mq9-%04d" % i
        f.write(json.dumps({"id": iid, **it}, ensure_ascii=False) + '\n'); d.write(iid + '\t' + lang + '\n')
write('en-aliexpress-r9.jsonl', 'en9', simple('en.txt'), S + 3)
print('built')
