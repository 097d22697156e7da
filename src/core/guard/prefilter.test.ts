// Literal prefilters of the guard (issue 11 latency; D1–D11): the required-literal analysis, the
// Aho–Corasick set and the gate must never close an expression that matches.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { profileFor } from '../rules/load-profiles.js';
import { compileGuard, scan } from './compile.js';
import { conceptLexicon } from './concepts.js';
import { LiteralGate, LiteralSet, requiredLiterals } from './prefilter.js';

const sorted = (xs: string[] | undefined): string[] | undefined => xs && [...xs].sort();

describe('requiredLiterals', () => {
  it('reads literals, alternations, groups and small classes', () => {
    expect(sorted(requiredLiterals('微信|威信'))).toEqual(['威信', '微信']);
    expect(sorted(requiredLiterals('(转|打)(账|款)'))).toEqual(['打款', '打账', '转款', '转账']);
    expect(sorted(requiredLiterals('[ab]c'))).toEqual(['ac', 'bc']);
    expect(requiredLiterals('加\\d+(个)?点')).toEqual(['加']);
    expect(sorted(requiredLiterals('\\d{2}号'))).toEqual(['号']);
    expect(sorted(requiredLiterals('(a|b)\\d'))).toHaveLength(20);
  });

  it('keeps only what every match must hold', () => {
    // Optional parts, lookarounds and anchors consume nothing the match must contain.
    expect(requiredLiterals('(?<![a-z])zz(?![a-z])')).toEqual(['zz']);
    expect(sorted(requiredLiterals('^(亲)?(等着|等下)(吧)?$'))).toEqual(['等下', '等着']);
    expect(requiredLiterals('[\\u4e00-\\u9fff]{0,4}(拍不了)')).toEqual(['拍不了']);
    // A longer literal is preferred over a shorter one of the same sequence.
    expect(requiredLiterals('付.{0,3}微信')).toEqual(['微信']);
    expect(sorted(requiredLiterals('微信|[\\u4e00-\\u9fff]+店'))).toEqual(['店', '微信']);
  });

  it('gives up where nothing is certain', () => {
    expect(requiredLiterals('.*')).toBeUndefined();
    expect(requiredLiterals('a?')).toBeUndefined();
    expect(requiredLiterals('x{0,3}y?')).toBeUndefined();
    expect(requiredLiterals('a|\\w')).toBeUndefined();
    expect(requiredLiterals('(a)\\1')).toEqual(['a']);
    expect(requiredLiterals('\\k<x>')).toBeUndefined();
    expect(requiredLiterals('abc', 'u')).toBeUndefined();
    expect(requiredLiterals('(unclosed')).toBeUndefined();
  });

  it('lower-cases ASCII under the i flag and refuses other cased letters', () => {
    expect(requiredLiterals('PayPal', 'gi')).toEqual(['paypal']);
    expect(requiredLiterals('Ä', 'i')).toBeUndefined();
    expect(requiredLiterals('微信', 'gi')).toEqual(['微信']);
  });
});

describe('LiteralSet', () => {
  it('finds every literal, overlapping ones included, each once', () => {
    const set = new LiteralSet(['he', 'she', 'his', 'hers', '微信']);
    const seen = new Uint32Array(5);
    const list = new Int32Array(5);
    const n = set.scan('ushers加微信she', seen, 1, list);
    expect([...list.subarray(0, n)].sort()).toEqual([0, 1, 3, 4]);
  });

  it('folds ASCII case when asked', () => {
    const set = new LiteralSet(['paypal'], true);
    const seen = new Uint32Array(1);
    const list = new Int32Array(1);
    expect(set.scan('Pay by PAYPAL', seen, 1, list)).toBe(1);
    expect(new LiteralSet(['paypal']).scan('PAYPAL', new Uint32Array(1), 1, list)).toBe(0);
  });
});

