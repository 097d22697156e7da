#!/usr/bin/env python3
"""Build blind-r12.jsonl and compliant-r12.jsonl from the hand-written lists in this folder.
Same conventions as r11 (see ../README-r12.md). Seeds: context random.Random(1320),
shuffle random.Random(20261320) (blind) and random.Random(20261321) (compliant)."""
import json, re, random, glob, os
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
CJK = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')
LAT = re.compile(r'[A-Za-z]')
FLAGPLAT = {'tb': 'taobao', 'tm': 'tmall', 'jd': 'jd', 'pdd': 'pdd', 'ae': 'aliexpress'}
KW = [('jd', ['京东', '白条', '京豆', 'PLUS']),
      ('pdd', ['拼多多', '拼单', '多多', '百亿补贴', '砍一刀']),
      ('tmall', ['天猫', '88VIP']),
      ('taobao', ['淘宝', '花呗', '淘口令'])]
FS_T = ['包邮', '包郵', '免邮', 'free shipping', 'Free shipping', 'Free Shipping']
FS_F = ['运费', '邮费', '運費', '郵費', 'shipping fee', 'Shipping fee', 'shipping cost', 'Shipping cost']
GENERAL = {'greeting', 'stock', 'size_fit', 'product_info', 'color_appearance', 'recommend', 'promotion',
           'shipping_fee', 'authenticity', 'thanks_bye', 'other', 'courier'}
ctx = random.Random(1320)

def is_english(text, note):
    return bool(LAT.search(text)) and not CJK.search(text) and not note.startswith('pinyin:')

def platform(text, flags, english, labels):
    for f in flags:
        if f in FLAGPLAT:
            return FLAGPLAT[f]
    if english:
        return 'aliexpress'
    for p, kws in KW:
        if any(k in text for k in kws):
            return p
    r = ctx.random()
    if r < 0.04 and not ({'D5', 'D6'} & set(labels)):
        return 'aliexpress'
    return ctx.choice(['taobao', 'tmall', 'jd', 'pdd'])

def free_shipping(text, flags, labels):
    if 'D5' in labels or 'fs1' in flags:
        return True
    if 'fs0' in flags:
        return False
    if any(k in text for k in FS_T):
        return True
    if any(k in text for k in FS_F):
        return False
    return ctx.random() < 0.5

def blind():
    rows = []
    for fn in sorted(glob.glob(os.path.join(HERE, 'v_*.txt'))) + sorted(glob.glob(os.path.join(HERE, 'ok_*.txt'))):
        for ln, line in enumerate(open(fn, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            parts = [p.strip() for p in line.split(' || ')]
            assert len(parts) == 4, (fn, ln, line)
            lab, fl, text, note = parts
            labels = [] if lab == '-' else lab.split()
            flags = [] if fl == '-' else fl.split()
            eng = is_english(text, note)
            if eng and not note.startswith('en '):
                note = 'en ' + note
            plat = platform(text, flags, eng, labels)
            fs = free_shipping(text, flags, labels)
            only_low = labels and set(labels) <= {'D1', 'D2', 'D3', 'D10'}
            if 'nb' in flags or 'D6' in labels:
                buyer = False
            elif only_low:
                buyer = not (ctx.random() < 0.12)
            else:
                buyer = True
            rows.append((text, plat, fs, buyer, labels, note))
    random.Random(20261320).shuffle(rows)
    with open(os.path.join(OUT, 'blind-r12.jsonl'), 'w', encoding='utf-8') as f:
        for i, (text, plat, fs, buyer, labels, note) in enumerate(rows, 1):
            f.write(json.dumps({'id': 'b12-%04d' % i, 'text': text, 'platform': plat,
                                'context': {'free_shipping': fs, 'asker_is_buyer': buyer},
                                'expect': labels, 'note': note}, ensure_ascii=False) + '\n')
    return len(rows)

def compliant():
    rows = []
    for fn in sorted(glob.glob(os.path.join(HERE, 'c_*.txt'))):
        for ln, line in enumerate(open(fn, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            parts = [p.strip() for p in line.split(' || ')]
            assert len(parts) == 3, (fn, ln, line)
            topic, fl, text = parts
            flags = [] if fl == '-' else fl.split()
            eng = is_english(text, '')
            plat = platform(text, flags, eng, [])
            fs = free_shipping(text, flags, [])
            if 'nb' in flags:
                buyer = False
            elif topic in GENERAL:
                buyer = not (ctx.random() < 0.10)
            else:
                buyer = True
            note = 'compliant: ' + ('en ' if eng else '') + topic
            rows.append((text, plat, fs, buyer, note))
    random.Random(20261321).shuffle(rows)
    with open(os.path.join(OUT, 'compliant-r12.jsonl'), 'w', encoding='utf-8') as f:
        for i, (text, plat, fs, buyer, note) in enumerate(rows, 1):
            f.write(json.dumps({'id': 'c12-%04d' % i, 'text': text, 'platform': plat,
                                'context': {'free_shipping': fs, 'asker_is_buyer': buyer},
                                'expect': [], 'note': note}, ensure_ascii=False) + '\n')
    return len(rows)

if __name__ == '__main__':
    print('blind', blind(), 'compliant', compliant())
