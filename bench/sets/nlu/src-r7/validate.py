"""Validate the r7 JSON Lines files and count labels; writes validate_out.txt."""
import json, os, re, collections
from common import HERE
NLU = os.path.dirname(HERE)
ids_ok = re.findall(r'^\| ([a-z_]+) \|', open('/work/shared/INTENTS.md', encoding='utf-8').read(), re.M)
INTENTS = [i for i in ids_ok if i != 'id']
assert len(INTENTS) == 26, INTENTS
errs, out = [], []
def load(fn, prefix):
    rows = []
    for n, line in enumerate(open(os.path.join(NLU, fn), encoding='utf-8'), 1):
        try: rows.append(json.loads(line))
        except Exception as e: errs.append(f'{fn}:{n} does not parse: {e}')
    ids = [r['id'] for r in rows]
    if len(set(ids)) != len(ids): errs.append(f'{fn}: duplicate ids')
    for i, r in enumerate(rows, 1):
        if r['id'] != f'{prefix}-{i:04d}': errs.append(f'{fn}: bad id {r["id"]}')
        if not r.get('text', '').strip(): errs.append(f'{fn}: empty text {r["id"]}')
    return rows
def chk(fn, r, lab):
    if lab not in INTENTS: errs.append(f'{fn}: {r["id"]} unknown label {lab}')

files = {}
for fn, p in [('zh-blind-r7.jsonl', 'zb7'), ('en-aliexpress-r7.jsonl', 'en7')]:
    rows = load(fn, p); files[fn] = rows
    if len({r['text'] for r in rows}) != len(rows): errs.append(f'{fn}: repeated text')
    for r in rows:
        if set(r) != {'id', 'text', 'intent', 'secondary'}: errs.append(f'{fn}: keys {r["id"]}')
        chk(fn, r, r['intent'])
        if r['secondary'] is not None:
            chk(fn, r, r['secondary'])
            if r['secondary'] == r['intent']: errs.append(f'{fn}: secondary==intent {r["id"]}')
cx = load('context-r7.jsonl', 'cx7'); files['context-r7.jsonl'] = cx
dis = set(open(os.path.join(HERE, 'distractors.txt')).read().split())
if len({(tuple(r['context']), r['text']) for r in cx}) != len(cx): errs.append('context: repeated pair')
for r in cx:
    if set(r) != {'id', 'context', 'text', 'intent'}: errs.append(f'context keys {r["id"]}')
    if not (1 <= len(r['context']) <= 2) or not all(isinstance(t, str) and t.strip() for t in r['context']):
        errs.append(f'context turns {r["id"]}')
    chk('context', r, r['intent'])
mq = load('multi-question-r7.jsonl', 'mq7'); files['multi-question-r7.jsonl'] = mq
lang = dict(l.split('\t') for l in open(os.path.join(HERE, 'mq-lang.txt')).read().split('\n') if l)
if len({r['text'] for r in mq}) != len(mq): errs.append('mq: repeated text')
for r in mq:
    it = r['intents']
    if set(r) != {'id', 'text', 'intents'}: errs.append(f'mq keys {r["id"]}')
    if not (2 <= len(it) <= 3) or len(set(it)) != len(it): errs.append(f'mq intents {r["id"]}')
    for l in it: chk('mq', r, l)
    if 'other' in it: errs.append(f'mq other {r["id"]}')
    if 'complaint' in it and it[0] != 'complaint': errs.append(f'mq complaint not first {r["id"]}')
    if 'quality_issue' in it:
        pos = it.index('quality_issue')
        if not (pos == 0 or (pos == 1 and it[0] == 'complaint')): errs.append(f'mq quality_issue position {r["id"]}')
# cross-file text repeats
allt = collections.Counter()
for fn in ('zh-blind-r7.jsonl', 'en-aliexpress-r7.jsonl', 'multi-question-r7.jsonl', 'context-r7.jsonl'):
    for t in {r['text'] for r in files[fn]}: allt[t] += 1
rep = [t for t, c in allt.items() if c > 1]
zh, en = files['zh-blind-r7.jsonl'], files['en-aliexpress-r7.jsonl']
C = lambda rows, key: collections.Counter(r[key] for r in rows if r[key] is not None)
zc, zs, ec, es = C(zh, 'intent'), C(zh, 'secondary'), C(en, 'intent'), C(en, 'secondary')
ce = collections.Counter(r['intent'] for r in cx if r['id'] not in dis)
cd = collections.Counter(r['intent'] for r in cx if r['id'] in dis)
mf = collections.Counter(r['intents'][0] for r in mq)
ma = collections.Counter(l for r in mq for l in r['intents'])
nz = sum(1 for r in mq if lang[r['id']] == 'zh')
out.append(f'lines: zh-blind-r7 {len(zh)}, context-r7 {len(cx)} ({len(cx)-len(dis)} ellipsis, {len(dis)} distractor, '
           f'{sum(1 for r in cx if len(r["context"]) == 2)} with two turns, '
           f'{sum(1 for r in cx if re.search("[a-zA-Z]{3}", r["text"]) and not re.search("[一-鿿]", r["text"]))} English), '
           f'multi-question-r7 {len(mq)} ({nz} Chinese, {len(mq)-nz} English; '
           f'{sum(1 for r in mq if len(r["intents"])==2)} with two intents, {sum(1 for r in mq if len(r["intents"])==3)} with three), '
           f'en-aliexpress-r7 {len(en)}')
out.append(f'lines with a secondary: zh {sum(zs.values())}, en {sum(es.values())}')
out.append('cross-file repeated texts: ' + (', '.join(rep) if rep else 'none'))
out.append('')
out.append('| intent | zh-blind-r7 | zh secondary | en-aliexpress-r7 | en secondary | context ellipsis | context distractor | multi-q first | multi-q any position |')
out.append('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
tot = [0] * 8
for i in INTENTS:
    v = [zc[i], zs[i], ec[i], es[i], ce[i], cd[i], mf[i], ma[i]]
    tot = [a + b for a, b in zip(tot, v)]
    out.append(f'| {i} | ' + ' | '.join(map(str, v)) + ' |')
out.append('| **total** | ' + ' | '.join(map(str, tot)) + ' |')
out.append('')
lens = sorted(len(r['text']) for r in zh)
out.append(f'zh text length: min {lens[0]}, median {lens[len(lens)//2]}, max {lens[-1]}, 30+ chars: {sum(1 for l in lens if l >= 30)}')
out.append('errors: ' + (str(len(errs)) if errs else '0') + ('\n' + '\n'.join(errs) if errs else ''))
open(os.path.join(HERE, 'validate_out.txt'), 'w', encoding='utf-8').write('\n'.join(out) + '\n')
print('\n'.join(out))
