/**
 * A one-line progress display for work that may take a while: shown on a terminal only, and
 * only once the work has taken more than a second, so quick runs and logs stay clean.
 */
import type { Output } from './io.js';

export interface Progress {
  update(text: string): void;
  /** Clears the line (if one was shown). */
  done(): void;
}

export function progressLine(stream: Output, delayMs = 1000): Progress {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let latest = '';
  let shown = false;
  let finished = false;
  const show = (): void => void stream.write(`\r\x1b[K${latest}`);
  const timer = setTimeout(() => {
    shown = true;
    show();
  }, delayMs);
  timer.unref?.();
  return {
    update(text) {
      if (finished) return;
      latest = text;
      if (shown) show();
    },
    done() {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
