#!/usr/bin/env python3
"""Validate blind-r10.jsonl and compliant-r10.jsonl and print counts."""
import json, os, re, unicodedata, statistics
from collections import Counter, defaultdict
HERE = os.path.dirname(os.path.abspath(__file__))
SETS = os.path.dirname(HERE)
CJK = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')
RULES = {f'D{i}' for i in range(1, 12)}
PLAT = ['taobao', 'tmall', 'jd', 'pdd', 'aliexpress']
KEYS = ['id', 'text', 'platform', 'context', 'expect', 'note']
errors = []

def is_en(o):
    return not CJK.search(o['text']) and not o['note'].startswith('pinyin')

def norm(t):
    t = unicodedata.normalize('NFKC', t).lower()
    return ''.join(ch for ch in t if not (ch.isspace() or unicodedata.category(ch)[0] in 'PZ'))

def load(name, pat):
    rows = []
    for n, line in enumerate(open(os.path.join(SETS, name), encoding='utf-8'), 1):
        try:
            o = json.loads(line)
        except Exception as e:
            errors.append(f'{name}:{n} does not parse: {e}'); continue
        if list(o) != KEYS:
            errors.append(f'{name}:{n} keys {list(o)}')
        if not re.fullmatch(pat, o['id']):
            errors.append(f'{name}:{n} bad id {o["id"]}')
        if o['platform'] not in PLAT:
            errors.append(f'{name}:{n} bad platform')
        if set(o['context']) != {'free_shipping', 'asker_is_buyer'}:
            errors.append(f'{name}:{n} bad context')
        for r in o['expect']:
            if r not in RULES:
                errors.append(f'{name}:{n} bad rule {r}')
        en = not CJK.search(o['text']) and not o['note'].startswith('pinyin')
        if o['note'].startswith('pinyin') and o['platform'] == 'aliexpress':
            errors.append(f'{name}:{n} pinyin line on aliexpress')
        if en and (o['platform'] != 'aliexpress'):
            errors.append(f'{name}:{n} English line not on aliexpress')
        if en and not (o['note'].startswith('en') or o['note'].startswith('compliant: en ')):
            errors.append(f'{name}:{n} English line without en note')
        if 'D5' in o['expect'] and not o['context']['free_shipping']:
            errors.append(f'{name}:{n} D5 without free_shipping')
        if 'D6' in o['expect'] and o['context']['asker_is_buyer']:
            errors.append(f'{name}:{n} D6 with asker_is_buyer true')
        if ('D5' in o['expect'] or 'D6' in o['expect']) and not en and o['platform'] == 'aliexpress':
            errors.append(f'{name}:{n} Chinese D5/D6 on aliexpress')
        rows.append(o)
    return rows

blind = load('blind-r10.jsonl', r'b10-\d{4}')
comp = load('compliant-r10.jsonl', r'c10-\d{4}')
ids = [o['id'] for o in blind + comp]
if len(ids) != len(set(ids)):
    errors.append('duplicate ids')
seen = {}
for o in blind + comp:
    k = norm(o['text'])
    if k in seen:
        errors.append(f'duplicate text {o["id"]} = {seen[k]}')
    seen[k] = o['id']
for o in comp:
    if o['expect'] != []:
        errors.append(f'{o["id"]} compliant with expect')
    if not o['note'].startswith('compliant: '):
        errors.append(f'{o["id"]} note')
    if re.search(r'(?<!\d)1[3-9]\d{9}(?!\d)', o['text']):
        errors.append(f'{o["id"]} compliant line with mobile-like number')

