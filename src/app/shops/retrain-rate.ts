// How often a shop's intent examples may change (issue 10, major 5): each change retrains the
// shop's model, and any agent of the shop may make one, so changes are counted per shop over a
// sliding minute. Over the limit the change is refused with RATE_LIMITED before anything is written.
import { DxeError } from '../../core/errors.js';

const WINDOW_MS = 60_000;
const recent = new Map<string, number[]>();

export function takeRetrainSlot(shopId: string, perMinute: number, nowMs: number): void {
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
  recent.clear();
}
