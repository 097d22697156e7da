// L1: practice sessions against a simulated buyer (issue 16). A session reads the shop's
// catalogue, standard answers and rule profile (read-only) and writes only training_sessions and
// training_messages: it never reaches a buyer, a conversation or an order, and its scores are kept
// apart from the real service figures. Each trainee reply is read the way a real reply is: the
// reply guard over the shop's profile (with its points), the NLU, the platform's reply-time
// targets; the simulated buyer reacts (core/training/simulator.ts) and the finished session gets a
// scored report with the model answer the bot plans for every buyer line.
import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { planReply } from '../../core/bot/plan-reply.js';
import { DxeError } from '../../core/errors.js';
import { listPhrases } from '../../core/guard/phrases.js';
import type { IntentId } from '../../core/intents.js';
import { analyseReply } from '../../core/training/analyse.js';
import { commonReactions, loadScenarios, scenarioById, scoringWeights, SCENARIO_IDS } from '../../core/training/scenarios.js';
import { scoreSession, type ReplayLine, type TrainingReport } from '../../core/training/score.js';
import { endByTrainee, reactToReply, startBuyer } from '../../core/training/simulator.js';
import type { BuyerState, Outcome, Scenario, TurnAnalysis } from '../../core/training/types.js';
import type { Database, Tx } from '../../store/open-database.js';
import { agents, trainingMessages, trainingSessions } from '../../store/schema/index.js';
import type { Principal } from '../auth/auth.js';
import { explainVerdict, guardContext, guardReply, type ExplainedViolation } from '../conversations/guard-reply.js';
import type { UseCaseDeps } from '../runtime/context.js';
import { loadShopContext, type ShopContext } from '../shops/shop-context.js';
import { nluForShop } from '../shops/shop-nlu.js';

type SessionRow = typeof trainingSessions.$inferSelect;
type MessageRow = typeof trainingMessages.$inferSelect;

export interface ScenarioSummary {
  id: string;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  mood: Scenario['mood'];
  goals: string[];
}

export function listScenarios(): ScenarioSummary[] {
  const all = loadScenarios();
  commonReactions();
  return SCENARIO_IDS.map((id) => {
    const s = all.get(id)!;
    return { id, titleZh: s.titleZh, titleEn: s.titleEn, summaryZh: s.summaryZh, mood: s.mood, goals: s.goals.map((g) => g.titleZh) };
  });
}

export interface TrainingLineView {
  seq: number;
  author: 'buyer' | 'trainee';
  text: string;
  at: string;
  /** Trainee lines: what was caught at once (violations with their points; the reply time). */
  violations?: { rule: string; title: string; severity: 'block' | 'warn'; points: number; message: string; rewrite: string }[];
  seconds?: number;
  targetSeconds?: number;
}

export interface TrainingSessionView {
  id: string;
  shopId: string;
  scenarioId: string;
  titleZh: string;
  summaryZh: string;
  traineeId: string;
  traineeName: string;
  seed: number;
  status: 'open' | 'ended';
  /** The buyer has ended the chat (the trainee may still say goodbye, then finish). */
  buyerEnded: boolean;
  outcome: Outcome | null;
  score: number | null;
  lines: TrainingLineView[];
  report: TrainingReport | null;
}

function lineView(m: MessageRow): TrainingLineView {
  const base: TrainingLineView = { seq: m.seq, author: m.author, text: m.text, at: m.createdAt.toISOString() };
  if (m.author !== 'trainee' || !m.analysis) return base;
  const a = m.analysis as TurnAnalysis;
  return { ...base, violations: a.violations, seconds: a.seconds, targetSeconds: a.targetSeconds };
}

function view(row: SessionRow, scenario: Scenario, traineeName: string, lines: MessageRow[]): TrainingSessionView {
  const state = row.state as BuyerState;
  return {
    id: row.id,
    shopId: row.shopId,
    scenarioId: row.scenarioId,
    titleZh: scenario.titleZh,
    summaryZh: scenario.summaryZh,
    traineeId: row.traineeId,
    traineeName,
    seed: row.seed,
    status: row.status,
    buyerEnded: state.ended === true,
    outcome: (row.outcome as Outcome | null) ?? null,
    score: row.score,
    lines: lines.map(lineView),
    report: (row.report as TrainingReport | null) ?? null,
  };
}

function traineeOf(p: Principal): string {
  if (p.kind !== 'agent' || !p.agentId) throw new DxeError('FORBIDDEN', '只有客服账号可以参加培训');
  return p.agentId;
}
const isLead = (p: Principal) => p.role === 'admin' || p.role === 'supervisor';

