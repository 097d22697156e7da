#!/usr/bin/env python3
"""Check blind-r11.jsonl / compliant-r11.jsonl format, labels, contexts and minimums; print counts."""
import json, os, re, unicodedata
from collections import Counter, defaultdict
HERE = os.path.dirname(os.path.abspath(__file__)); SETS = os.path.dirname(HERE)
KEYS = ['id', 'text', 'platform', 'context', 'expect', 'note']
RULES = {f'D{i}' for i in range(1, 12)}
PLATS = ['taobao', 'tmall', 'jd', 'pdd', 'aliexpress']
CJK = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')
err = []

def norm(t):
    t = unicodedata.normalize('NFKC', t).lower()
    return ''.join(ch for ch in t if unicodedata.category(ch)[0] in 'LN')

def load(name, pre):
    rows = []
    for n, line in enumerate(open(os.path.join(SETS, name), encoding='utf-8'), 1):
        o = json.loads(line)
        if list(o) != KEYS: err.append(f'{name}:{n} keys {list(o)}')
        if not re.fullmatch(pre + r'-\d{4}', o['id']): err.append(f'{name}:{n} id')
        if o['platform'] not in PLATS: err.append(f'{name}:{n} platform')
        if set(o['context']) != {'free_shipping', 'asker_is_buyer'}: err.append(f'{name}:{n} context')
        for r in o['expect']:
            if r not in RULES: err.append(f'{name}:{n} rule {r}')
        en = o['note'].startswith('en ') or o['note'].startswith('compliant: en ')
        if en and o['platform'] != 'aliexpress': err.append(f'{name}:{n} english not on ae')
        if not CJK.search(o['text']) and re.search('[A-Za-z]', o['text']) and not o['note'].startswith('pinyin') and not en:
            err.append(f'{name}:{n} english without en note')
        if o['note'].startswith('pinyin') and o['platform'] == 'aliexpress': err.append(f'{name}:{n} pinyin on ae')
        if 'D5' in o['expect'] and not o['context']['free_shipping']: err.append(f'{name}:{n} D5 fs')
        if 'D6' in o['expect'] and o['context']['asker_is_buyer']: err.append(f'{name}:{n} D6 buyer')
        if CJK.search(o['text']) and o['platform'] == 'aliexpress' and {'D5', 'D6'} & set(o['expect']):
            err.append(f'{name}:{n} zh D5/D6 on ae')
        rows.append(o)
    if len({o['id'] for o in rows}) != len(rows): err.append(f'{name} duplicate ids')
    return rows

b = load('blind-r11.jsonl', 'b11'); c = load('compliant-r11.jsonl', 'c11')
seen = {}
for o in b + c:
    k = norm(o['text']) or o['text']
    if k in seen: err.append(f"duplicate text {o['id']} {seen[k]}")
    seen[k] = o['id']
for o in c:
    if o['expect'] != [] or not o['note'].startswith('compliant: '): err.append(f"{o['id']} compliant format")
    if re.search(r'1[3-9]\d{9}', re.sub(r'\D', '', o['text'])) and len(re.sub(r'\D', '', o['text'])) == 11:
        err.append(f"{o['id']} mobile-like number")
isen = lambda o: o['note'].startswith('en ') or o['note'].startswith('compliant: en ')
viol = [o for o in b if o['expect']]; ok = [o for o in b if not o['expect']]
per = defaultdict(Counter)
for o in b:
    for r in (o['expect'] or ['(none)']):
        per[r][o['platform']] += 1; per[r]['all'] += 1; per[r]['en'] += isen(o)
out = []
out.append(f'blind {len(b)}: violating {len(viol)}, look-alikes {len(ok)}, English {sum(map(isen, b))} '
           f'(violating {sum(map(isen, viol))}, look-alikes {sum(map(isen, ok))}), two-rule {sum(len(o["expect"])>1 for o in b)}')
out.append('| expect contains | lines | taobao | tmall | jd | pdd | aliexpress | English |')
out.append('|---|---|---|---|---|---|---|---|')
for r in sorted(RULES, key=lambda x: int(x[1:])) + ['(none)']:
    p = per[r]; out.append(f"| {r} | {p['all']} | " + ' | '.join(str(p[x]) for x in PLATS) + f" | {p['en']} |")
    if r != '(none)':
        if p['all'] < 30: err.append(f'{r} under 30')
        for x in PLATS:
            if p[x] == 0: err.append(f'{r} missing platform {x}')
allp = Counter(o['platform'] for o in b)
out.append('| all lines | %d | ' % len(b) + ' | '.join(str(allp[x]) for x in PLATS) + f' | {sum(map(isen, b))} |')
L = sorted(len(o['text']) for o in b)
out.append(f'blind length {L[0]}-{L[-1]}, median {L[len(L)//2]}; free_shipping true {sum(o["context"]["free_shipping"] for o in b)}; '
           f'asker_is_buyer false {sum(not o["context"]["asker_is_buyer"] for o in b)} '
           f'(D6 {sum("D6" in o["expect"] for o in b)}, other violations {sum(bool(o["expect"]) and "D6" not in o["expect"] and not o["context"]["asker_is_buyer"] for o in b)}, '
           f'look-alikes {sum(not o["expect"] and not o["context"]["asker_is_buyer"] for o in b)})')
out.append(f'pinyin lines {sum(o["note"].startswith("pinyin") for o in b)}')
cp = Counter(o['platform'] for o in c); ce = sum(map(isen, c))
out.append(f'compliant {len(c)}: ' + ', '.join(f'{x} {cp[x]}' for x in PLATS) + f'; English {ce} ({100*ce/len(c):.0f} %), '
           f'Chinese on aliexpress {cp["aliexpress"]-ce}')
tp = Counter(o['note'].replace('compliant: ', '').replace('en ', '') for o in c)
out.append('topics: ' + ', '.join(f'{k} {v}' for k, v in tp.most_common()))
L = sorted(len(o['text']) for o in c)
out.append(f'compliant length {L[0]}-{L[-1]}, median {L[len(L)//2]}; free_shipping true {sum(o["context"]["free_shipping"] for o in c)}; '
           f'asker_is_buyer false {sum(not o["context"]["asker_is_buyer"] for o in c)}')
ae_b = [o for o in b if o['platform'] == 'aliexpress']
out.append(f'aliexpress blind lines {len(ae_b)}, English share of all blind {100*sum(map(isen,b))/len(b):.0f} %')
if len(b) < 560: err.append('blind < 560')
if len(viol) < 380: err.append('violating < 380')
if len(ok) < 180: err.append('look-alikes < 180')
if len(c) < 500: err.append('compliant < 500')
out.append('RESULT: ' + ('OK, no errors' if not err else 'ERRORS:\n' + '\n'.join(err)))
open(os.path.join(HERE, 'validate_out.txt'), 'w').write('\n'.join(out) + '\n')
print('\n'.join(out))
