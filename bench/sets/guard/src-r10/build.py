#!/usr/bin/env python3
"""Build blind-r10.jsonl and compliant-r10.jsonl from the hand-written lists in this folder."""
import json, random, re, glob, os
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
CJK = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')
ZH = ['taobao', 'tmall', 'jd', 'pdd']
PF = {'tb': 'taobao', 'tm': 'tmall', 'jd': 'jd', 'pdd': 'pdd', 'ae': 'aliexpress'}

def parse(path, ncols):
    rows = []
    for n, raw in enumerate(open(path, encoding='utf-8'), 1):
        line = raw.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        parts = [p.strip() for p in line.split('||')]
        if len(parts) != ncols:
            raise SystemExit(f'{path}:{n}: expected {ncols} fields, got {len(parts)}: {line}')
        rows.append(parts)
    return rows

def context(text, labels, flags, rng_fs, rng_ab, compliant_topic=None):
    if 'D5' in labels or 'fs1' in flags:
        fs = True
    elif 'fs0' in flags:
        fs = False
    elif re.search(r'包邮|free shipping|ships free|shipping is free', text, re.I):
        fs = True
    elif re.search(r'运费|邮费|快递费|postage|shipping fee|shipping cost|freight', text, re.I):
        fs = False
    else:
        fs = rng_fs.random() < 0.5
    if 'nb' in flags:
        ab = False
    elif 'by' in flags:
        ab = True
    elif compliant_topic is None and labels and set(labels) <= {'D1', 'D2', 'D3', 'D10'}:
        ab = rng_ab.random() >= 0.12
    elif compliant_topic in ('product_info', 'size_fit', 'color_appearance', 'recommend', 'stock', 'promotion', 'greeting'):
        ab = rng_ab.random() >= 0.10
    else:
        ab = True
    return {'free_shipping': fs, 'asker_is_buyer': ab}

KW = [('速卖通', 'aliexpress'), ('京东', 'jd'), ('白条', 'jd'), ('京豆', 'jd'), ('PLUS会员', 'jd'),
      ('拼多多', 'pdd'), ('拼单', 'pdd'), ('多多', 'pdd'), ('百亿补贴', 'pdd'), ('砍一刀', 'pdd'), ('拼团', 'pdd'),
      ('天猫', 'tmall'), ('淘宝', 'taobao'), ('花呗', 'taobao'), ('88VIP', 'tmall')]

def platform(text, flags, labels, rng, auto=False):
    for f in flags:
        if f in PF:
            return PF[f]
    if auto:
        for k, p in KW:
            if k in text:
                rng.random()
                return p
    if not CJK.search(text):
        return 'aliexpress'
    p = rng.choice(ZH)
    if 'D5' not in labels and 'D6' not in labels and rng.random() < 0.04:
        p = 'aliexpress'
    return p

def main():
    rp, rfs, rab = random.Random(1001), random.Random(1002), random.Random(1003)
    blind = []
    for path in sorted(glob.glob(os.path.join(HERE, 'v_*.txt'))) + sorted(glob.glob(os.path.join(HERE, 'ok_*.txt'))):
        for lab, fl, text, note in parse(path, 4):
            labels = [] if lab in ('-', '') else [x.strip() for x in lab.split(',')]
            flags = fl.split() if fl not in ('-', '') else []
            en = not CJK.search(text) and 'py' not in flags
            if en and not note.startswith('en'):
                note = 'en ' + note
            blind.append({'text': text, 'platform': platform(text, flags, labels, rp),
                          'context': context(text, labels, flags, rfs, rab),
                          'expect': labels, 'note': note})
    random.Random(20261210).shuffle(blind)
    comp = []
    rp2, rfs2, rab2 = random.Random(2001), random.Random(2002), random.Random(2003)
    for path in sorted(glob.glob(os.path.join(HERE, 'c_*.txt'))):
        for topic, fl, text in parse(path, 3):
            flags = fl.split() if fl not in ('-', '') else []
            en = not CJK.search(text)
            comp.append({'text': text, 'platform': platform(text, flags, [], rp2, auto=True),
                         'context': context(text, [], flags, rfs2, rab2, compliant_topic=topic),
                         'expect': [], 'note': ('compliant: en ' if en else 'compliant: ') + topic})
    random.Random(20261211).shuffle(comp)
    with open(os.path.join(OUT, 'blind-r10.jsonl'), 'w', encoding='utf-8') as f:
        for i, r in enumerate(blind, 1):
            f.write(json.dumps({'id': f'b10-{i:04d}', **r}, ensure_ascii=False) + '\n')
    with open(os.path.join(OUT, 'compliant-r10.jsonl'), 'w', encoding='utf-8') as f:
        for i, r in enumerate(comp, 1):
            f.write(json.dumps({'id': f'c10-{i:04d}', **r}, ensure_ascii=False) + '\n')
    print('blind', len(blind), 'compliant', len(comp))

if __name__ == '__main__':
    main()
