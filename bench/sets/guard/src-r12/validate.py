#!/usr/bin/env python3
"""Validate blind-r12.jsonl and compliant-r12.jsonl; writes validate_out.txt."""
import json, re, os, unicodedata
from collections import Counter, defaultdict
G = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CJK = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')
LAT = re.compile(r'[A-Za-z]')
RULES = {'D%d' % i for i in range(1, 12)}
PLATS = {'taobao', 'tmall', 'jd', 'pdd', 'aliexpress'}
KEYS = ['id', 'text', 'platform', 'context', 'expect', 'note']
err = []; out = []
def norm(t):
    t = unicodedata.normalize('NFKC', t).lower(); n = ''.join(c for c in t if c.isalnum())
    return n if n else '#' + ''.join(t.split())
seen = {}
def load(kind, prefix):
    rows = []
    for i, line in enumerate(open(os.path.join(G, kind + '-r12.jsonl'), encoding='utf-8'), 1):
        try: o = json.loads(line)
        except Exception as e: err.append('%s:%d parse %s' % (kind, i, e)); continue
        if list(o) != KEYS: err.append('%s keys' % o.get('id'))
        if not re.fullmatch(prefix + r'-\d{4}', o['id']) or o['id'] != '%s-%04d' % (prefix, i): err.append('id %s' % o['id'])
        if o['platform'] not in PLATS: err.append('platform %s' % o['id'])
        if list(o['context']) != ['free_shipping', 'asker_is_buyer'] or not all(isinstance(v, bool) for v in o['context'].values()): err.append('context %s' % o['id'])
        n = norm(o['text'])
        if n in seen: err.append('duplicate text %s %s' % (o['id'], seen[n]))
        seen[n] = o['id']
        eng = bool(LAT.search(o['text'])) and not CJK.search(o['text']) and not o['note'].startswith(('pinyin:', 'compliant:'))
        if kind == 'compliant':
            eng = bool(LAT.search(o['text'])) and not CJK.search(o['text'])
            if o['expect'] != []: err.append('compliant expect %s' % o['id'])
            if not o['note'].startswith('compliant: '): err.append('note %s' % o['id'])
            if eng != o['note'].startswith('compliant: en '): err.append('en note %s' % o['id'])
            if re.search(r'(?<!\d)1[3-9]\d{9}(?!\d)', o['text']): err.append('mobile-like %s' % o['id'])
        else:
            if eng != o['note'].startswith('en '): err.append('en note %s' % o['id'])
            for r in o['expect']:
                if r not in RULES: err.append('rule %s %s' % (r, o['id']))
            if len(set(o['expect'])) != len(o['expect']): err.append('dup rule %s' % o['id'])
            if 'D5' in o['expect'] and not o['context']['free_shipping']: err.append('D5 fs %s' % o['id'])
            if 'D6' in o['expect'] and o['context']['asker_is_buyer']: err.append('D6 buyer %s' % o['id'])
            if not eng and o['platform'] == 'aliexpress' and ({'D5', 'D6'} & set(o['expect'])): err.append('zh D5/D6 on ae %s' % o['id'])
            if o['note'].startswith('pinyin:') and o['platform'] == 'aliexpress': err.append('pinyin on ae %s' % o['id'])
        if eng and o['platform'] != 'aliexpress': err.append('english not ae %s' % o['id'])
        o['_en'] = eng
        rows.append(o)
    return rows
B = load('blind', 'b12'); C = load('compliant', 'c12')
viol = [o for o in B if o['expect']]; ok = [o for o in B if not o['expect']]
per = defaultdict(Counter)
for o in B:
    for r in (o['expect'] or ['(none)']):
        per[r][o['platform']] += 1; per[r]['all'] += 1; per[r]['en'] += o['_en']
for r in sorted(RULES, key=lambda x: int(x[1:])):
    if per[r]['all'] < 30: err.append('rule %s only %d' % (r, per[r]['all']))
    miss = [p for p in PLATS if per[r][p] == 0]
    if miss: err.append('rule %s missing platforms %s' % (r, miss))
if len(B) < 560 or len(viol) < 380 or len(ok) < 180 or len(C) < 500: err.append('minimums')
out.append('blind %d lines: violating %d, look-alikes %d, two-rule %d, English %d (viol %d, look-alike %d), pinyin %d' % (
    len(B), len(viol), len(ok), sum(len(o['expect']) == 2 for o in B), sum(o['_en'] for o in B),
    sum(o['_en'] for o in viol), sum(o['_en'] for o in ok), sum(o['note'].startswith('pinyin:') for o in B)))
out.append('| expect contains | lines | taobao | tmall | jd | pdd | aliexpress | English |')
for r in sorted(RULES, key=lambda x: int(x[1:])) + ['(none)']:
    c = per[r]; out.append('| %s | %d | %d | %d | %d | %d | %d | %d |' % (r, c['all'], c['taobao'], c['tmall'], c['jd'], c['pdd'], c['aliexpress'], c['en']))
pc = Counter(o['platform'] for o in B); out.append('blind platforms %s' % dict(pc))
out.append('blind free_shipping true %d / false %d; asker_is_buyer false %d (D6 %d, other violations %d, look-alikes %d)' % (
    sum(o['context']['free_shipping'] for o in B), sum(not o['context']['free_shipping'] for o in B),
    sum(not o['context']['asker_is_buyer'] for o in B), sum(not o['context']['asker_is_buyer'] and 'D6' in o['expect'] for o in B),
    sum(bool(not o['context']['asker_is_buyer'] and o['expect'] and 'D6' not in o['expect']) for o in B),
    sum(not o['context']['asker_is_buyer'] and not o['expect'] for o in B)))
L = sorted(len(o['text']) for o in B); out.append('blind length %d-%d median %d' % (L[0], L[-1], L[len(L)//2]))
out.append('compliant %d lines, English %d; platforms %s' % (len(C), sum(o['_en'] for o in C), dict(Counter(o['platform'] for o in C))))
out.append('compliant aliexpress Chinese %d' % sum(o['platform'] == 'aliexpress' and not o['_en'] for o in C))
out.append('compliant topics %s' % dict(Counter(o['note'].split()[-1] for o in C).most_common()))
out.append('compliant free_shipping true %d; asker_is_buyer false %d' % (sum(o['context']['free_shipping'] for o in C), sum(not o['context']['asker_is_buyer'] for o in C)))
L = sorted(len(o['text']) for o in C); out.append('compliant length %d-%d median %d' % (L[0], L[-1], L[len(L)//2]))
out.append('RESULT: ' + ('OK, no errors' if not err else '%d errors' % len(err)))
out += err
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'validate_out.txt'), 'w').write('\n'.join(out) + '\n')
print('\n'.join(out))
