// How often a shop's intent examples may change (issue 10, major 5): each change retrains the
// shop's model, and any agent of the shop may make one, so changes are counted per shop over a
// sliding minute. Over the limit the change is refused with RATE_LIMITED before anything is written.
import { DxeError } from '../../core/errors.js';

const WINDOW_MS = 60_000;

/**
 * The counts per deployment: `scope` is the database the shops live in (issue 9: a test worker
 * runs many files, each on a database of its own whose shops may share ids such as `demo-tmall`).
 */
interface Slots {
  recent: Map<string, number[]>;
  pending: Map<string, ReturnType<typeof setTimeout>>;
}
let slotsByScope = new WeakMap<object, Slots>();
/** Every deferred retrain, for resetRetrainSlots. */
const timers = new Set<ReturnType<typeof setTimeout>>();

function slotsOf(scope: object): Slots {
  let slots = slotsByScope.get(scope);
  if (!slots) {
    slots = { recent: new Map(), pending: new Map() };
    slotsByScope.set(scope, slots);
  }
  return slots;
}

export function takeRetrainSlot(scope: object, shopId: string, perMinute: number, nowMs: number): void {
  const { recent } = slotsOf(scope);
  const times = (recent.get(shopId) ?? []).filter((t) => nowMs - t < WINDOW_MS);
  if (times.length >= perMinute) {
    const waitS = Math.max(1, Math.ceil((times[0]! + WINDOW_MS - nowMs) / 1000));
    recent.set(shopId, times);
    throw new DxeError('RATE_LIMITED', `该店铺的例句修改过于频繁（每分钟最多 ${perMinute} 次，每次都会重新训练模型），请 ${waitS} 秒后再试`, {
      retryAfterSeconds: waitS,
    });
  }
  times.push(nowMs);
  recent.set(shopId, times);
}

/** For tests. */
export function resetRetrainSlots(): void {
  for (const t of timers) clearTimeout(t);
  timers.clear();
  slotsByScope = new WeakMap();
}

/**
 * A retrain asked for by an agent's relabel (issue 12): started now when the shop has a slot left
 * this minute; otherwise the correction waits and one retrain is scheduled for when the window
 * frees (one pending per shop, so many corrections in a burst cost one training). Never throws:
 * the relabel is stored either way.
 */
export function requestRetrain(scope: object, shopId: string, perMinute: number, nowMs: number, run: () => void): 'started' | 'waiting' {
  const { recent, pending } = slotsOf(scope);
  const times = (recent.get(shopId) ?? []).filter((t) => nowMs - t < WINDOW_MS);
  if (times.length < perMinute) {
    times.push(nowMs);
    recent.set(shopId, times);
    run();
    return 'started';
  }
  recent.set(shopId, times);
  if (!pending.has(shopId)) {
    const waitMs = Math.max(1000, times[0]! + WINDOW_MS - nowMs);
    const timer = setTimeout(() => {
      pending.delete(shopId);
      timers.delete(timer);
      run();
    }, waitMs);
    timer.unref?.();
    pending.set(shopId, timer);
    timers.add(timer);
  }
  return 'waiting';
}

/** For tests: whether a deferred retrain is scheduled for the shop. */
export function retrainPending(scope: object, shopId: string): boolean {
  return slotsOf(scope).pending.has(shopId);
}