/** Random strings over an alphabet: every match of the expression must pass its gate. */
function fuzz(sources: string[], alphabet: string, flags = 'g'): void {
  const regexes = sources.map((s) => new RegExp(s, flags));
  const gate = new LiteralGate(regexes);
  const open = new Uint8Array(regexes.length);
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  let matched = 0;
  for (let t = 0; t < 3000; t++) {
    let text = '';
    const len = 1 + rand(12);
    for (let k = 0; k < len; k++) text += alphabet[rand(alphabet.length)];
    gate.open(text, open);
    regexes.forEach((re, k) => {
      re.lastIndex = 0;
      if (re.test(text)) {
        matched++;
        if (open[k] !== 1) throw new Error(`gate closed /${re.source}/ on ${JSON.stringify(text)}`);
      }
    });
  }
  expect(matched).toBeGreaterThan(100);
}

describe('LiteralGate', () => {
  it('never closes a matching expression (random texts)', () => {
    fuzz(['ab|ba', '(a|b)c?d', 'a[bc]{2}', 'x*y', '(?<!a)bc', '^a+b$', 'c(?=d)', '[^a]b', 'a.b', 'd{2,}'], 'abcdxy');
    fuzz(['AB|cd', 'a[Bc]d'], 'aAbBcCdD', 'gi');
  });

  const texts = ((): string[] => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/guard');
    const out: string[] = [];
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl'))) {
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) if (line.trim()) out.push((JSON.parse(line) as { text: string }).text);
    }
    return out;
  })();

  it('opens every concept expression that matches a fixture reply', () => {
    const lex = conceptLexicon();
    const c = compileGuard(profileFor('taobao').guard);
    const open = new Uint8Array(lex.concepts.length);
    let checked = 0;
    for (const text of texts) {
      const v = c.norm.view(text);
      for (const [kind, src] of [['text', v.compact], ['digits', v.digits], ['en', v.loose]] as const) {
        lex.gates[kind].open(src, open);
        for (const cc of lex.concepts) {
          const re = cc[kind];
          if (!re) continue;
          re.lastIndex = 0;
          if (re.test(src)) {
            checked++;
            expect(open[cc.index], `${cc.name}.${kind} on ${text}`).toBe(1);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    // And the gate does close most expressions on an ordinary reply.
    const v = c.norm.view('亲，这款是纯棉的，今天下午四点前拍下当天发货哦');
    lex.gates.text.open(v.compact, open);
    const gated = lex.concepts.filter((cc) => cc.text && open[cc.index] === 0).length;
    expect(gated).toBeGreaterThan(lex.concepts.filter((cc) => cc.text).length / 2);
  });

  it('opens every rule and promise expression that matches a fixture reply', () => {
    for (const platform of ['taobao', 'aliexpress'] as const) {
      const c = compileGuard(profileFor(platform).guard);
      for (const text of texts) {
        const v = c.norm.view(text);
        // D10's blaming expressions (rules/d10-tone.ts gates them the same way).
        const blaming = c.profile.rules.D10.tone.blaming.map((b) => new RegExp(b.pattern, 'g'));
        const bo = new Uint8Array(blaming.length);
        new LiteralGate(blaming).open(v.compact, bo);
        blaming.forEach((re, k) => {
          if (re.test(v.compact)) expect(bo[k], `${re.source} on ${text}`).toBe(1);
        });
        for (const [view, g] of c.gates) {
          const open = new Uint8Array(g.gate.size);
          const src = view === 'compact' ? v.compact : view === 'digits' ? v.digits : v.loose;
          g.gate.open(src, open);
          for (const [re, list] of g.index) {
            list.sources.forEach((source, k) => {
              if (new RegExp(source, re.flags).test(src)) expect(open[list.first + k], `${source} on ${text}`).toBe(1);
            });
            // Run gated (only the patterns that might match) and whole: the same matches.
            const spans = (hits: ReturnType<typeof scan>): string => hits.map((h) => `${h.s}-${h.e}:${h.m[0]}`).join(' ');
            expect(spans(scan(v, re, view, c)), `${re.source.slice(0, 60)} on ${text}`).toBe(spans(scan(v, re, view)));
          }
        }
      }
    }
  });
});
