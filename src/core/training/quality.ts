// 质检: a closed real conversation scored by the measures of the practice report — the guard's
// verdicts stored on the agent's replies (with their platform points), reply times against the
// platform's targets, the flow steps (C1–C11), empathy where the buyer complained (C14). Pure: the
// app passes the messages and the targets.
import type { ScoringWeights } from './scenarios.js';
import { flowSteps, showsEmpathy } from './analyse.js';
import type { Deduction } from './score.js';
import { FLOW_LABELS_ZH } from './score.js';
import type { FlowStep } from './types.js';

export interface QualityMessage {
  author: 'buyer' | 'agent' | 'bot' | 'system';
  text: string;
  at: Date;
  intent: string | null;
  violations: { rule: string; title?: string; severity: 'block' | 'warn'; points: number; message: string }[];
}

export interface QualityScore {
  score: number;
  platformPoints: number;
  deductions: Deduction[];
  complained: boolean;
  agentReplies: number;
}

/** Steps a served chat should show (the bot's welcome counts for the greeting). */
const EXPECTED: FlowStep[] = ['greeting', 'farewell'];
const COMPLAINT_INTENTS = new Set(['complaint', 'quality_issue']);

export function scoreConversation(
  msgs: readonly QualityMessage[],
  targets: { firstSeconds: number; laterSeconds: number },
  w: ScoringWeights,
  itemTitles: readonly string[] = [],
): QualityScore {
  const deductions: Deduction[] = [];
  let platformPoints = 0;
  let lastBuyerAt: Date | null = null;
  let answered = 0;
  const steps = new Set<FlowStep>();
  const ordered = [...msgs].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const m of ordered) {
    if (m.author === 'buyer') {
      if (!lastBuyerAt) lastBuyerAt = m.at;
      continue;
    }
    if (m.author === 'system') continue;
    for (const s of flowSteps(m.text, itemTitles)) steps.add(s);
    if (m.author !== 'agent') {
      lastBuyerAt = null;
      answered += 1;
      continue;
    }
    for (const v of m.violations) {
      platformPoints += v.points;
      deductions.push({
        kind: 'violation', titleZh: `违规：${v.title ?? v.rule}（${v.rule}）`, detailZh: v.message,
        points: v.severity === 'block' ? w.violation_block : w.violation_warn, platformPoints: v.points,
      });
    }
    if (lastBuyerAt) {
      const seconds = Math.round((m.at.getTime() - lastBuyerAt.getTime()) / 1000);
      const target = answered === 0 ? targets.firstSeconds : targets.laterSeconds;
      if (seconds > target) deductions.push({ kind: 'slow', titleZh: '回复慢', detailZh: `用了 ${seconds} 秒，平台要求 ${target} 秒内回复`, points: w.slow_reply });
    }
    lastBuyerAt = null;
    answered += 1;
  }
  for (const step of EXPECTED) {
    if (!steps.has(step)) deductions.push({ kind: 'flow', titleZh: `缺少流程：${FLOW_LABELS_ZH[step]}`, detailZh: '按服务流程，这一步不能少', points: w.missing_flow_step });
  }
  const complained = ordered.some((m) => m.author === 'buyer' && m.intent !== null && COMPLAINT_INTENTS.has(m.intent));
  const agentTexts = ordered.filter((m) => m.author === 'agent').map((m) => m.text);
  if (complained && agentTexts.length > 0 && !agentTexts.some(showsEmpathy)) {
    deductions.push({ kind: 'empathy', titleZh: '缺少共情（C14）', detailZh: '买家投诉或反映质量问题时，先安抚情绪再处理', points: w.missing_empathy });
  }
  const lost = deductions.reduce((s, d) => s + d.points, 0);
  return { score: Math.max(0, w.start - lost), platformPoints, deductions, complained, agentReplies: agentTexts.length };
}