out = []
P = out.append
P('# validate.py output')
P(f'errors: {len(errors)}')
for e in errors: P('  ' + e)
viol = [o for o in blind if o['expect']]
look = [o for o in blind if not o['expect']]
en_b = [o for o in blind if is_en(o)]
P(f'\n## blind-r10.jsonl: {len(blind)} lines, violating {len(viol)}, look-alikes (expect []) {len(look)}')
P(f'English {len(en_b)} (violating {sum(1 for o in en_b if o["expect"])}, look-alikes {sum(1 for o in en_b if not o["expect"])})')
P('\n| expect contains | lines | ' + ' | '.join(PLAT) + ' | English |')
P('|---|---|' + '---|' * (len(PLAT) + 1))
for r in sorted(RULES, key=lambda x: int(x[1:])) + ['(none: [])']:
    sel = [o for o in blind if (r in o['expect'] if r.startswith('D') else not o['expect'])]
    pc = Counter(o['platform'] for o in sel)
    P(f'| {r} | {len(sel)} | ' + ' | '.join(str(pc[p]) for p in PLAT) + f' | {sum(1 for o in sel if is_en(o))} |')
pc = Counter(o['platform'] for o in blind)
P(f'| all lines | {len(blind)} | ' + ' | '.join(str(pc[p]) for p in PLAT) + f' | {len(en_b)} |')
multi = Counter('+'.join(o['expect']) for o in blind if len(o['expect']) > 1)
P(f'\nmulti-rule lines: {sum(multi.values())} {dict(multi)}')
L = [len(o['text']) for o in blind]
P(f'length {min(L)}-{max(L)}, median {statistics.median(L)}; under 5 chars: {sum(1 for x in L if x < 5)}')
P(f'free_shipping true {sum(o["context"]["free_shipping"] for o in blind)} / false {sum(not o["context"]["free_shipping"] for o in blind)}')
ab = [o for o in blind if not o['context']['asker_is_buyer']]
P(f'asker_is_buyer false {len(ab)} (D6 {sum("D6" in o["expect"] for o in ab)}, other violations {sum(bool(o["expect"]) and "D6" not in o["expect"] for o in ab)}, compliant {sum(not o["expect"] for o in ab)})')
zh_ae = [o for o in blind if CJK.search(o['text']) and o['platform'] == 'aliexpress']
P(f'Chinese lines on aliexpress: {len(zh_ae)}; pinyin-only Chinese lines (not English, Chinese platform): {sum(1 for o in blind if o["note"].startswith("pinyin"))}')

en_c = [o for o in comp if is_en(o)]
P(f'\n## compliant-r10.jsonl: {len(comp)} lines, all expect []')
pc = Counter(o['platform'] for o in comp)
P('per platform: ' + ', '.join(f'{p} {pc[p]}' for p in PLAT))
P(f'English {len(en_c)}')
tc = Counter(o['note'].replace('compliant: en ', '').replace('compliant: ', '') for o in comp)
P('topics: ' + ', '.join(f'{t} {n}' for t, n in tc.most_common()))
L = [len(o['text']) for o in comp]
P(f'length {min(L)}-{max(L)}, median {statistics.median(L)}')
P(f'free_shipping true {sum(o["context"]["free_shipping"] for o in comp)} / false {sum(not o["context"]["free_shipping"] for o in comp)}; asker_is_buyer false {sum(not o["context"]["asker_is_buyer"] for o in comp)}')

# minimums of the brief
def need(cond, msg):
    if not cond: errors.append('minimum: ' + msg)
need(len(blind) >= 540, 'blind >= 540')
need(len(viol) >= 340, 'violating >= 340')
need(len(look) >= 190, 'look-alikes >= 190')
for r in RULES:
    need(sum(r in o['expect'] for o in blind) >= 25, f'{r} >= 25')
need(len(en_b) >= 160, 'English in blind >= 160')
need(len(comp) >= 500, 'compliant >= 500')
need(len(en_c) >= 85, 'English compliant >= 85')
P('\nminimum checks (blind>=540, violating>=340, look-alikes>=190, every rule>=25, English blind>=160, compliant>=500, English compliant>=85): ' + ('OK' if not errors else 'FAILED'))
P(f'RESULT: {"OK, no errors" if not errors else str(len(errors)) + " errors"}')
for e in errors[len(errors):]: pass
txt = '\n'.join(out)
if errors:
    txt += '\n' + '\n'.join('  ' + e for e in errors)
open(os.path.join(HERE, 'validate_out.txt'), 'w', encoding='utf-8').write(txt + '\n')
print(txt)
