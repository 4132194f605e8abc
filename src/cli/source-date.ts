import { TalkdeckError } from '../core/base/errors.js';

/**
 * SOURCE_DATE_EPOCH (whole seconds, the reproducible-builds convention) as a date, or
 * undefined when it is not set.
 */
export function sourceDateEpoch(env: Record<string, string | undefined>): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return undefined;
  if (!/^\d+$/.test(epoch)) {
    throw new TalkdeckError({ code: 'usage', message: `SOURCE_DATE_EPOCH must be whole seconds since 1970, not \`${epoch}\`` });
  }
  return new Date(Number(epoch) * 1000);
}
