/** Timings of repeated runs, in milliseconds. */
export interface Timing {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  min: number;
}

export function summarize(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { n: s.length, mean: round(s.reduce((a, b) => a + b, 0) / s.length), p50: round(at(0.5)), p95: round(at(0.95)), min: round(s[0]!) };
}

/** Runs fn `warmup` times unmeasured, then n times, each timed. */
export async function measure(n: number, fn: () => unknown, warmup = Math.min(50, Math.ceil(n / 10))): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

/** The peak resident set size while fn runs, sampled every few milliseconds. */
export async function peakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakMb: Math.round((peak / 1048576) * 10) / 10 };
  } finally {
    clearInterval(timer);
  }
}
