// C14 — the model phrases of good service by category (rules/service-phrases.yaml, seed 004):
// 感同身受 (empathy), 被重视 (being valued), 用"我"代替"您" (I instead of you), 站在客户的角度
// (the buyer's point of view). Other code lists them (listPhrases); the guard offers them as the
// polite form of a blaming phrase (D10) and of contempt (D3).
import { parse } from 'yaml';
import { z } from 'zod';
import { readShippedFile } from '../data-files.js';
import { DxeError } from '../errors.js';

export const PHRASE_CATEGORIES = ['empathy', 'valued', 'i_not_you', 'buyer_view'] as const;
export type PhraseCategory = (typeof PHRASE_CATEGORIES)[number];

const fileSchema = z.object({
  req: z.string(),
  seed: z.string(),
  categories: z.record(z.enum(PHRASE_CATEGORIES), z.object({ title: z.string(), phrases: z.array(z.string()).min(1) })),
});

export interface PhraseGroup {
  category: PhraseCategory;
  title: string;
  phrases: readonly string[];
}

let groups: PhraseGroup[] | undefined;

function load(): PhraseGroup[] {
  if (groups) return groups;
  const parsed = fileSchema.safeParse(parse(readShippedFile(import.meta.url, '../../../rules/service-phrases.yaml')));
  if (!parsed.success) throw new DxeError('PROFILE_INVALID', `rules/service-phrases.yaml: 服务用语库格式错误（${parsed.error.issues[0]?.message ?? ''}）`);
  groups = PHRASE_CATEGORIES.flatMap((category) => {
    const g = parsed.data.categories[category];
    return g ? [{ category, title: g.title, phrases: g.phrases }] : [];
  });
  return groups;
}

/** The model phrases, all categories or one. */
export function listPhrases(category?: PhraseCategory): PhraseGroup[] {
  const all = load();
  return category ? all.filter((g) => g.category === category) : all;
}

const EN_POLITE = 'I am sorry for the trouble; let me check this with you and find the best solution together';

/** The polite form offered for a blaming phrase: the first 用"我"代替"您" phrase (C14). */
export function politeFor(locale: 'zh' | 'en'): string {
  if (locale === 'en') return EN_POLITE;
  return listPhrases('i_not_you')[0]?.phrases[1] ?? '我觉得可能是我们的沟通存在误会';
}
