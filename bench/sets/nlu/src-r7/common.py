"""Parsing of the hand-written r7 source lists (no text is generated here)."""
import os
HERE = os.path.dirname(os.path.abspath(__file__))

def lines(name):
    out = []
    with open(os.path.join(HERE, name), encoding='utf-8') as f:
        for n, raw in enumerate(f, 1):
            s = raw.rstrip('\n')
            if not s.strip() or s.lstrip().startswith('#'):
                continue
            out.append((n, s))
    return out

def parse_single(name):
    """intent[+secondary] | text"""
    items = []
    for n, s in lines(name):
        lab, text = s.split(' | ', 1)
        parts = lab.strip().split('+')
        items.append({'text': text.strip(), 'intent': parts[0],
                      'secondary': parts[1] if len(parts) > 1 else None, '_line': n})
    return items

def parse_multi(name):
    """intent1,intent2[,intent3] | text"""
    items = []
    for n, s in lines(name):
        lab, text = s.split(' | ', 1)
        items.append({'text': text.strip(), 'intents': [x.strip() for x in lab.split(',')], '_line': n})
    return items

def parse_context(name):
    """intent[ D] | turn1 || turn2 | text   (D = distractor)"""
    items = []
    for n, s in lines(name):
        lab, ctx, text = s.split(' | ', 2)
        lab = lab.strip().split()
        items.append({'context': [t.strip() for t in ctx.split(' || ')], 'text': text.strip(),
                      'intent': lab[0], 'distractor': len(lab) > 1 and lab[1] == 'D', '_line': n})
    return items
