// Working days for "the platform answers within N working days" (N4): Monday to Friday in
// Beijing time. Public holidays are not modelled (the seeds give no calendar), so the date is an
// early estimate — on the safe side for a seller who wants to pay before the ruling.
const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;

export function addWorkingDays(from: Date, days: number): Date {
  let ms = from.getTime();
  let left = Math.max(0, Math.floor(days));
  while (left > 0) {
    ms += DAY;
    const weekday = new Date(ms + BEIJING).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(ms);
}
