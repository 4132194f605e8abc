/**
 * The widest-font measure the PowerPoint writer fits with (src/core/model/text-width.ts): words
 * are as wide as the widest of Source Sans 3, Liberation Sans and DejaVu Sans draws them (the
 * expected widths were read from the fonts' hmtx tables by hand, research notes of issue #18),
 * lines break at spaces and after hyphens, and a word wider than its line is reported, not wrapped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { longestWord, textWidth, wrappedLines } from '../src/core/model/text-width.js';

/** Width in em without the kerning slack. */
const em = (text: string, bold = false) => textWidth({ text, bold }, 1) / 1.02;

describe('text measured in the widest plausible font', () => {
  it('measures words as the widest of the three fonts draws them', () => {
    // At least what the widest single font gives (DejaVu Sans for most words, Arial's metrics
    // for some capitals), and not much more: each character takes the widest of the three.
    const widest: [string, boolean, number][] = [
      ['Kürzel', true, 3.58],
      ['Partnerschaftsformaten', false, 11.86],
      ['Verteidigungsbündnis', true, 12.46],
      ['CIDES', false, 3.06],
      ['PTEC', false, 2.67],
    ];
    for (const [word, bold, single] of widest) {
      expect(em(word, bold), word).toBeGreaterThanOrEqual(single - 0.01);
      expect(em(word, bold), word).toBeLessThanOrEqual(single * 1.03);
    }
    // Bold is wider than regular, and characters none of the fonts has count a full em.
    expect(em('Bündnis', true)).toBeGreaterThan(em('Bündnis'));
    expect(em('東京')).toBe(2);
    expect(textWidth({ text: 'abcd', mono: true }, 10)).toBeCloseTo(4 * 0.602 * 10 * 1.02, 6);
  });

  it('wraps at spaces and after hyphens, not at no-break spaces', () => {
    const px = 20;
    const word = textWidth({ text: 'NATO-Ausbildungsnetz' }, px);
    expect(wrappedLines([{ text: 'NATO-Ausbildungsnetz' }], px, word + 1)).toBe(1);
    // Narrower than the word: it breaks after its hyphen rather than in the middle.
    expect(wrappedLines([{ text: 'NATO-Ausbildungsnetz' }], px, word - 5)).toBe(2);
    expect(longestWord([{ text: 'NATO-Ausbildungsnetz' }], px)).toBeLessThan(word);
    const together = textWidth({ text: '3\u00a0/\u00a026' }, px);
    expect(wrappedLines([{ text: '3\u00a0/\u00a026' }], px, together - 1)).toBe(Infinity);
  });

  it('reports a word wider than its line as Infinity, so that fitting shrinks the text', () => {
    const px = 24.96;
    expect(wrappedLines([{ text: 'Kürzel', bold: true }], px, 69)).toBe(Infinity);
    expect(wrappedLines([{ text: 'Kürzel', bold: true }], px, 3.7 * px)).toBe(1);
  });

  it('counts a word split over runs (bold, then regular) as one word', () => {
    const px = 20;
    const split = [{ text: 'Bündnis', bold: true }, { text: 'verteidigung' }];
    const width = longestWord(split, px);
    expect(width).toBeCloseTo(textWidth(split[0]!, px) + textWidth(split[1]!, px), 6);
    expect(wrappedLines(split, px, width - 1)).toBe(Infinity);
    expect(wrappedLines([{ text: 'Bündnis ', bold: true }, { text: 'verteidigung' }], px, width - 1)).toBe(2);
  });

  const fonts = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf'];
  it.skipIf(!fonts.every(existsSync))('takes its widths from the installed fonts (the generated table is current)', () => {
    const r = spawnSync(process.execPath, ['scripts/advance-widths.mjs', '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
