#!/usr/bin/env python3
"""Format and label checks for blind-r14.jsonl and compliant-r14.jsonl (same checks as r12/r13)."""
import json, os, re, unicodedata, collections
HERE = os.path.dirname(os.path.abspath(__file__)); SETS = os.path.dirname(HERE)
CJK = re.compile(r'[\u3400-\u9fff]')
RULES = {'D%d' % i for i in range(1, 12)}
PLATS = {'taobao', 'tmall', 'jd', 'pdd', 'aliexpress'}
KEYS = ['id', 'text', 'platform', 'context', 'expect', 'note']
MOBILE = re.compile(r'(?<!\d)1[3-9]\d{9}(?!\d)')
errs = []; texts = {}


def norm(t):
    t = unicodedata.normalize('NFKC', t).lower()
    return ''.join(c for c in t if c.isalnum()) or t.strip()


def check(name, prefix, compliant):
    rows = [json.loads(l) for l in open(os.path.join(SETS, name), encoding='utf-8')]
    per = collections.Counter(); perplat = collections.defaultdict(set)
    for i, d in enumerate(rows, 1):
        e = lambda m: errs.append('%s %s: %s' % (name, d.get('id'), m))
        if list(d) != KEYS: e('keys %s' % list(d))
        if d['id'] != '%s-%04d' % (prefix, i): e('id not consecutive')
        if list(d['context']) != ['free_shipping', 'asker_is_buyer'] or not all(isinstance(v, bool) for v in d['context'].values()): e('context')
        if d['platform'] not in PLATS: e('platform')
        if not isinstance(d['text'], str) or not d['text'].strip(): e('empty text')
        n = norm(d['text'])
        if n in texts: e('duplicate text of ' + texts[n])
        texts[n] = d['id']
        ex = d['expect']
        if not set(ex) <= RULES or len(set(ex)) != len(ex): e('labels %s' % ex)
        english = not CJK.search(d['text']) and not d['note'].startswith(('pinyin', 'compliant: pinyin'))
        if english and d['platform'] != 'aliexpress': e('English off aliexpress')
        if english and not (d['note'].startswith('en ') or d['note'].startswith('compliant: en ')): e('English note')
        if 'D5' in ex and not d['context']['free_shipping']: e('D5 without free_shipping')
        if 'D6' in ex and d['context']['asker_is_buyer']: e('D6 with asker_is_buyer')
        if d['platform'] == 'aliexpress' and CJK.search(d['text']) and ({'D5', 'D6'} & set(ex)): e('Chinese D5/D6 on aliexpress')
        if d['platform'] == 'aliexpress' and 'pinyin' in d['note']: e('pinyin on aliexpress')
        if compliant:
            if ex: e('compliant with labels')
            if not d['note'].startswith('compliant: '): e('compliant note')
            if MOBILE.search(re.sub(r'\s', '', d['text'])): e('mobile-like number in compliant')
        for r in ex:
            per[r] += 1; perplat[r].add(d['platform'])
    if not compliant:
        for r in sorted(RULES):
            if per[r] < 30: errs.append('%s: %s only %d lines' % (name, r, per[r]))
            if perplat[r] != PLATS: errs.append('%s: %s missing platforms %s' % (name, r, PLATS - perplat[r]))
        if sum(1 for d in rows if not d['expect']) < 150: errs.append('too few look-alikes')
    elif len(rows) < 450: errs.append('too few compliant lines')
    return rows


b = check('blind-r14.jsonl', 'b14', False)
c = check('compliant-r14.jsonl', 'c14', True)
print('blind', len(b), 'compliant', len(c))
print('\n'.join(errs) if errs else 'OK, no errors')
