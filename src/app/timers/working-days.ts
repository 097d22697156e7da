// Working days for "the platform answers within N working days" (N4): Monday to Friday in
// Beijing time. Public holidays are not modelled (the seeds give no calendar), so the date is an
// early estimate — on the safe side for a seller who wants to pay before the ruling.
import { beijingParts } from '../../core/time/beijing-time.js';

const DAY = 86_400_000;

export function addWorkingDays(from: Date, days: number): Date {
  let ms = from.getTime();
  let left = Math.max(0, Math.floor(days));
  while (left > 0) {
    ms += DAY;
    if (beijingParts(ms).weekday <= 5) left -= 1;
  }
  return new Date(ms);
}
