#!/usr/bin/env python3
"""Build blind-r13.jsonl and compliant-r13.jsonl from the hand-written lists in this folder.
Conventions as in README-r12 (platform inference, context fields); seeds: context random.Random(1330),
shuffle random.Random(20261350) (blind) and random.Random(20261351) (compliant)."""
import json, random, re, glob, os
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
FLAGP = {'tb': 'taobao', 'tm': 'tmall', 'jd': 'jd', 'pdd': 'pdd', 'ae': 'aliexpress'}
CJK = re.compile(r'[\u3400-\u9fff]')
LAT = re.compile(r'[A-Za-z]')
KW = [('jd', ['京东', '白条', '京豆', 'PLUS']), ('pdd', ['拼多多', '拼单', '多多', '百亿补贴', '砍一刀']),
      ('tmall', ['天猫', '88VIP']), ('taobao', ['淘宝', '花呗', '淘口令'])]
GENERAL = {'greeting', 'stock', 'size_fit', 'product_info', 'color_appearance', 'recommend', 'promotion',
           'shipping_fee', 'authenticity', 'thanks_bye', 'other', 'courier'}
FS_TRUE = ['包邮', '包郵', '免邮', '免郵', 'free shipping', 'shipping is free']
FS_FALSE = ['运费', '邮费', '運費', '郵費', 'shipping fee', 'shipping cost', 'shipping is ']
rng = random.Random(1330)

def is_english(text, pinyin):
    return bool(LAT.search(text)) and not CJK.search(text) and not pinyin

def platform(text, flags, labels, pinyin):
    for f in flags:
        if f in FLAGP:
            return FLAGP[f]
    if is_english(text, pinyin):
        return 'aliexpress'
    for p, words in KW:
        if any(w in text for w in words):
            return p
    r = rng.random()
    if r < 0.04 and not pinyin and not ({'D5', 'D6'} & set(labels)):
        return 'aliexpress'
    return rng.choice(['taobao', 'tmall', 'jd', 'pdd'])

def free_shipping(text, flags, labels):
    low = text.lower()
    if 'D5' in labels or 'fs1' in flags:
        return True
    if 'fs0' in flags:
        return False
    if any(w in low for w in FS_TRUE):
        return True
    if any(w in low for w in FS_FALSE):
        return False
    return rng.random() < 0.5

def read(pattern, n):
    rows = []
    for fn in sorted(glob.glob(os.path.join(HERE, pattern))):
        for i, line in enumerate(open(fn, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            parts = [p.strip() for p in line.split(' || ')]
            assert len(parts) == n, (fn, i, line)
            rows.append((os.path.basename(fn), i, parts))
    return rows

def main():
    blind = []
    for fn, i, (lab, fl, text, note) in read('v_*.txt', 4) + read('ok_*.txt', 4):
        labels = [] if lab == '-' else lab.split()
        flags = [] if fl == '-' else fl.split()
        pinyin = note.startswith('pinyin:')
        plat = platform(text, flags, labels, pinyin)
        fs = free_shipping(text, flags, labels)
        if 'nb' in flags or 'D6' in labels:
            buyer = False
        elif labels and set(labels) <= {'D1', 'D2', 'D3', 'D10'}:
            buyer = rng.random() >= 0.12
        else:
            buyer = True
        if is_english(text, pinyin) and not note.startswith('en '):
            note = 'en ' + note
        blind.append({'text': text, 'platform': plat, 'context': {'free_shipping': fs, 'asker_is_buyer': buyer},
                      'expect': sorted(labels, key=lambda r: int(r[1:])), 'note': note})
    comp = []
    for fn, i, (topic, fl, text) in read('c_*.txt', 3):
        flags = [] if fl == '-' else fl.split()
        pinyin = 'py' in flags
        plat = platform(text, flags, [], pinyin)
        fs = free_shipping(text, flags, [])
        if 'nb' in flags:
            buyer = False
        elif topic in GENERAL:
            buyer = rng.random() >= 0.10
        else:
            buyer = True
        en = is_english(text, pinyin)
        note = 'compliant: ' + ('en ' if en else '') + ('pinyin ' if pinyin else '') + topic
        comp.append({'text': text, 'platform': plat, 'context': {'free_shipping': fs, 'asker_is_buyer': buyer},
                     'expect': [], 'note': note})
    random.Random(20261350).shuffle(blind)
    random.Random(20261351).shuffle(comp)
    for name, rows, pre in (('blind-r13.jsonl', blind, 'b13'), ('compliant-r13.jsonl', comp, 'c13')):
        with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
            for k, r in enumerate(rows, 1):
                f.write(json.dumps(dict(id='%s-%04d' % (pre, k), **r), ensure_ascii=False) + '\n')
        print(name, len(rows))

if __name__ == '__main__':
    main()
