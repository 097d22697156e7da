// The default standard answers are data (answers/*.yaml), keyed by language (C12).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DxeError } from '../errors.js';
import { ANSWER_FILES, answersIn, defaultAnswer, defaultAnswers, parseAnswerFile } from './default-answers.js';

const errorOf = (run: () => unknown): DxeError => {
  try {
    run();
  } catch (err) {
    if (err instanceof DxeError) return err;
    throw err;
  }
  throw new Error('expected a DxeError');
};

describe('default answers as data (C12)', () => {
  it('every answers file in the folder is loaded, and each keeps its answers', () => {
    const dir = fileURLToPath(new URL('./answers/', import.meta.url));
    expect(readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => `answers/${f}`).sort()).toEqual([...ANSWER_FILES].sort());
    expect(defaultAnswers().length).toBeGreaterThan(60);
    expect(defaultAnswer('welcome')?.variants.length).toBeGreaterThanOrEqual(2);
    expect(defaultAnswer('no.such.key')).toBeUndefined();
  });

  it('a line break in a variant survives the file (a new chat message, C4)', () => {
    expect(defaultAnswer('stock.variant_out')?.variants[0]).toBe('真是不好意思亲，{variant}刚好卖完了[抱拳]\n同款还有{item.colours}有货，要不要看看？');
  });

  it('callers get a copy they may change', () => {
    const first = defaultAnswers();
    first[0]!.variants.push('改过');
    expect(defaultAnswers()[0]!.variants).not.toContain('改过');
  });

  it('keyed by language: English where written, Chinese where not yet', () => {
    const answers = parseAnswerFile(
      ['welcome:', '  zh: [您好，欢迎光临]', "  en: ['Hello, welcome']", 'farewell:', '  zh: [谢谢亲，欢迎再来]'].join('\n'),
      'test.yaml',
    );
    expect(answersIn([{ label: 'test.yaml', answers }], 'en')).toEqual([
      { intent: 'welcome', variants: ['Hello, welcome'] },
      { intent: 'farewell', variants: ['谢谢亲，欢迎再来'] },
    ]);
    expect(answersIn([{ label: 'test.yaml', answers }], 'zh')[0]).toEqual({ intent: 'welcome', variants: ['您好，欢迎光临'] });
  });

  it.each([
    ['a key with capitals', 'Welcome:\n  zh: [您好]', 'Welcome'],
    ['no Chinese variants', 'welcome:\n  en: [Hello]', 'welcome.zh'],
    ['an empty variant list', 'welcome:\n  zh: []', 'welcome.zh'],
    ['an unknown language', 'welcome:\n  zh: [您好]\n  fr: [Bonjour]', 'welcome'],
    ['broken YAML', 'welcome:\n  zh: [您好', 'YAML'],
  ])('rejects %s with a Chinese message naming the file and the place', (_name, text, where) => {
    const err = errorOf(() => parseAnswerFile(text, 'answers/bad.yaml'));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('answers/bad.yaml');
    expect(err.message).toContain(where);
  });

  it('a key in two files is an error', () => {
    const one = parseAnswerFile('welcome:\n  zh: [您好]', 'a.yaml');
    const two = parseAnswerFile('welcome:\n  zh: [您好呀]', 'b.yaml');
    const err = errorOf(() => answersIn([{ label: 'a.yaml', answers: one }, { label: 'b.yaml', answers: two }], 'zh'));
    expect(err.message).toContain('b.yaml: welcome');
  });
});
