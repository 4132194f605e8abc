/**
 * Runs a task once a burst of triggers has been quiet for `quietMs`, but at least every
 * `maxWaitMs` while triggers keep coming, so a steady stream of saves still shows progress.
 */
export interface Debouncer {
  trigger(): void;
  /** Runs the task after `ms`, unless a trigger runs it sooner. */
  retryIn(ms: number): void;
  cancel(): void;
}

export function debounce(task: () => void, quietMs: number, maxWaitMs: number): Debouncer {
  let timer: NodeJS.Timeout | undefined;
  let firstAt: number | undefined;
  const run = (): void => {
    timer = undefined;
    firstAt = undefined;
    task();
  };
  const at = (ms: number): void => {
    clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, ms));
  };
  return {
    trigger() {
      const now = performance.now();
      firstAt ??= now;
      at(Math.min(quietMs, firstAt + maxWaitMs - now));
    },
    retryIn(ms) {
      if (!timer) at(ms);
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      firstAt = undefined;
    },
  };
}
