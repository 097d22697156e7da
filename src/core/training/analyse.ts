// L1: reading one trainee reply against the scenario's current goal, the service flow (C1–C11),
// the standard answers (C12) and empathy phrasing (C14). Pure; the guard's verdict, the NLU's
// reading and the model answer are computed by the app and passed in.
import type { IntentId } from '../intents.js';
import type { FlowStep, Goal, Scenario, TurnAnalysis } from './types.js';

/** Lower-cased, without spaces and full-width punctuation differences. */
function norm(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '').replace(/，/g, ',').replace(/？/g, '?').replace(/！/g, '!');
}

export function hasAny(text: string, words: readonly string[]): boolean {
  const t = norm(text);
  return words.some((w) => t.includes(norm(w)));
}

/** Each group needs one of its words. */
export function meetsAll(text: string, groups: readonly (readonly string[])[]): boolean {
  return groups.length > 0 && groups.every((g) => hasAny(text, g));
}

/** Dice overlap of character bigrams (0–1), punctuation and emoticons ignored. */
export function bigramOverlap(a: string, b: string): number {
  const grams = (s: string) => {
    const clean = s.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
    const out = new Map<string, number>();
    for (let i = 0; i + 1 < clean.length; i++) {
      const g = clean.slice(i, i + 2);
      out.set(g, (out.get(g) ?? 0) + 1);
    }
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  let shared = 0;
  let total = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  for (const [g, n] of x) shared += Math.min(n, y.get(g) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

// C1–C11: what each step of the service flow sounds like in an agent's reply (seed 004: 招呼,
// 询问需求, 推荐, 核实, 欢送). A reply may show several.
const GREETING = ['您好', '你好', '亲', '在的', '欢迎', '很高兴为您服务', '您说', '我是'];
const NEEDS = ['?', '请问', '需要', '想要', '您看', '身高', '体重', '平时穿', '什么场合', '预算', '方便说', '哪里', '什么问题'];
const RECOMMEND = ['推荐', '建议您', '建议亲', '这款', '搭配', '可以选', '可以看看', '更适合', '适合您'];
const VERIFY = ['核对', '确认', '订单号', '核实', '收货信息', '地址', '查一下', '查询', '后台', '系统显示'];
const FAREWELL = ['感谢', '谢谢', '再见', '欢迎下次', '欢迎再来', '祝您', '期待您', '随时联系', '随时找我', '有问题随时'];

// C14 (rules/service-phrases.yaml, categories empathy and valued): the marks of speaking from the
// buyer's side; the full model phrases are shown in the report.
const EMPATHY = ['理解', '抱歉', '对不起', '不好意思', '着急', '心情', '给您带来', '非常重视', '换作是我', '如果我是您', '辛苦'];

export function flowSteps(reply: string, itemTitles: readonly string[]): FlowStep[] {
  const steps: FlowStep[] = [];
  if (hasAny(reply, GREETING)) steps.push('greeting');
  if (hasAny(reply, NEEDS)) steps.push('needs');
  if (hasAny(reply, RECOMMEND) || itemTitles.some((t) => t && reply.includes(t))) steps.push('recommendation');
  if (hasAny(reply, VERIFY)) steps.push('verification');
  if (hasAny(reply, FAREWELL)) steps.push('farewell');
  return steps;
}

export function showsEmpathy(reply: string): boolean {
  return hasAny(reply, EMPATHY);
}

export interface ReplyFacts {
  reply: string;
  goal: Goal | null;
  violations: TurnAnalysis['violations'];
  replyIntent: IntentId;
  seconds: number;
  targetSeconds: number;
  modelAnswer: string;
  /** Standard-answer variants for the goal's intents (the shop's, C12). */
  standardTexts: readonly string[];
  itemTitles: readonly string[];
}

export function analyseReply(_scenario: Scenario, f: ReplyFacts): TurnAnalysis {
  const goal = f.goal;
  const trapHit = goal ? goal.trap.some((g) => hasAny(f.reply, g)) : false;
  const goalMet = goal ? !trapHit && meetsAll(f.reply, goal.accept) : false;
  const consistency = Math.max(0, bigramOverlap(f.reply, f.modelAnswer), ...f.standardTexts.map((s) => bigramOverlap(f.reply, s)));
  const onTopic =
    goalMet ||
    trapHit ||
    (goal !== null && (hasAny(f.reply, goal.topic) || goal.intents.includes(f.replyIntent) || goal.accept.some((g) => hasAny(f.reply, g)))) ||
    consistency >= 0.3;
  return {
    goalId: goal?.id ?? null,
    goalMet,
    trapHit,
    onTopic,
    seconds: Math.round(f.seconds),
    targetSeconds: f.targetSeconds,
    slow: f.seconds > f.targetSeconds,
    violations: f.violations,
    replyIntent: f.replyIntent,
    steps: flowSteps(f.reply, f.itemTitles),
    empathy: showsEmpathy(f.reply),
    consistency: Math.round(consistency * 100) / 100,
    modelAnswer: f.modelAnswer,
  };
}