function scenarioOf(id: string): Scenario {
  const s = scenarioById(id);
  if (!s) throw new DxeError('NOT_FOUND', '找不到该培训场景');
  return s;
}

/** The bot's planned answer to a buyer line from the shop's own data (the model answer, C12). */
function modelAnswer(shop: ShopContext, text: string, intent: IntentId, entities: Parameters<typeof planReply>[0]['nlu']['entities'], now: Date, itemId: string | null): string {
  const plan = planReply({
    nlu: { intent, confidence: 1, entities: itemId ? { ...entities, itemRefs: [...new Set([...entities.itemRefs, itemId])] } : entities, secondary: null },
    text,
    conversation: { stage: 'greet', turns: [], botTurnsSinceHuman: 0, misunderstandings: 0, ...(itemId ? { focusItemId: itemId } : {}) },
    shop: shop.shop,
    items: shop.items,
    orders: [],
    standardAnswers: shop.standardAnswers,
    promotions: shop.promotions,
    now,
    isFirstMessage: false,
    language: 'zh',
    staleScanHours: shop.profile.logistics.stale_scan_hours,
    forAgent: { variant: 0 },
  });
  return plan.messages.join('\n').trim();
}

interface BuyerLineAnalysis {
  intent: IntentId;
  goalId: string | null;
  modelAnswer: string;
}

async function analyseBuyerLine(database: Database, shop: ShopContext, scenario: Scenario, state: BuyerState, text: string, now: Date): Promise<BuyerLineAnalysis> {
  const nlu = (await nluForShop(database, shop.shop.id)).understand(text, { now });
  const goal = scenario.goals[state.goalIndex] ?? null;
  // The NLU reads the line as the real pipeline would; when it reads "other", the goal's topic stands in.
  const intent: IntentId = nlu.intent === 'other' && goal ? goal.intents[0]! : nlu.intent;
  return { intent, goalId: goal?.id ?? null, modelAnswer: modelAnswer(shop, text, intent, nlu.entities, now, state.slots.itemId) };
}

export async function startSession(deps: UseCaseDeps, p: Principal, input: { shopId: string; scenarioId: string; seed?: number }): Promise<TrainingSessionView> {
  const trainee = traineeOf(p);
  if (!p.shopIds.includes(input.shopId)) throw new DxeError('NOT_FOUND', '找不到该店铺');
  const scenario = scenarioOf(input.scenarioId);
  const shop = await loadShopContext(deps.database, input.shopId, deps.now.getTime());
  const seed = input.seed ?? randomInt(1, 2 ** 31 - 1);
  const first = startBuyer(scenario, seed, { shopName: shop.shop.name, items: shop.items });
  const analysis = await analyseBuyerLine(deps.database, shop, scenario, first.state, first.line, deps.now);
  const { db } = deps.database;
  const [row] = await db.transaction(async (tx) => {
    const rows = await tx.insert(trainingSessions).values({
      orgId: p.orgId, shopId: input.shopId, traineeId: trainee, scenarioId: scenario.id, seed, state: first.state, startedAt: deps.now,
    }).returning();
    await tx.insert(trainingMessages).values({ sessionId: rows[0]!.id, seq: 1, author: 'buyer', text: first.line, analysis, createdAt: deps.now });
    return rows;
  });
  return readSession(deps.database, p, row!.id);
}

/** The session locked for change, if the caller may act in it (only its trainee may). */
async function lockOwn(tx: Tx, p: Principal, id: string): Promise<SessionRow> {
  const [row] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, id)).for('update');
  if (!row || !p.shopIds.includes(row.shopId) || row.orgId !== p.orgId) throw new DxeError('NOT_FOUND', '找不到该培训');
  if (row.traineeId !== p.agentId) {
    if (isLead(p)) throw new DxeError('FORBIDDEN', '只有参训的客服本人可以在练习中回复');
    throw new DxeError('NOT_FOUND', '找不到该培训');
  }
  return row;
}

