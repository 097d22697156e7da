#!/usr/bin/env python3
"""Parse the hand-written lists of round 11 into JSON Lines (fixed-seed shuffle, then numbering)."""
import json, os, random
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
SEED = 20261460

def lines(name):
    with open(os.path.join(HERE, name), encoding='utf-8') as f:
        for ln in f:
            ln = ln.rstrip('\n')
            if ln.strip() and not ln.startswith('#'):
                yield ln

def single(files, prefix, seed, out):
    items = []
    for fn in files:
        for ln in lines(fn):
            lab, text = ln.split('|', 1)
            intent, _, sec = lab.partition('+')
            items.append((text.strip(), intent.strip(), sec.strip() or None))
    random.Random(seed).shuffle(items)
    with open(os.path.join(OUT, out), 'w', encoding='utf-8') as f:
        for i, (t, it, sec) in enumerate(items, 1):
            f.write(json.dumps({"id": f"{prefix}{i:04d}", "text": t, "intent": it, "secondary": sec}, ensure_ascii=False) + '\n')
    return len(items)

def context():
    items = []
    for ln in lines('context.txt'):
        lab, turns, text = ln.split('|', 2)
        dis = lab.startswith('!')
        ctx = [t.strip() for t in turns.split('//')]
        items.append((ctx, text.strip(), lab.lstrip('!').strip(), dis))
    random.Random(SEED + 1).shuffle(items)
    dl = []
    with open(os.path.join(OUT, 'context-r11.jsonl'), 'w', encoding='utf-8') as f:
        for i, (ctx, t, it, dis) in enumerate(items, 1):
            iid = f"cx11-{i:04d}"
            if dis: dl.append(iid)
            f.write(json.dumps({"id": iid, "context": ctx, "text": t, "intent": it}, ensure_ascii=False) + '\n')
    with open(os.path.join(HERE, 'distractors.txt'), 'w') as f:
        f.write('\n'.join(dl) + '\n')
    return len(items)

def mq():
    items = []
    for fn, lang in (('mq-zh.txt', 'zh'), ('mq-en.txt', 'en')):
        for ln in lines(fn):
            lab, text = ln.split('|', 1)
            items.append((text.strip(), [x.strip() for x in lab.split(',')], lang))
    random.Random(SEED + 2).shuffle(items)
    with open(os.path.join(OUT, 'multi-question-r11.jsonl'), 'w', encoding='utf-8') as f, \
         open(os.path.join(HERE, 'mq-lang.txt'), 'w') as g:
        for i, (t, its, lang) in enumerate(items, 1):
            iid = f"mq11-{i:04d}"
            f.write(json.dumps({"id": iid, "text": t, "intents": its}, ensure_ascii=False) + '\n')
            g.write(f"{iid} {lang}\n")
    return len(items)

if __name__ == '__main__':
    print('zh', single(['zh.txt'], 'zh11-', SEED + 0, 'zh-blind-r11.jsonl'))
    print('cx', context())
    print('mq', mq())
    print('en', single(['en.txt'], 'en11-', SEED + 3, 'en-aliexpress-r11.jsonl'))
