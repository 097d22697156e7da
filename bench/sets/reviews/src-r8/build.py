#!/usr/bin/env python3
"""Build ../blind-r8.jsonl from the hand-written lists in this folder.

List line format: platform|rating|sentiment|causes|flags|text
  platform: t=taobao m=tmall j=jd p=pinduoduo a=aliexpress
  rating:   1-5 (the seed later removes it from 30 items)
  sentiment: + positive, - negative
  causes (lower case letters): q=quality s=size c=color l=logistics v=service
            d=description p=price k=packaging
  flags (upper case letters): A=abuse D=ad P=private_data X=extortion
Lines starting with # and blank lines are ignored.
"""
import json, random, re, pathlib
HERE = pathlib.Path(__file__).parent
PLAT = {"t": "taobao", "m": "tmall", "j": "jd", "p": "pinduoduo", "a": "aliexpress"}
CAUSE = {"q": "quality", "s": "size", "c": "color", "l": "logistics", "v": "service",
         "d": "description", "p": "price", "k": "packaging"}
CORDER = ["quality", "size", "color", "logistics", "service", "description", "price", "packaging"]
FLAG = {"A": "abuse", "D": "ad", "P": "private_data", "X": "extortion"}
FORDER = ["abuse", "ad", "private_data", "extortion"]
LISTS = sorted(HERE.glob("*.txt"))

def parse():
    items, seen = [], {}
    for f in LISTS:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("|", 5)
            assert len(parts) == 6, (f.name, n, line)
            p, r, s, c, fl, text = parts
            text = text.strip()
            assert p in PLAT, (f.name, n, line)
            assert r in "12345" and len(r) == 1, (f.name, n, line)
            assert s in "+-", (f.name, n, line)
            assert all(ch in CAUSE for ch in c) and len(set(c)) == len(c), (f.name, n, line)
            assert all(ch in FLAG for ch in fl) and len(set(fl)) == len(fl), (f.name, n, line)
            assert text and not text.startswith("|"), (f.name, n)
            if p == "a":
                assert not re.search(r"[\u4e00-\u9fff]", text), (f.name, n, line)
            assert text not in seen, (f.name, n, seen.get(text))
            seen[text] = (f.name, n)
            causes = [x for x in CORDER if x in {CAUSE[ch] for ch in c}]
            flags = [x for x in FORDER if x in {FLAG[ch] for ch in fl}]
            items.append({"text": text, "rating": int(r), "platform": PLAT[p],
                          "sentiment": "positive" if s == "+" else "negative",
                          "causes": causes, "flags": flags, "_src": f"{f.name}:{n}"})
    return items

def main():
    items = parse()
    rng = random.Random(20261470)
    rng.shuffle(items)
    for i in rng.sample(range(len(items)), 30):
        items[i]["rating"] = None
    out = HERE.parent / "blind-r8.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for k, it in enumerate(items, 1):
            o = {"id": f"rv8-{k:04d}", "text": it["text"]}
            if it["rating"] is not None:
                o["rating"] = it["rating"]
            o.update(platform=it["platform"], sentiment=it["sentiment"],
                     causes=it["causes"], flags=it["flags"])
            fh.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(f"wrote {len(items)} items to {out}")

if __name__ == "__main__":
    main()
