#!/usr/bin/env python3
"""Build ../blind-r5.jsonl from the hand-written lists in this folder.

Line format of every *.txt list (lines starting with # are comments):
    platform|rating|sentiment|causes|flags|text
platform: t taobao, m tmall, j jd, p pinduoduo, a aliexpress
rating:   1-5 (the seed later removes it from 30 items)
sentiment: + positive, - negative
causes (lower case): q quality, s size, c color, l logistics, v service,
                     d description, p price, k packaging
flags (upper case):  A abuse, D ad, P private_data, X extortion
"""
import glob, json, os, random

PLAT = {'t': 'taobao', 'm': 'tmall', 'j': 'jd', 'p': 'pinduoduo', 'a': 'aliexpress'}
CAUSE = [('q', 'quality'), ('s', 'size'), ('c', 'color'), ('l', 'logistics'),
         ('v', 'service'), ('d', 'description'), ('p', 'price'), ('k', 'packaging')]
FLAG = [('A', 'abuse'), ('D', 'ad'), ('P', 'private_data'), ('X', 'extortion')]
SENT = {'+': 'positive', '-': 'negative'}

here = os.path.dirname(os.path.abspath(__file__))


def load():
    items = []
    for fn in sorted(glob.glob(os.path.join(here, '*.txt'))):
        for n, line in enumerate(open(fn, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            parts = line.split('|', 5)
            assert len(parts) == 6, (fn, n, line)
            pl, ra, se, ca, fl, text = parts
            text = text.strip()
            assert pl in PLAT, (fn, n, pl)
            assert ra in ('1', '2', '3', '4', '5'), (fn, n, ra)
            assert se in SENT, (fn, n, se)
            assert all(c in dict(CAUSE) for c in ca) and len(set(ca)) == len(ca), (fn, n, ca)
            assert all(f in dict(FLAG) for f in fl) and len(set(fl)) == len(fl), (fn, n, fl)
            assert text and '|' not in text, (fn, n, text)
            items.append({
                'text': text,
                'rating': int(ra),
                'platform': PLAT[pl],
                'sentiment': SENT[se],
                'causes': [name for code, name in CAUSE if code in ca],
                'flags': [name for code, name in FLAG if code in fl],
                '_src': '%s:%d' % (os.path.basename(fn), n),
            })
    texts = [i['text'] for i in items]
    dup = {t for t in texts if texts.count(t) > 1}
    assert not dup, dup
    return items


def main():
    items = load()
    rng = random.Random(20261239)
    rng.shuffle(items)
    for k in rng.sample(range(len(items)), 30):
        del items[k]['rating']
    with open(os.path.join(here, '..', 'blind-r5.jsonl'), 'w', encoding='utf-8') as out:
        for n, it in enumerate(items, 1):
            rec = {'id': 'rv5-%04d' % n, 'text': it['text']}
            if 'rating' in it:
                rec['rating'] = it['rating']
            rec.update(platform=it['platform'], sentiment=it['sentiment'],
                       causes=it['causes'], flags=it['flags'])
            out.write(json.dumps(rec, ensure_ascii=False) + '\n')
    print('wrote', len(items), 'items')


if __name__ == '__main__':
    main()
