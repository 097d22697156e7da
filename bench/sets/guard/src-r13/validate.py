#!/usr/bin/env python3
"""Validate blind-r13.jsonl / compliant-r13.jsonl; writes validate_out.txt."""
import json, re, os, unicodedata
from collections import Counter, defaultdict
HERE = os.path.dirname(os.path.abspath(__file__)); D = os.path.dirname(HERE)
RULES = {'D%d' % i for i in range(1, 12)}; PLATS = {'taobao', 'tmall', 'jd', 'pdd', 'aliexpress'}
CJK = re.compile(r'[\u3400-\u9fff]'); LAT = re.compile(r'[A-Za-z]')
err = []; out = []
def norm(t):
    n = ''.join(c for c in unicodedata.normalize('NFKC', t).lower() if c.isalnum())
    return n or t
seen = {}
for kind, pre, lo in (('blind', 'b13', 560), ('compliant', 'c13', 500)):
    rows = [json.loads(l) for l in open(os.path.join(D, '%s-r13.jsonl' % kind), encoding='utf-8')]
    if len(rows) < lo: err.append('%s: only %d lines' % (kind, len(rows)))
    per = defaultdict(Counter); labels = Counter(); en = Counter(); fs = Counter(); nb = Counter(); plat = Counter()
    for k, r in enumerate(rows, 1):
        i = r.get('id')
        if list(r) != ['id', 'text', 'platform', 'context', 'expect', 'note']: err.append('%s keys' % i)
        if i != '%s-%04d' % (pre, k): err.append('%s id out of order' % i)
        if r['platform'] not in PLATS: err.append('%s platform' % i)
        c = r['context']
        if set(c) != {'free_shipping', 'asker_is_buyer'} or not all(isinstance(v, bool) for v in c.values()): err.append('%s context' % i)
        n = norm(r['text'])
        if n in seen: err.append('%s duplicate of %s' % (i, seen[n]))
        seen[n] = i
        ex = r['expect']
        if not set(ex) <= RULES: err.append('%s bad rule' % i)
        pinyin = r['note'].startswith('pinyin:') or r['note'].startswith('compliant: pinyin ')
        english = bool(LAT.search(r['text'])) and not CJK.search(r['text']) and not pinyin
        if english:
            if r['platform'] != 'aliexpress': err.append('%s english not on aliexpress' % i)
            if not (r['note'].startswith('en ') or r['note'].startswith('compliant: en ')): err.append('%s en note' % i)
        if r['platform'] == 'aliexpress' and not english and (pinyin or {'D5', 'D6'} & set(ex)): err.append('%s zh D5/D6/pinyin on ae' % i)
        if 'D5' in ex and not c['free_shipping']: err.append('%s D5 without free_shipping' % i)
        if 'D6' in ex and c['asker_is_buyer']: err.append('%s D6 with asker_is_buyer' % i)
        if kind == 'compliant':
            if ex: err.append('%s compliant with expect' % i)
            if not r['note'].startswith('compliant: '): err.append('%s note' % i)
            if re.search(r'(?<!\d)1[3-9]\d{9}(?!\d)', r['text'].replace(' ', '')): err.append('%s mobile-like number' % i)
        for x in ex or ['(none)']:
            labels[x] += 1; per[x][r['platform']] += 1
            if english: en[x] += 1
        plat[r['platform']] += 1; fs[c['free_shipping']] += 1; nb[not c['asker_is_buyer']] += 1
    out.append('%s-r13: %d lines; per platform %s; free_shipping true %d; asker_is_buyer false %d' % (kind, len(rows), dict(plat), fs[True], nb[True]))
    if kind == 'blind':
        viol = sum(1 for r in rows if r['expect']); two = sum(1 for r in rows if len(r['expect']) > 1)
        out.append('violating %d, two-rule %d, look-alikes %d, English %d' % (viol, two, len(rows) - viol,
                   sum(1 for r in rows if r['note'].startswith('en '))))
        if viol < 380 or len(rows) - viol < 180: err.append('blind minimums')
        out.append('| expect contains | lines | taobao | tmall | jd | pdd | aliexpress | English |')
        for x in sorted(labels, key=lambda s: (s[0] != 'D', int(s[1:]) if s[1:].isdigit() else 99)):
            p = per[x]
            out.append('| %s | %d | %d | %d | %d | %d | %d | %d |' % (x, labels[x], p['taobao'], p['tmall'], p['jd'], p['pdd'], p['aliexpress'], en[x]))
            if x != '(none)' and (labels[x] < 30 or len(p) < 5): err.append('%s: %d lines, %d platforms' % (x, labels[x], len(p)))
    else:
        topics = Counter(r['note'].split()[-1] for r in rows)
        out.append('English %d; topics %s' % (sum(1 for r in rows if r['note'].startswith('compliant: en ')), dict(topics.most_common())))
out.append('ERRORS: %d' % len(err) if err else 'OK, no errors')
out += err
open(os.path.join(HERE, 'validate_out.txt'), 'w').write('\n'.join(out) + '\n')
print('\n'.join(out))
