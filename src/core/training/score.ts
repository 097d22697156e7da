// L1: the scored report of a practice session — every guard violation with its platform points,
// reply times against the platform's targets, the flow steps (C1–C11), consistency with the
// standard answers (C12), empathy (C14), the scenario's trap and the outcome — with the replay
// and, beside each reply, the model answer the bot planned for that buyer line.
import type { ScoringWeights } from './scenarios.js';
import { FLOW_STEPS, type FlowStep, type Outcome, type Scenario, type TurnAnalysis } from './types.js';

export const FLOW_LABELS_ZH: Record<FlowStep, string> = {
  greeting: '招呼（C3）',
  needs: '了解需求（C11）',
  recommendation: '推荐（C6）',
  verification: '核实（C9）',
  farewell: '欢送（C10）',
};

export const OUTCOME_ZH: Record<Outcome, string> = {
  bought: '买家下单了',
  satisfied: '买家满意',
  left: '买家离开了',
  complained: '买家投诉了',
};

export interface ReplayLine {
  seq: number;
  author: 'buyer' | 'trainee';
  text: string;
  at: string;
  analysis?: TurnAnalysis;
}

export type DeductionKind = 'violation' | 'slow' | 'flow' | 'consistency' | 'empathy' | 'goal' | 'trap' | 'outcome';

export interface Deduction {
  kind: DeductionKind;
  titleZh: string;
  detailZh: string;
  /** Training score lost. */
  points: number;
  /** The platform's own points for a violation (rules/*.yaml), when it is one. */
  platformPoints?: number;
  seq?: number;
}

export interface TrainingReport {
  scenarioId: string;
  titleZh: string;
  outcome: Outcome;
  outcomeZh: string;
  success: boolean;
  score: number;
  /** Sum of the platform points of every violation made (what it would have cost the shop). */
  platformPoints: number;
  deductions: Deduction[];
  flow: { step: FlowStep; labelZh: string; required: boolean; done: boolean }[];
  goals: { id: string; titleZh: string; met: boolean }[];
  replay: ReplayLine[];
  /** C14 model phrases to learn from (rules/service-phrases.yaml), when empathy was wanted and missing. */
  phrasesToLearn: string[];
}

export function scoreSession(input: {
  scenario: Scenario;
  outcome: Outcome;
  goalsMet: number;
  replay: ReplayLine[];
  weights: ScoringWeights;
  empathyPhrases: readonly string[];
}): TrainingReport {
  const { scenario, weights: w } = input;
  const replies = input.replay.filter((l) => l.author === 'trainee' && l.analysis);
  const deductions: Deduction[] = [];
  let platformPoints = 0;
  for (const r of replies) {
    const a = r.analysis!;
    for (const v of a.violations) {
      platformPoints += v.points;
      deductions.push({
        kind: 'violation', titleZh: `违规：${v.title}（${v.rule}）`,
        detailZh: `${v.message}${v.rewrite ? `；可改为：${v.rewrite}` : ''}`,
        points: v.severity === 'block' ? w.violation_block : w.violation_warn, platformPoints: v.points, seq: r.seq,
      });
    }
    if (a.slow) {
      deductions.push({ kind: 'slow', titleZh: '回复慢', detailZh: `用了 ${a.seconds} 秒，平台要求 ${a.targetSeconds} 秒内回复`, points: w.slow_reply, seq: r.seq });
    }
    if (a.trapHit) {
      const goal = scenario.goals.find((g) => g.id === a.goalId);
      deductions.push({ kind: 'trap', titleZh: `踩坑：${goal?.trapZh ?? '场景陷阱'}`, detailZh: `标准做法：${goal?.titleZh ?? ''}`, points: w.trap, seq: r.seq });
    }
  }
  const done = new Set(replies.flatMap((r) => r.analysis!.steps));
  // A greeting counts only in the first reply (C3: the buyer is greeted at once).
  const first = replies[0]?.analysis?.steps ?? [];
  const flow = FLOW_STEPS.map((step) => {
    const ok = step === 'greeting' ? first.includes(step) : done.has(step);
    return { step, labelZh: FLOW_LABELS_ZH[step], required: scenario.flow.includes(step), done: ok };
  });
  for (const f of flow) {
    if (f.required && !f.done) deductions.push({ kind: 'flow', titleZh: `缺少流程：${f.labelZh}`, detailZh: '按服务流程，这一步不能少', points: w.missing_flow_step });
  }
  const goals = scenario.goals.map((g, i) => ({ id: g.id, titleZh: g.titleZh, met: i < input.goalsMet }));
  for (const g of goals) {
    if (g.met) continue;
    const tried = replies.filter((r) => r.analysis!.goalId === g.id);
    deductions.push({ kind: 'goal', titleZh: `未完成：${g.titleZh}`, detailZh: tried.length ? '回复没有解决买家的这个问题' : '对话没有进行到这一步', points: w.goal_missed });
    // C12: the trainee answered this question, but in other words than the shop's standard answer.
    const best = tried.reduce<ReplayLine | null>((b, r) => (!b || r.analysis!.consistency > b.analysis!.consistency ? r : b), null);
    if (best && best.analysis!.consistency < w.consistency_min) {
      deductions.push({
        kind: 'consistency', titleZh: '与标准话术不一致（C12）',
        detailZh: `参考答案：${best.analysis!.modelAnswer || '（无）'}`, points: w.inconsistent_answer, seq: best.seq,
      });
    }
  }
  const empathyShown = replies.some((r) => r.analysis!.empathy);
  if (scenario.empathyRequired && !empathyShown) {
    deductions.push({ kind: 'empathy', titleZh: '缺少共情（C14）', detailZh: '先安抚买家的情绪，用"我理解""给您带来不便非常抱歉"这样的话', points: w.missing_empathy });
  }
  const success = input.outcome === scenario.goodOutcome && !replies.some((r) => r.analysis!.trapHit);
  // The outcome costs points only when it differs from the ideal one; a trap that still ended in the
  // ideal outcome is already counted above (kind 'trap'), not as "结果：买家下单了 / 理想结果：买家下单了".
  if (input.outcome !== scenario.goodOutcome) {
    deductions.push({ kind: 'outcome', titleZh: `结果：${OUTCOME_ZH[input.outcome]}`, detailZh: `理想结果：${OUTCOME_ZH[scenario.goodOutcome]}`, points: w.bad_outcome });
  }
  const lost = deductions.reduce((s, d) => s + d.points, 0);
  return {
    scenarioId: scenario.id,
    titleZh: scenario.titleZh,
    outcome: input.outcome,
    outcomeZh: OUTCOME_ZH[input.outcome],
    success,
    score: Math.max(0, Math.min(w.start, w.start - lost)),
    platformPoints,
    deductions,
    flow,
    goals,
    replay: input.replay,
    phrasesToLearn: scenario.empathyRequired && !empathyShown ? [...input.empathyPhrases] : [],
  };
}
