#!/usr/bin/env python3
"""Build blind-r11.jsonl and compliant-r11.jsonl from the hand-written lists in this folder.
Lists: v_d*.txt / ok_*.txt as `LABELS || FLAGS || TEXT || NOTE` (LABELS '-' = none);
c_*.txt as `TOPIC || FLAGS || TEXT`. FLAGS: tb/tm/jd/pdd/ae, fs1/fs0, nb. A note starting with
'pinyin:' marks a pinyin-only Chinese line. No sentence or label is generated here."""
import glob, json, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
PLAT = {'tb': 'taobao', 'tm': 'tmall', 'jd': 'jd', 'pdd': 'pdd', 'ae': 'aliexpress'}
CJK = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')
LATIN = re.compile(r'[A-Za-z]')
KEYWORDS = [  # a platform's own feature named in a Chinese line without a platform flag
    (('京东', '白条', '京豆', 'PLUS'), 'jd'),
    (('拼多多', '拼单', '多多', '百亿补贴', '砍一刀'), 'pdd'),
    (('天猫', '88VIP'), 'tmall'),
    (('淘宝', '花呗', '淘口令'), 'taobao'),
    (('速卖通',), 'aliexpress'),
]
GENERAL = {'greeting', 'stock', 'size_fit', 'product_info', 'color_appearance', 'recommend', 'promotion',
           'shipping_fee', 'authenticity', 'thanks_bye', 'other', 'courier'}
ctx_rng = random.Random(1120)  # seeded choices of platform / context only


def is_english(text, note):
    return not CJK.search(text) and LATIN.search(text) and not note.startswith('pinyin:')


def platform_for(text, flags, english, labels, rng):
    for f in flags:
        if f in PLAT:
            return PLAT[f]
    if english:
        return 'aliexpress'
    for words, p in KEYWORDS:
        if any(w in text for w in words):
            return p
    r = rng.random()
    if r < 0.04 and not ({'D5', 'D6'} & set(labels)):
        return 'aliexpress'
    return rng.choice(['taobao', 'tmall', 'jd', 'pdd'])


def free_shipping(text, flags, labels, rng):
    if 'D5' in labels or 'fs1' in flags:
        return True
    if 'fs0' in flags:
        return False
    low = text.lower()
    if any(w in text for w in ('包邮', '包郵', '免邮')) or 'free shipping' in low:
        return True
    if any(w in text for w in ('运费', '邮费', '運費', '郵費')) or 'shipping fee' in low:
        return False
    return rng.random() < 0.5


def parse(path, n):
    rows = []
    for ln, line in enumerate(open(path, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        parts = [p.strip() for p in line.split('||')]
        if len(parts) != n:
            raise SystemExit(f'{path}:{ln}: expected {n} fields: {line}')
        rows.append(parts)
    return rows


def blind():
    items = []
    for path in sorted(glob.glob(os.path.join(HERE, 'v_d*.txt'))) + sorted(glob.glob(os.path.join(HERE, 'ok_*.txt'))):
        for labels, flags, text, note in parse(path, 4):
            labels = [] if labels == '-' else labels.split()
            flags = flags.split()
            en = bool(is_english(text, note))
            plat = platform_for(text, flags, en, labels, ctx_rng)
            fs = free_shipping(text, flags, labels, ctx_rng)
            buyer = True
            if 'nb' in flags or 'D6' in labels:
                buyer = False
            elif labels and set(labels) <= {'D1', 'D2', 'D3', 'D10'} and ctx_rng.random() < 0.12:
                buyer = False
            if en and not note.startswith('en'):
                note = 'en ' + note
            items.append({'text': text, 'platform': plat,
                          'context': {'free_shipping': fs, 'asker_is_buyer': buyer},
                          'expect': labels, 'note': note})
    random.Random(20261220).shuffle(items)
    return [dict(id=f'b11-{i:04d}', **it) for i, it in enumerate(items, 1)]


def compliant():
    items = []
    for path in sorted(glob.glob(os.path.join(HERE, 'c_*.txt'))):
        for topic, flags, text in parse(path, 3):
            flags = flags.split()
            en = bool(is_english(text, ''))
            plat = platform_for(text, flags, en, [], ctx_rng)
            fs = free_shipping(text, flags, [], ctx_rng)
            buyer = True
            if 'nb' in flags:
                buyer = False
            elif topic in GENERAL and ctx_rng.random() < 0.10:
                buyer = False
            note = f'compliant: en {topic}' if en else f'compliant: {topic}'
            items.append({'text': text, 'platform': plat,
                          'context': {'free_shipping': fs, 'asker_is_buyer': buyer},
                          'expect': [], 'note': note})
    random.Random(20261221).shuffle(items)
    return [dict(id=f'c11-{i:04d}', **it) for i, it in enumerate(items, 1)]


def write(name, rows):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps({k: r[k] for k in ('id', 'text', 'platform', 'context', 'expect', 'note')},
                               ensure_ascii=False) + '\n')


if __name__ == '__main__':
    b, c = blind(), compliant()
    write('blind-r11.jsonl', b)
    write('compliant-r11.jsonl', c)
    print('blind', len(b), 'compliant', len(c))
