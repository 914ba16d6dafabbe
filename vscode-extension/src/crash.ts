// When to restart a crashed language server and when to give up: at most
// `maxRestarts` crashes within `windowMs`, as a sliding window.

export type CrashDecision = 'restart' | 'give-up';

export class CrashTracker {
  private times: number[] = [];

  constructor(
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  record(): CrashDecision {
    const t = this.now();
    this.times = this.times.filter((x) => t - x < this.windowMs);
    this.times.push(t);
    return this.times.length > this.maxRestarts ? 'give-up' : 'restart';
  }

  /** After a manual restart the count starts again. */
  reset(): void {
    this.times = [];
  }

  get recent(): number {
    return this.times.length;
  }
}
