/** How talkdeck prints numbers it formats itself (table cells, chart values): in the deck's language. */

/**
 * Numbers in the deck's language. `digits` fixes the fraction digits (a series written 3.1,
 * 3.0 shows 3,1 and 3,0, not 3); `min2` groups 23.000 but not 2021, as German and English
 * typesetting both expect for four digits.
 */
export function numberFormat(lang: string, digits?: number): Intl.NumberFormat {
  let locale = lang;
  try {
    Intl.NumberFormat.supportedLocalesOf([lang]);
  } catch {
    locale = 'en';
  }
  const fraction = digits === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return new Intl.NumberFormat(locale, { ...fraction, useGrouping: 'min2' } as Intl.NumberFormatOptions);
}

/** Fraction digits the data is written with (at most 3): 3.1 → 1, 12000 → 0. */
export function fractionDigits(values: readonly number[]): number {
  let digits = 0;
  for (const v of values) {
    const m = /\.(\d+)$/.exec(String(v));
    if (m) digits = Math.max(digits, m[1]!.length);
  }
  return Math.min(3, digits);
}
