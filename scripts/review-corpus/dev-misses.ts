// Development-set misses (issue 13, round 8): runs analyzeReview on development sets (never on the
// held-out or current blind sets) and prints the figures, and with --misses the wrong items.
//   npx tsx scripts/review-corpus/dev-misses.ts bench/sets/reviews/blind-r6.jsonl [--misses causes|flags|sentiment]
import { readFileSync } from 'node:fs';
import { analyzeReview } from '../../src/core/reviews/analyze.js';

const args = process.argv.slice(2);
const what = args.includes('--misses') ? args[args.indexOf('--misses') + 1] : undefined;
const files = args.filter((a, i) => a.endsWith('.jsonl') && args[i - 1] !== '--misses');
for (const f of files) {
  if (/blind-r[78]\b/.test(f)) throw new Error('held-out or current blind set: not here');
  const rows = readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { id: string; text: string; rating?: number; platform?: string; sentiment: string; causes: string[]; flags: string[] });
  let sent = 0, tp = 0, fp = 0, fn = 0, ftp = 0, ffp = 0, ffn = 0;
  for (const r of rows) {
    const o = analyzeReview({ text: r.text, rating: r.rating, platform: r.platform });
    if (o.sentiment === r.sentiment) sent++;
    else if (what === 'sentiment') console.log(`S ${r.id} want ${r.sentiment} r=${r.rating ?? '-'} | ${r.text}`);
    const gc = new Set(r.causes), oc = new Set<string>(o.causes);
    const cfn = [...gc].filter((c) => !oc.has(c)), cfp = [...oc].filter((c) => !gc.has(c));
    tp += [...gc].filter((c) => oc.has(c)).length; fp += cfp.length; fn += cfn.length;
    if (what === 'causes' && (cfn.length || cfp.length)) console.log(`C ${r.id} miss[${cfn}] extra[${cfp}] | ${r.text}`);
    const gf = new Set(r.flags), of = new Set<string>(o.flags);
    const xfn = [...gf].filter((c) => !of.has(c)), xfp = [...of].filter((c) => !gf.has(c));
    ftp += [...gf].filter((c) => of.has(c)).length; ffp += xfp.length; ffn += xfn.length;
    if (what === 'flags' && (xfn.length || xfp.length)) console.log(`F ${r.id} miss[${xfn}] extra[${xfp}] | ${r.text}`);
  }
  const p = tp / (tp + fp), rc = tp / (tp + fn);
  console.log(`${f}: n=${rows.length} sentiment ${(100 * sent / rows.length).toFixed(1)}% causesF1 ${(2 * p * rc / (p + rc)).toFixed(3)} (P ${p.toFixed(3)} R ${rc.toFixed(3)}) flags(label-level) P ${(ftp / (ftp + ffp)).toFixed(3)} R ${(ftp / (ftp + ffn)).toFixed(3)}`);
}
