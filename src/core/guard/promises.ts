// D8 — promises are commitments (seed 000, N2: breaking a promised gift, invoice, return, repair,
// freight, courier or discount costs points). The guard records every commitment a reply makes
// so it can be tracked to the order. A negated mention (不送赠品) is not a promise.
import { isNegated, scan, type CompiledGuard } from './compile.js';
import type { TextView } from './normalize.js';
import type { ReplyPromise } from './types.js';

export function extractPromises(c: CompiledGuard, v: TextView): ReplyPromise[] {
  const out: ReplyPromise[] = [];
  const seen = new Set<string>();
  for (const [kind, re] of c.promises) {
    {
      // Promise patterns are written for the digit view: 一个/三天 read as 1个/3天.
      for (const h of scan(v, re, 'digits', c)) {
        if (isNegated(c, v, h.s, h.e)) continue;
        const clauseId = v.clause[Math.min(h.s, Math.max(0, v.compact.length - 1))] ?? 0;
        const [cs, ce] = v.clauseO[clauseId] ?? [h.o[0], h.o[1]];
        const key = `${kind}:${cs}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const raw = v.text.slice(cs, ce);
        const lead = raw.length - raw.trimStart().length;
        const text = raw.trim();
        out.push({ kind, text, span: [cs + lead, cs + lead + text.length] });
      }
    }
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}
