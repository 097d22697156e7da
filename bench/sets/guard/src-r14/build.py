#!/usr/bin/env python3
"""Build blind-r14.jsonl and compliant-r14.jsonl from the hand-written lists in this folder.
Rules as in r12/r13 (see README-r14.md). Seeds: context random.Random(1440); shuffles
random.Random(20261450) (blind) and random.Random(20261451) (compliant)."""
import json, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
BLIND_FILES = ['v_d1.txt', 'v_d2.txt', 'v_d3.txt', 'v_d4.txt', 'v_d5.txt', 'v_d6.txt', 'v_d7.txt',
               'v_d8.txt', 'v_d9.txt', 'v_d10.txt', 'v_d11.txt', 'v_multi.txt',
               'ok_zh1.txt', 'ok_zh2.txt', 'ok_en.txt']
COMP_FILES = ['c_zh1.txt', 'c_zh2.txt', 'c_zh3.txt', 'c_zh4.txt', 'c_zh5.txt', 'c_en.txt']
CJK = re.compile(r'[\u3400-\u9fff]')
RULE_ORDER = ['D%d' % i for i in range(1, 12)]
GENERAL_TOPICS = {'greeting', 'stock', 'size_fit', 'product_info', 'color_appearance', 'recommend',
                  'promotion', 'other', 'thanks_bye', 'human', 'bargain'}

rng = random.Random(1440)


def is_english(text, flags, note):
    return not CJK.search(text) and 'py' not in flags and not note.startswith('pinyin')


def is_pinyin(text, flags, note):
    return 'py' in flags or note.startswith('pinyin') or note.startswith('compliant: pinyin')


def keyword_platform(text):
    if re.search(r'京东|白条|京豆|PLUS|自营', text):
        return 'jd'
    if re.search(r'拼多多|拼单|多多|百亿补贴|砍一刀|拼夕夕', text):
        return 'pdd'
    if re.search(r'天猫|88VIP', text):
        return 'tmall'
    if re.search(r'淘宝|花呗|淘口令', text):
        return 'taobao'
    return None


def platform_for(text, flags, labels, english, pinyin):
    if english or 'ae' in flags:
        return 'aliexpress'
    if 'pdd' in flags:
        return 'pdd'
    kw = keyword_platform(text)
    if kw:
        return kw
    r = rng.random()
    choice = rng.choice(['taobao', 'tmall', 'jd', 'pdd'])
    if r < 0.04 and not pinyin and not ({'D5', 'D6'} & set(labels)):
        return 'aliexpress'
    return choice


def free_shipping_for(text, flags, labels):
    if 'D5' in labels or 'fs1' in flags:
        return True
    if 'fs0' in flags:
        return False
    low = text.lower()
    coin = rng.random() < 0.5
    if re.search(r'不包邮|不参与包邮|not (included in )?free shipping', low):
        return False
    if re.search(r'包邮|free shipping|free delivery', low):
        return True
    if re.search(r'运费|邮费|shipping (fee|cost)', low):
        return False
    return coin


def parse(path, blind):
    rows = []
    for n, line in enumerate(open(os.path.join(HERE, path), encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split(' || ')]
        if blind:
            if len(parts) != 4:
                raise SystemExit('%s:%d bad line: %r' % (path, n, line))
            lab, flags, text, note = parts
            labels = [] if lab in ('-', '') else lab.split(',')
            labels = sorted(set(labels), key=RULE_ORDER.index)
        else:
            if len(parts) != 3:
                raise SystemExit('%s:%d bad line: %r' % (path, n, line))
            topic, flags, text = parts
            labels, note = [], topic
        rows.append((labels, flags.split(), text, note))
    return rows


def build(files, blind):
    out = []
    for f in files:
        for labels, flags, text, note in parse(f, blind):
            pinyin = is_pinyin(text, flags, note)
            english = is_english(text, flags, note)
            if not blind:
                topic = note
                note = 'compliant: ' + ('en ' if english else 'pinyin ' if pinyin else '') + topic
            elif english and not note.startswith('en '):
                note = 'en ' + note
            plat = platform_for(text, flags, labels, english, pinyin)
            fs = free_shipping_for(text, flags, labels)
            r = rng.random()
            buyer = True
            if 'nb' in flags or 'D6' in labels:
                buyer = False
            elif blind and labels and set(labels) <= {'D1', 'D2', 'D3', 'D10'} and r < 0.12:
                buyer = False
            elif not blind and topic in GENERAL_TOPICS and r < 0.10:
                buyer = False
            out.append({'text': text, 'platform': plat,
                        'context': {'free_shipping': fs, 'asker_is_buyer': buyer},
                        'expect': labels, 'note': note})
    return out


def write(rows, seed, prefix, name):
    random.Random(seed).shuffle(rows)
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as fh:
        for i, r in enumerate(rows, 1):
            d = {'id': '%s-%04d' % (prefix, i)}
            d.update(r)
            fh.write(json.dumps(d, ensure_ascii=False) + '\n')
    print(name, len(rows))


blind = build(BLIND_FILES, True)
comp = build(COMP_FILES, False)
write(blind, 20261450, 'b14', 'blind-r14.jsonl')
write(comp, 20261451, 'c14', 'compliant-r14.jsonl')
