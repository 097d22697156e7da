"""Build blind-r4.jsonl from the hand-written lists in this folder.

Line format of src/*.txt:  platform|rating|sentiment|causes|flags|text
  platform : t=taobao m=tmall j=jd p=pinduoduo a=aliexpress
  rating   : 1-5 (30 items chosen by the seed lose their rating)
  sentiment: + positive, - negative
  causes   : letters q=quality s=size c=color l=logistics v=service d=description p=price k=packaging
  flags    : letters A=abuse D=ad P=private_data X=extortion
Lines starting with # are comments. Nothing here generates text: every text and label is hand-written.
"""
import glob, json, os, random, sys

PLAT = dict(t='taobao', m='tmall', j='jd', p='pinduoduo', a='aliexpress')
CAUSE = [('q', 'quality'), ('s', 'size'), ('c', 'color'), ('l', 'logistics'), ('v', 'service'),
         ('d', 'description'), ('p', 'price'), ('k', 'packaging')]
FLAG = [('A', 'abuse'), ('D', 'ad'), ('P', 'private_data'), ('X', 'extortion')]
FILES = ['zh_pos.txt', 'zh_neg.txt', 'zh_extra.txt', 'zh_more.txt', 'zh_flags.txt', 'zh_flags2.txt',
         'zh_look.txt', 'en_plain.txt', 'en_flags.txt', 'en_look.txt']
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'blind-r4.jsonl')


def load():
    items = []
    for f in FILES:
        path = os.path.join(HERE, f)
        if not os.path.exists(path):
            continue
        for n, line in enumerate(open(path, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            p = line.split('|', 5)
            if len(p) != 6:
                sys.exit(f'{f}:{n}: bad line')
            plat, rating, sent, causes, flags, text = p
            assert plat in PLAT and rating in '12345' and sent in '+-', (f, n)
            assert set(causes) <= set('qscldvpk') and set(flags) <= set('ADPX'), (f, n)
            assert text.strip() == text and text, (f, n)
            items.append(dict(text=text, rating=int(rating), platform=PLAT[plat],
                              sentiment='positive' if sent == '+' else 'negative',
                              causes=[c for k, c in CAUSE if k in causes],
                              flags=[g for k, g in FLAG if k in flags], src=f))
    texts = [i['text'] for i in items]
    dup = {t for t in texts if texts.count(t) > 1}
    if dup:
        sys.exit(f'duplicate texts: {dup}')
    return items


def main():
    items = load()
    rng = random.Random(20261209)
    rng.shuffle(items)
    for i in rng.sample(range(len(items)), 30):
        items[i]['rating'] = None
    with open(OUT, 'w', encoding='utf-8') as out:
        for n, it in enumerate(items, 1):
            rec = {'id': f'rv4-{n:04d}', 'text': it['text']}
            if it['rating'] is not None:
                rec['rating'] = it['rating']
            rec.update(platform=it['platform'], sentiment=it['sentiment'], causes=it['causes'],
                       flags=it['flags'])
            out.write(json.dumps(rec, ensure_ascii=False) + '\n')
    print(f'wrote {len(items)} items to {os.path.normpath(OUT)}')


if __name__ == '__main__':
    main()