export async function replyInSession(deps: UseCaseDeps, p: Principal, id: string, text: string): Promise<TrainingSessionView> {
  traineeOf(p);
  const reply = text.trim();
  if (!reply) throw new DxeError('VALIDATION_FAILED', '回复不能为空');
  const { db } = deps.database;
  // Read outside the lock what needs no lock (the shop, the NLU), then decide under it.
  const [peek] = await db.select({ shopId: trainingSessions.shopId }).from(trainingSessions).where(eq(trainingSessions.id, id));
  if (!peek || !p.shopIds.includes(peek.shopId)) throw new DxeError('NOT_FOUND', '找不到该培训');
  const shop = await loadShopContext(deps.database, peek.shopId, deps.now.getTime());
  const nlu = await nluForShop(deps.database, peek.shopId);
  const weights = scoringWeights();
  const pending = await db.transaction(async (tx) => {
    const row = await lockOwn(tx, p, id);
    if (row.status !== 'open') throw new DxeError('INVALID_TRANSITION', '这次练习已经结束');
    const scenario = scenarioOf(row.scenarioId);
    const lines = await tx.select().from(trainingMessages).where(eq(trainingMessages.sessionId, id)).orderBy(asc(trainingMessages.seq));
    const lastBuyer = [...lines].reverse().find((l) => l.author === 'buyer')!;
    const earlier = lines.filter((l) => l.author === 'trainee');
    const buyerInfo = lastBuyer.analysis as BuyerLineAnalysis;
    const state = row.state as BuyerState;
    // D: the shop's own guard profile; D6 from the scenario (a privacy trap: not the order's account).
    const verdict = explainVerdict(
      shop.profile,
      guardReply(shop.profile, reply, guardContext({ freeShipping: shop.settings.freeShipping, previousOutgoing: earlier.slice(-3).map((l) => l.text), askerIsBuyer: scenario.askerIsBuyer, shopName: shop.shop.name })),
    );
    const service = shop.profile.service;
    // C2 (seed 004): the first reply within first_reply_seconds; every later one within the slowest alternative.
    const targetSeconds = earlier.length === 0 ? service.first_reply_seconds : Math.max(service.first_reply_seconds, ...service.first_reply_seconds_alternatives);
    const goal = state.ended ? null : (scenario.goals[state.goalIndex] ?? null);
    const standardTexts = goal
      ? shop.standardAnswers.filter((a) => goal.intents.some((i) => a.intent === i || a.intent.startsWith(`${i}.`))).flatMap((a) => a.variants)
      : [];
    const analysis = analyseReply(scenario, {
      reply,
      goal,
      violations: (verdict.violations as ExplainedViolation[]).map((v) => ({ rule: v.rule, title: v.title, severity: v.severity, points: v.points, message: v.message, rewrite: v.rewrite })),
      replyIntent: nlu.understand(reply, { now: deps.now }).intent,
      seconds: (deps.now.getTime() - lastBuyer.createdAt.getTime()) / 1000,
      targetSeconds,
      modelAnswer: buyerInfo?.modelAnswer ?? '',
      standardTexts,
      itemTitles: shop.items.map((i) => i.title),
    });
    const seq = lines.length + 1;
    await tx.insert(trainingMessages).values({ sessionId: id, seq, author: 'trainee', text: reply, analysis, createdAt: deps.now });
    if (state.ended) return null;
    const move = reactToReply(scenario, state, analysis, weights.patience_slow_factor);
    await tx.update(trainingSessions).set({ state: move.state, outcome: move.outcome }).where(eq(trainingSessions.id, id));
    return { move, seq: seq + 1, scenario };
  });
  // The buyer's answer (its model answer planned from the shop's data) is written after a short
  // read of the NLU; the session row is locked again so two replies never interleave.
  if (pending) {
    const analysis = pending.move.ended
      ? { intent: 'thanks_bye' as IntentId, goalId: null, modelAnswer: '' }
      : await analyseBuyerLine(deps.database, shop, pending.scenario, pending.move.state, pending.move.line, deps.now);
    await db.insert(trainingMessages).values({ sessionId: id, seq: pending.seq, author: 'buyer', text: pending.move.line, analysis, createdAt: deps.now });
  }
  return readSession(deps.database, p, id);
}

/** Ends the session (by the trainee, or after the buyer ended it) and stores the scored report. */
export async function finishSession(deps: UseCaseDeps, p: Principal, id: string): Promise<TrainingSessionView> {
  traineeOf(p);
  await deps.database.db.transaction(async (tx) => {
    const row = await lockOwn(tx, p, id);
    if (row.status === 'ended') return;
    const scenario = scenarioOf(row.scenarioId);
    const state = row.state as BuyerState;
    const end = endByTrainee(scenario, state);
    const lines = await tx.select().from(trainingMessages).where(eq(trainingMessages.sessionId, id)).orderBy(asc(trainingMessages.seq));
    const replay: ReplayLine[] = lines.map((l) => ({
      seq: l.seq, author: l.author, text: l.text, at: l.createdAt.toISOString(),
      ...(l.author === 'trainee' && l.analysis ? { analysis: l.analysis as TurnAnalysis } : {}),
    }));
    const report = scoreSession({
      scenario,
      outcome: end.outcome!,
      goalsMet: Math.min(end.state.goalIndex, scenario.goals.length),
      replay,
      weights: scoringWeights(),
      empathyPhrases: listPhrases('empathy').flatMap((g) => g.phrases).slice(0, 4),
    });
    await tx.update(trainingSessions).set({
      status: 'ended', outcome: report.outcome, state: end.state, score: report.score, report, endedAt: deps.now,
    }).where(eq(trainingSessions.id, id));
  });
  return readSession(deps.database, p, id);
}

