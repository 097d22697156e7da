"""Turn the hand-written r7 lists into JSON Lines. Only parses, shuffles (fixed seed) and numbers."""
import json, os, random
from common import HERE, parse_single, parse_multi, parse_context
OUT = os.path.dirname(HERE)
SEED = 20261210

def dump(path, rows):
    with open(os.path.join(OUT, path), 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')

zh = parse_single('zh.txt')
random.Random(SEED).shuffle(zh)
dump('zh-blind-r7.jsonl', [{'id': f'zb7-{i:04d}', 'text': it['text'], 'intent': it['intent'],
                            'secondary': it['secondary']} for i, it in enumerate(zh, 1)])

cx = parse_context('context.txt')
random.Random(SEED + 1).shuffle(cx)
rows, dis = [], []
for i, it in enumerate(cx, 1):
    rid = f'cx7-{i:04d}'
    rows.append({'id': rid, 'context': it['context'], 'text': it['text'], 'intent': it['intent']})
    if it['distractor']: dis.append(rid)
dump('context-r7.jsonl', rows)
open(os.path.join(HERE, 'distractors.txt'), 'w').write('\n'.join(dis) + '\n')

mq = [dict(it, lang='zh') for it in parse_multi('mq-zh.txt')] + [dict(it, lang='en') for it in parse_multi('mq-en.txt')]
random.Random(SEED + 2).shuffle(mq)
rows, lang = [], []
for i, it in enumerate(mq, 1):
    rid = f'mq7-{i:04d}'
    rows.append({'id': rid, 'text': it['text'], 'intents': it['intents']})
    lang.append(f"{rid}\t{it['lang']}")
dump('multi-question-r7.jsonl', rows)
open(os.path.join(HERE, 'mq-lang.txt'), 'w').write('\n'.join(lang) + '\n')

en = parse_single('en.txt')
random.Random(SEED + 3).shuffle(en)
dump('en-aliexpress-r7.jsonl', [{'id': f'en7-{i:04d}', 'text': it['text'], 'intent': it['intent'],
                                 'secondary': it['secondary']} for i, it in enumerate(en, 1)])
print('built', len(zh), len(cx), len(mq), len(en))
