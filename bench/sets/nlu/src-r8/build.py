#!/usr/bin/env python3
"""Parse the hand-written lists in this folder into the four r8 JSON Lines files.
Only parses and shuffles (fixed seeds); it writes no sentence and no label."""
import json, os, random
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
SEED = 20261230

def lines(name):
    with open(os.path.join(HERE, name), encoding='utf-8') as f:
        for ln in f:
            ln = ln.rstrip('\n').strip()
            if not ln or ln.startswith('#') and not ln.startswith('## '):
                continue
            yield ln

def grouped(name):
    """'## intent' headers; 'text || secondary' optional."""
    items, cur = [], None
    for ln in lines(name):
        if ln.startswith('## '):
            cur = ln[3:].strip(); continue
        sec = None
        if ' || ' in ln:
            ln, sec = ln.rsplit(' || ', 1); sec = sec.strip()
        items.append({'text': ln.strip(), 'intent': cur, 'secondary': sec})
    return items

def write(fname, rows):
    with open(os.path.join(OUT, fname), 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')

# zh-blind
zh = grouped('zh.txt')
random.Random(SEED).shuffle(zh)
write('zh-blind-r8.jsonl', [{'id': 'zb8-%04d' % (i + 1), 'text': r['text'], 'intent': r['intent'], 'secondary': r['secondary']} for i, r in enumerate(zh)])

# context: "intent[*] | turn1 >> [turn2 >>] follow-up"  (* = distractor)
cx = []
for ln in lines('context.txt'):
    lab, rest = ln.split(' | ', 1)
    lab = lab.strip(); dis = lab.endswith('*'); lab = lab.rstrip('*')
    parts = [p.strip() for p in rest.split(' >> ')]
    cx.append({'context': parts[:-1], 'text': parts[-1], 'intent': lab, 'distractor': dis})
random.Random(SEED + 1).shuffle(cx)
rows, dis = [], []
for i, r in enumerate(cx):
    cid = 'cx8-%04d' % (i + 1)
    rows.append({'id': cid, 'context': r['context'], 'text': r['text'], 'intent': r['intent']})
    if r['distractor']:
        dis.append(cid)
write('context-r8.jsonl', rows)
with open(os.path.join(HERE, 'distractors.txt'), 'w') as f:
    f.write('\n'.join(dis) + '\n')

# multi-question: "intent1,intent2[,intent3] | text"
mq = []
for name, lang in (('mq-zh.txt', 'zh'), ('mq-en.txt', 'en')):
    for ln in lines(name):
        lab, text = ln.split(' | ', 1)
        mq.append({'text': text.strip(), 'intents': [x.strip() for x in lab.split(',')], 'lang': lang})
random.Random(SEED + 2).shuffle(mq)
write('multi-question-r8.jsonl', [{'id': 'mq8-%04d' % (i + 1), 'text': r['text'], 'intents': r['intents']} for i, r in enumerate(mq)])
with open(os.path.join(HERE, 'mq-lang.txt'), 'w') as f:
    for i, r in enumerate(mq):
        f.write('mq8-%04d\t%s\n' % (i + 1, r['lang']))

# en-aliexpress
en = grouped('en.txt')
random.Random(SEED + 3).shuffle(en)
write('en-aliexpress-r8.jsonl', [{'id': 'en8-%04d' % (i + 1), 'text': r['text'], 'intent': r['intent'], 'secondary': r['secondary']} for i, r in enumerate(en)])
print('zh', len(zh), 'context', len(cx), 'distractors', len(dis), 'mq', len(mq), 'en', len(en))