/** A session: its trainee sees their own; supervisors and admins every session of their shops. */
export async function readSession(database: Database, p: Principal, id: string): Promise<TrainingSessionView> {
  const { db } = database;
  const [found] = await db
    .select({ row: trainingSessions, name: agents.displayName })
    .from(trainingSessions)
    .innerJoin(agents, eq(agents.id, trainingSessions.traineeId))
    .where(eq(trainingSessions.id, id));
  if (!found || found.row.orgId !== p.orgId || !p.shopIds.includes(found.row.shopId)) throw new DxeError('NOT_FOUND', '找不到该培训');
  if (found.row.traineeId !== p.agentId && !isLead(p)) throw new DxeError('NOT_FOUND', '找不到该培训');
  const lines = await db.select().from(trainingMessages).where(eq(trainingMessages.sessionId, id)).orderBy(asc(trainingMessages.seq));
  return view(found.row, scenarioOf(found.row.scenarioId), found.name, lines);
}

export interface TraineeProgress {
  traineeId: string;
  traineeName: string;
  sessions: number;
  finished: number;
  averageScore: number | null;
  lastScore: number | null;
  lastAt: string | null;
  /** Best score per scenario practised. */
  best: { scenarioId: string; titleZh: string; score: number }[];
  /** Platform points the trainee's practice replies would have cost (violations made while practising). */
  platformPoints: number;
}

export interface TrainingOverview {
  /** The caller's own recent sessions. */
  mine: { id: string; scenarioId: string; titleZh: string; status: 'open' | 'ended'; score: number | null; outcome: string | null; startedAt: string }[];
  /** Supervisors and admins: every trainee of their shops. Agents: themselves only. */
  progress: TraineeProgress[];
}

/** Training progress, kept apart from the real service figures (T1 never reads these tables). */
export async function trainingOverview(database: Database, p: Principal): Promise<TrainingOverview> {
  const { db } = database;
  if (p.shopIds.length === 0) return { mine: [], progress: [] };
  const scope = and(eq(trainingSessions.orgId, p.orgId), inArray(trainingSessions.shopId, p.shopIds));
  const rows = await db
    .select({ row: trainingSessions, name: agents.displayName })
    .from(trainingSessions)
    .innerJoin(agents, eq(agents.id, trainingSessions.traineeId))
    .where(isLead(p) ? scope : and(scope, eq(trainingSessions.traineeId, p.agentId ?? '')))
    .orderBy(desc(trainingSessions.startedAt))
    .limit(2000);
  const title = (id: string) => scenarioById(id)?.titleZh ?? id;
  const mine = rows
    .filter((r) => r.row.traineeId === p.agentId)
    .slice(0, 20)
    .map((r) => ({
      id: r.row.id, scenarioId: r.row.scenarioId, titleZh: title(r.row.scenarioId), status: r.row.status, score: r.row.score,
      outcome: r.row.outcome, startedAt: r.row.startedAt.toISOString(),
    }));
  const byTrainee = new Map<string, typeof rows>();
  for (const r of rows) byTrainee.set(r.row.traineeId, [...(byTrainee.get(r.row.traineeId) ?? []), r]);
  const progress: TraineeProgress[] = [...byTrainee.entries()].map(([traineeId, list]) => {
    const done = list.filter((r) => r.row.status === 'ended' && r.row.score !== null);
    const best = new Map<string, number>();
    for (const r of done) best.set(r.row.scenarioId, Math.max(best.get(r.row.scenarioId) ?? 0, r.row.score!));
    const points = done.reduce((s, r) => s + ((r.row.report as TrainingReport | null)?.platformPoints ?? 0), 0);
    return {
      traineeId,
      traineeName: list[0]!.name,
      sessions: list.length,
      finished: done.length,
      averageScore: done.length ? Math.round(done.reduce((s, r) => s + r.row.score!, 0) / done.length) : null,
      lastScore: done[0]?.row.score ?? null,
      lastAt: list[0]!.row.startedAt.toISOString(),
      best: [...best.entries()].map(([scenarioId, score]) => ({ scenarioId, titleZh: title(scenarioId), score })),
      platformPoints: points,
    };
  });
  progress.sort((a, b) => a.traineeName.localeCompare(b.traineeName, 'zh'));
  return { mine, progress };
}
