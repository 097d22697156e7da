// F4 老客回访 by phone and mail (seed 000: 定期回访顾客，用打电话、旺旺或者email的方式关心客户……切忌不要太频繁).
// Pure: which channel a shop's re-visit goes by, whether a call task may be created for a buyer,
// what an agent's recorded call outcome does to the task (retry an unreached call at most N times,
// a new task at the time agreed for 改约), and when a failed mail is tried again. The figures come
// from rules/followups.yaml (revisit.call, revisit.mail); the clock is passed in.
import { DxeError } from '../errors.js';
import type { FlowRule } from './config.js';

export const REVISIT_CHANNELS = ['chat', 'phone', 'email'] as const;
export type RevisitChannel = (typeof REVISIT_CHANNELS)[number];

export const REVISIT_CHANNEL_ZH: Record<RevisitChannel, string> = { chat: '旺旺/在线消息', phone: '电话回访', email: '邮件回访' };

export const CALL_OUTCOMES = ['reached', 'unreached', 'refused', 'rescheduled'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const CALL_OUTCOME_ZH: Record<CallOutcome, string> = { reached: '已接通', unreached: '未接通', refused: '拒绝回访', rescheduled: '改约' };

export type CallTaskState = 'open' | 'done' | 'given_up';
export const CALL_STATE_ZH: Record<CallTaskState, string> = { open: '待拨打', done: '已完成', given_up: '多次未接通，已放弃' };

/** The channels a flow may go by (absent in the rules: chat only). */
export function flowChannels(rule: Pick<FlowRule, 'channels'>): readonly RevisitChannel[] {
  return rule.channels ?? ['chat'];
}

/** Why no call task is created for a buyer now (null: create it). */
export type CallTaskHold = 'refused_call' | 'call_open';

/**
 * F3/F4: a buyer who refused a re-visit call is not called again, and a buyer with a call task
 * still open gets no second one (one re-visit at a time, never too often).
 */
export function callTaskHold(facts: { refusedBefore: boolean; openTask: boolean }): CallTaskHold | null {
  if (facts.refusedBefore) return 'refused_call';
  if (facts.openTask) return 'call_open';
  return null;
}

export interface CallRule {
  max_attempts: number;
  retry_hours: number;
}

export interface CallOutcomeInput {
  outcome: CallOutcome;
  /** Calls made on this task before this one. */
  attemptsBefore: number;
  /** 改约: when the buyer asked to be called (required for rescheduled, in the future). */
  rescheduleAt?: Date | null;
  now: Date;
}

export interface CallOutcomePlan {
  state: CallTaskState;
  attempts: number;
  /** The task's next due time (an unreached call tried again). */
  dueAt: Date | null;
  /** 改约: a new task at this time. */
  newTaskAt: Date | null;
}

/**
 * What a recorded call outcome does: 已接通 and 拒绝回访 finish the task; 未接通 tries again
 * retry_hours later until max_attempts calls were made (then 放弃); 改约 finishes this task and asks
 * for a new one at the agreed time (which must lie ahead, within 90 days).
 */
export function planCallOutcome(rule: CallRule, input: CallOutcomeInput): CallOutcomePlan {
  const attempts = input.attemptsBefore + 1;
  switch (input.outcome) {
    case 'reached':
    case 'refused':
      return { state: 'done', attempts, dueAt: null, newTaskAt: null };
    case 'unreached':
      if (attempts >= rule.max_attempts) return { state: 'given_up', attempts, dueAt: null, newTaskAt: null };
      return { state: 'open', attempts, dueAt: new Date(input.now.getTime() + rule.retry_hours * 3_600_000), newTaskAt: null };
    case 'rescheduled': {
      const at = input.rescheduleAt;
      if (!at || Number.isNaN(at.getTime())) throw new DxeError('VALIDATION_FAILED', '改约需要填写再次回访的时间');
      if (at.getTime() <= input.now.getTime()) throw new DxeError('VALIDATION_FAILED', '改约时间必须晚于现在');
      if (at.getTime() > input.now.getTime() + 90 * 24 * 3_600_000) throw new DxeError('VALIDATION_FAILED', '改约时间不能超过 90 天');
      return { state: 'done', attempts, dueAt: null, newTaskAt: at };
    }
  }
}

export interface MailRule {
  max_attempts: number;
  retry_minutes: readonly number[];
}

/** After a failed send (attempts made so far, this one included): try again at `nextAt`, or give up. */
export function mailRetry(rule: MailRule, attempts: number, now: Date): { state: 'pending'; nextAt: Date } | { state: 'failed'; nextAt: null } {
  if (attempts >= rule.max_attempts) return { state: 'failed', nextAt: null };
  const wait = rule.retry_minutes[Math.min(attempts - 1, rule.retry_minutes.length - 1)] ?? rule.retry_minutes[rule.retry_minutes.length - 1]!;
  return { state: 'pending', nextAt: new Date(now.getTime() + wait * 60_000) };
}

/** The mail subject from the rules' wording ({shop} filled in). */
export function mailSubject(template: string, shopName: string): string {
  return template.replaceAll('{shop}', shopName);
}
