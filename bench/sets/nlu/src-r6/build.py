#!/usr/bin/env python3
"""Turn the hand-written lists in this folder into the four JSON Lines files of nlu-r6.
Every message in the lists was written by hand by the author; this script only parses,
shuffles with a fixed seed and numbers."""
import json, random, os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
SEED = 20261209


def lines(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for raw in f:
            s = raw.rstrip("\n")
            if not s.strip() or s.startswith("# "):
                continue
            yield s


def labelled(name):
    """'@intent' header, then one message per line; 'text ## secondary'."""
    cur, out = None, []
    for s in lines(name):
        if s.startswith("@"):
            cur = s[1:].strip()
            continue
        sec = None
        if " ## " in s:
            s, sec = s.rsplit(" ## ", 1)
            sec = sec.strip()
        out.append((s.strip(), cur, sec))
    return out


def context_items(name):
    """'@intent' header; 'turn1 || turn2 >> follow-up'; leading '! ' marks a distractor."""
    cur, out = None, []
    for s in lines(name):
        if s.startswith("@"):
            cur = s[1:].strip()
            continue
        dis = s.startswith("! ")
        if dis:
            s = s[2:]
        ctx, text = s.split(" >> ", 1)
        turns = [t.strip() for t in ctx.split(" || ")]
        out.append((turns, text.strip(), cur, dis))
    return out


def mq_items(name, lang):
    out = []
    for s in lines(name):
        text, labs = s.rsplit(" => ", 1)
        out.append((text.strip(), [x.strip() for x in labs.split(",")], lang))
    return out


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    zh = labelled("zh.txt")
    random.Random(SEED).shuffle(zh)
    write(os.path.join(OUT, "zh-blind-r6.jsonl"),
          [{"id": "zb6-%04d" % (i + 1), "text": t, "intent": a, "secondary": b}
           for i, (t, a, b) in enumerate(zh)])

    cx = context_items("context.txt")
    random.Random(SEED + 1).shuffle(cx)
    rows, dis = [], []
    for i, (turns, t, a, d) in enumerate(cx):
        cid = "cx6-%04d" % (i + 1)
        rows.append({"id": cid, "context": turns, "text": t, "intent": a})
        if d:
            dis.append(cid)
    write(os.path.join(OUT, "context-r6.jsonl"), rows)
    with open(os.path.join(HERE, "distractors.txt"), "w") as f:
        f.write("\n".join(dis) + "\n")

    mq = mq_items("mq-zh.txt", "zh") + mq_items("mq-en.txt", "en")
    random.Random(SEED + 2).shuffle(mq)
    rows, langs = [], []
    for i, (t, labs, lang) in enumerate(mq):
        mid = "mq6-%04d" % (i + 1)
        rows.append({"id": mid, "text": t, "intents": labs})
        langs.append("%s\t%s" % (mid, lang))
    write(os.path.join(OUT, "multi-question-r6.jsonl"), rows)
    with open(os.path.join(HERE, "mq-lang.txt"), "w") as f:
        f.write("\n".join(langs) + "\n")

    en = labelled("en.txt")
    random.Random(SEED + 3).shuffle(en)
    write(os.path.join(OUT, "en-aliexpress-r6.jsonl"),
          [{"id": "en6-%04d" % (i + 1), "text": t, "intent": a, "secondary": b}
           for i, (t, a, b) in enumerate(en)])
    print("zh %d  context %d (distractors %d)  mq %d  en %d" % (len(zh), len(cx), len(dis), len(mq), len(en)))


if __name__ == "__main__":
    main()
