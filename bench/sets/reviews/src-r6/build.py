#!/usr/bin/env python3
"""Build blind-r6.jsonl from the hand-written lists in this folder.

Line format of every *.txt list: platform|rating|sentiment|causes|flags|text
  platform : t taobao, m tmall, j jd, p pinduoduo, a aliexpress
  rating   : 1-5 (30 ratings are removed below by the seeded generator)
  sentiment: + positive, - negative
  causes   : letters, any of q quality, s size, c color, l logistics, v service,
             d description, p price, k packaging (empty = none)
  flags    : capitals, any of A abuse, D ad, P private_data, X extortion (empty = none)
Lines starting with # are comments.
"""
import glob, json, os, random
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'blind-r6.jsonl')
PLAT = {'t': 'taobao', 'm': 'tmall', 'j': 'jd', 'p': 'pinduoduo', 'a': 'aliexpress'}
SENT = {'+': 'positive', '-': 'negative'}
CAUSE = [('q', 'quality'), ('s', 'size'), ('c', 'color'), ('l', 'logistics'), ('v', 'service'),
         ('d', 'description'), ('p', 'price'), ('k', 'packaging')]
FLAG = [('A', 'abuse'), ('D', 'ad'), ('P', 'private_data'), ('X', 'extortion')]

def load():
    items, seen = [], set()
    for fn in sorted(glob.glob(os.path.join(HERE, '*.txt'))):
        for no, line in enumerate(open(fn, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            f = line.split('|', 5)
            where = f'{os.path.basename(fn)}:{no}'
            assert len(f) == 6, where
            pl, ra, se, ca, fl, text = f
            assert pl in PLAT, where
            assert ra in '12345' and len(ra) == 1, where
            assert se in SENT, where
            assert set(ca) <= {c for c, _ in CAUSE} and len(set(ca)) == len(ca), where
            assert set(fl) <= {c for c, _ in FLAG} and len(set(fl)) == len(fl), where
            text = text.strip()
            assert text and '|' not in text, where
            assert text not in seen, ('duplicate', where)
            zh = any('\u4e00' <= ch <= '\u9fff' for ch in text)
            assert (not zh) if pl == 'a' else (zh or not any(ch.isascii() and ch.isalpha() for ch in text)), ('language/platform', where)
            seen.add(text)
            items.append({'text': text, 'rating': int(ra), 'platform': PLAT[pl], 'sentiment': SENT[se],
                          'causes': [n for c, n in CAUSE if c in ca],
                          'flags': [n for c, n in FLAG if c in fl], '_src': where})
    return items

def main():
    items = load()
    rng = random.Random(20261340)
    rng.shuffle(items)
    for i in rng.sample(range(len(items)), 30):
        del items[i]['rating']
    with open(OUT, 'w', encoding='utf-8') as out:
        for n, it in enumerate(items, 1):
            rec = {'id': f'rv6-{n:04d}', 'text': it['text']}
            if 'rating' in it:
                rec['rating'] = it['rating']
            rec.update(platform=it['platform'], sentiment=it['sentiment'], causes=it['causes'], flags=it['flags'])
            out.write(json.dumps(rec, ensure_ascii=False) + '\n')
    print(f'wrote {len(items)} items to {os.path.normpath(OUT)}')

if __name__ == '__main__':
    main()
