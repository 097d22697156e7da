import type { CompiledGuard, Hit } from './compile.js';
import type { ConceptMatch } from './concepts.js';
import type { TextView } from './normalize.js';
import type { GuardContext } from './types.js';
export function learnedFindings(_c: CompiledGuard, _v: TextView, _ctx: GuardContext, _m: ConceptMatch[][]): Hit[] {
  return [];
}
