// Temperature scaling (Guo et al. 2017): one scalar T divides the logits so that the softmax
// confidence matches the observed accuracy. T is fitted by minimising the negative log-likelihood
// of held-out predictions (k folds of our own examples, never the evaluation sets).

export interface HeldOut {
  logits: Float64Array;
  label: number;
}

function nll(items: readonly HeldOut[], t: number): number {
  let total = 0;
  for (const { logits, label } of items) {
    let max = -Infinity;
    for (const z of logits) if (z > max) max = z;
    let sum = 0;
    for (const z of logits) sum += Math.exp((z - max) / t);
    total += Math.log(sum) - (logits[label]! - max) / t;
  }
  return total / Math.max(1, items.length);
}

/** Best temperature in [0.05, 20] by golden-section search on log T. */
export function fitTemperature(items: readonly HeldOut[]): number {
  if (items.length === 0) return 1;
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = nll(items, Math.exp(a));
  let fb = nll(items, Math.exp(b));
  for (let i = 0; i < 40; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = nll(items, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = nll(items, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** Expected calibration error over 10 equal-width confidence bins. */
export function expectedCalibrationError(conf: readonly number[], correct: readonly boolean[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, acc: 0 }));
  conf.forEach((c, i) => {
    const bin = bins[Math.min(9, Math.floor(c * 10))]!;
    bin.n++;
    bin.conf += c;
    bin.acc += correct[i] ? 1 : 0;
  });
  let ece = 0;
  for (const bin of bins) {
    if (bin.n > 0) ece += (bin.n / conf.length) * Math.abs(bin.acc / bin.n - bin.conf / bin.n);
  }
  return ece;
}
