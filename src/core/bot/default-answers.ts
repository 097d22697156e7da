// The product's own standard answers (标准话术, C12) for every intent of INTENTS.md and for the
// flow steps of seed 004: used for the demo shop and for new shops until they write their own.
// The copy is data, not code: answers/*.yaml, one key per answer with its variants per language
// (zh now; en may follow), read once through core/data-files.ts. Placeholders are listed in
// answers.ts.
import { parse } from 'yaml';
import { z } from 'zod';
import { readShippedFile } from '../data-files.js';
import { DxeError } from '../errors.js';
import { issueToZh, pathText } from '../rules/issue-text.js';
import type { StandardAnswer } from './types.js';

export const ANSWER_LANGUAGES = ['zh', 'en'] as const;
export type AnswerLanguage = (typeof ANSWER_LANGUAGES)[number];

/** The shipped files, in the order their answers are listed. */
export const ANSWER_FILES = ['answers/presales.yaml', 'answers/service.yaml'] as const;

const variants = z.array(z.string().min(1)).min(1);
const answerFileSchema = z.record(
  z.string().regex(/^[a-z_]+(?:\.[a-z_]+)*$/, '答案键只能由小写字母、下划线和点组成'),
  z.strictObject({ zh: variants, en: variants.optional() }),
);
export type AnswerFile = z.infer<typeof answerFileSchema>;

/** Parses and checks one answers file; `label` names it in the Chinese error. */
export function parseAnswerFile(text: string, label: string): AnswerFile {
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    throw new DxeError('CONFIG_INVALID', `${label}: YAML 语法错误（${err instanceof Error ? err.message : String(err)}）`);
  }
  const parsed = answerFileSchema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `${label}: ${pathText(issue.path)}: ${issueToZh(issue, data)}`);
  throw new DxeError('CONFIG_INVALID', `标准话术文件有误：\n${lines.join('\n')}`);
}

/**
 * The answers of several files in one language; a key without that language falls back to its
 * Chinese variants, so every key keeps an answer. A key in two files is an error.
 */
export function answersIn(files: readonly { label: string; answers: AnswerFile }[], lang: AnswerLanguage): StandardAnswer[] {
  const seen = new Map<string, string>();
  const out: StandardAnswer[] = [];
  for (const { label, answers } of files) {
    for (const [intent, byLang] of Object.entries(answers)) {
      const earlier = seen.get(intent);
      if (earlier) throw new DxeError('CONFIG_INVALID', `${label}: ${intent}: 与 ${earlier} 中的答案键重复`);
      seen.set(intent, label);
      out.push({ intent, variants: [...(byLang[lang] ?? byLang.zh)] });
    }
  }
  return out;
}

const cache = new Map<AnswerLanguage, { list: StandardAnswer[]; byKey: Map<string, StandardAnswer> }>();

function loaded(lang: AnswerLanguage) {
  let hit = cache.get(lang);
  if (!hit) {
    const files = ANSWER_FILES.map((file) => ({ label: file, answers: parseAnswerFile(readShippedFile(import.meta.url, file), file) }));
    const list = answersIn(files, lang);
    hit = { list, byKey: new Map(list.map((a) => [a.intent, a])) };
    cache.set(lang, hit);
  }
  return hit;
}

/** Every default answer in `lang` (a fresh copy: callers may keep or change it). */
export function defaultAnswers(lang: AnswerLanguage = 'zh'): StandardAnswer[] {
  return loaded(lang).list.map((a) => ({ intent: a.intent, variants: [...a.variants] }));
}

/** The default answer for one key, or undefined. */
export function defaultAnswer(key: string, lang: AnswerLanguage = 'zh'): StandardAnswer | undefined {
  return loaded(lang).byKey.get(key);
}
