// Issue 11 (latency): the concepts' English expressions are scanned in groups behind one joint
// expression (concepts.ts, enGroups). The joint test must say "no match" exactly when no member
// can match, or a concept would be missed and a verdict change. Checked on sentences written for
// this test and on the generated training corpus (our own data, scripts/guard-corpus).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../scripts/guard-corpus/generate.js';
import { profileFor } from '../rules/load-profiles.js';
import { compileGuard } from './compile.js';
import { compileLexicon, conceptLexicon, matchConcepts, type ConceptLexicon } from './concepts.js';

const OWN = [
  'Are you blind? It says size M right there in the listing.',
  'Pay me directly via PayPal and I will give you 10% off, add my WhatsApp +44 7700 900123.',
  'We never ask for payment outside AliExpress; please ignore anyone who does.',
  'Leave a 5-star review with photos and we will refund $3 to your account!',
  'Earlier I promised a gift, but we ran out, so no gift this time.',
  'Shipping to remote areas needs an extra $5, please pay the difference link.',
  'It will definitely arrive within 7 days, 100% guaranteed, no delay at all.',
  'Thanks for your order! The parcel ships tomorrow and tracking updates in 2 days.',
  'My email is shop [at] example dot com, scan the QR code in my profile.',
  'Your friend Anna ordered the same lamp yesterday, her address is 12 Oak Street.',
  'We will cancel your order automatically if you do not reply within 24 hours.',
  'Not my problem, go ask the courier yourself. Whatever.',
  'Sorry for the wait! Let me check the warehouse for you right now.',
  '亲，加我vx：abc12345，转账便宜20元',
  '好评返现5元，截图发我',
];

/** Every English expression's matches, scanned one concept at a time (no groups). */
function ungrouped(lex: ConceptLexicon, loose: string): boolean[] {
  return lex.concepts.map((c) => (c.en ? new RegExp(c.en.source, 'i').test(loose) : false));
}

describe('grouped English expressions (issue 11, latency)', () => {
  const lex = conceptLexicon();
  const c = compileGuard(profileFor('aliexpress').guard ?? (() => { throw new Error('no guard'); })());
  const texts = [...OWN, ...generateCorpus().filter((_, i) => i % 3 === 0).map((s) => s.text)];

  it('forms groups that all have a joint test on the shipped lexicon', () => {
    expect(lex.enGroups.length).toBeGreaterThan(5);
    for (const g of lex.enGroups) if (g.members.length > 1) expect(g.any).toBeDefined();
    expect(lex.enGroups.flatMap((g) => g.members).length).toBe(lex.concepts.filter((k) => k.en).length);
  });

  it('finds "no match" for a group exactly when no member matches', () => {
    let skipped = 0;
    for (const t of texts) {
      const v = c.norm.view(t);
      const each = ungrouped(lex, v.loose);
      for (const g of lex.enGroups) {
        const anyMember = g.members.some((m) => each[m.index]);
        if (g.any) {
          expect(g.any.test(v.loose), `${g.members.map((m) => m.name).join(',')} on ${t}`).toBe(anyMember);
          if (!anyMember) skipped++;
        }
      }
    }
    // The groups do save work: most of them find nothing on most replies.
    expect(skipped).toBeGreaterThan(texts.length);
  });

  it('gives the same concept matches as scanning every expression on its own', () => {
    // The same lexicon with every English expression in a group of its own (always scanned).
    const ref = compileLexicon(readFileSync(fileURLToPath(new URL('../../../rules/guard-concepts.yaml', import.meta.url)), 'utf8'));
    ref.enGroups = ref.enGroups.flatMap((g) => g.members.map((m) => ({ members: [m] })));
    for (const t of texts) {
      expect(matchConcepts(lex, c.norm.view(t)), t).toEqual(matchConcepts(ref, c.norm.view(t)));
    }
  });

  it('scans an expression with a backreference on its own', () => {
    const lex2 = compileLexicon(`concepts:
  a: { req: D1, seed: '1', en: ['\\\\b(\\\\w)\\\\1\\\\b'] }
  b: { req: D1, seed: '2', en: ['\\\\bzz\\\\b'] }
families: {}
`);
    expect(lex2.enGroups).toHaveLength(1);
    expect(lex2.enGroups[0]?.any).toBeUndefined();
  });
});
