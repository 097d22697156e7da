#!/usr/bin/env python3
"""Build ../blind-r7.jsonl from the hand-written lists in this folder.

Each list line: platform|rating|sentiment|causes|flags|text
  platform: t=taobao m=tmall j=jd p=pinduoduo a=aliexpress
  rating:   1-5
  sentiment: + positive, - negative
  causes (comma-separated, may be empty): q quality, s size, c color, l logistics,
            v service, d description, p price, k packaging
  flags  (comma-separated, may be empty): A abuse, D ad, P private_data, X extortion
Shuffled with random.Random(20261370); the same generator then picks 30 items without a rating.
"""
import json, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'blind-r7.jsonl')
FILES = ['zh_pos.txt', 'zh_neg.txt', 'zh_multi.txt', 'zh_more.txt', 'zh_extra.txt',
         'zh_flags.txt', 'zh_flags2.txt', 'zh_look.txt', 'en_plain.txt', 'en_flags.txt', 'en_look.txt']
PLAT = {'t': 'taobao', 'm': 'tmall', 'j': 'jd', 'p': 'pinduoduo', 'a': 'aliexpress'}
CAUSE = {'q': 'quality', 's': 'size', 'c': 'color', 'l': 'logistics', 'v': 'service',
         'd': 'description', 'p': 'price', 'k': 'packaging'}
CORDER = ['quality', 'size', 'color', 'logistics', 'service', 'description', 'price', 'packaging']
FLAG = {'A': 'abuse', 'D': 'ad', 'P': 'private_data', 'X': 'extortion'}
FORDER = ['abuse', 'ad', 'private_data', 'extortion']
CJK = re.compile(r'[\u4e00-\u9fff]')


def load():
    items, seen = [], set()
    for fn in FILES:
        with open(os.path.join(HERE, fn), encoding='utf-8') as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip('\n')
                if not line.strip():
                    continue
                parts = line.split('|', 5)
                assert len(parts) == 6, (fn, n, line)
                p, r, s, c, fl, text = parts
                assert p in PLAT, (fn, n, p)
                assert r in '12345' and len(r) == 1, (fn, n, r)
                assert s in '+-', (fn, n, s)
                cs = [x for x in c.split(',') if x]
                fs = [x for x in fl.split(',') if x]
                assert all(x in CAUSE for x in cs) and len(set(cs)) == len(cs), (fn, n, c)
                assert all(x in FLAG for x in fs) and len(set(fs)) == len(fs), (fn, n, fl)
                text = text.strip()
                assert text and '|' not in text, (fn, n)
                assert text not in seen, ('duplicate', fn, n, text)
                seen.add(text)
                if p == 'a':
                    assert not CJK.search(text), (fn, n, 'CJK on aliexpress')
                else:
                    assert fn.startswith('zh_'), (fn, n)
                causes = sorted({CAUSE[x] for x in cs}, key=CORDER.index)
                flags = sorted({FLAG[x] for x in fs}, key=FORDER.index)
                items.append({'text': text, 'rating': int(r), 'platform': PLAT[p],
                              'sentiment': 'positive' if s == '+' else 'negative',
                              'causes': causes, 'flags': flags, '_src': '%s:%d' % (fn, n)})
    return items


def main():
    items = load()
    rng = random.Random(20261370)
    rng.shuffle(items)
    for i in rng.sample(range(len(items)), 30):
        del items[i]['rating']
    with open(OUT, 'w', encoding='utf-8') as f:
        for k, it in enumerate(items, 1):
            row = {'id': 'rv7-%04d' % k, 'text': it['text']}
            if 'rating' in it:
                row['rating'] = it['rating']
            row.update(platform=it['platform'], sentiment=it['sentiment'],
                       causes=it['causes'], flags=it['flags'])
            f.write(json.dumps(row, ensure_ascii=False) + '\n')
    print('wrote', len(items), 'items to', os.path.normpath(OUT))


if __name__ == '__main__':
    main()
