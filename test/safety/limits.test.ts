// Limits on what a deck can make talkdeck compute: each refuses with a located message, or
// computes without spreading an unbounded list into a call (which overflows the stack).
import { describe, expect, it } from 'vitest';
import { maxOf, minOf } from '../../src/core/base/extent.js';

describe('the extent of a list', () => {
  it('takes any number of values, as Math.max and Math.min would on a few', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 100_003);
    expect(maxOf(many)).toBe(100_002);
    expect(minOf(many)).toBe(0);
    expect(maxOf([])).toBe(Math.max());
    expect(minOf([])).toBe(Math.min());
    expect(maxOf([], 0)).toBe(0);
    expect(maxOf([1, Number.NaN, 3])).toBeNaN();
  });
});

describe('free Markdown', async () => {
  const { renderFreeMarkdown, MATH_BUDGET } = await import('../../src/core/model/free-markdown/render.js');
  const resource = (): { href: string } => ({ href: 'x' });

  it('refuses HTML nested deeper than a browser shows, at its line, before walking it', () => {
    const body = `# Deep\n\ntext\n\n${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}\n`;
    const r = renderFreeMarkdown(body, { resource });
    expect(r.html).toBe('');
    expect(r.problems).toEqual([expect.objectContaining({ line: 5, severity: 'error', message: 'HTML nested more than 500 levels deep' })]);
    expect(renderFreeMarkdown(`${'<div>'.repeat(400)}x${'</div>'.repeat(400)}`, { resource }).problems).toEqual([]);
  });

  it('typesets formulas up to the deck’s budget, reports the first one past it once, and typesets no more', () => {
    const math = { formulas: 0, characters: 0 };
    const body = (n: number): string => Array.from({ length: n }, (_, i) => `$x_{${i}}$`).join('\n');
    const first = renderFreeMarkdown(body(600), { resource, math });
    expect(first.problems).toEqual([]);
    expect(first.uses.math).toBe(true);
    const second = renderFreeMarkdown(`# Two\n\n${body(600)}`, { resource, math });
    expect(second.problems).toEqual([expect.objectContaining({ line: 3 + MATH_BUDGET.formulas - 600, severity: 'error' })]);
    expect(second.problems[0]!.message).toContain(`more than ${MATH_BUDGET.formulas.toLocaleString('en')} formulas`);
    const third = renderFreeMarkdown(body(1), { resource, math });
    expect(third).toMatchObject({ html: '', problems: [] });
  });

  it('counts the characters of TeX too', () => {
    const math = { formulas: 0, characters: 0 };
    const long = `$$\n${'x+'.repeat(MATH_BUDGET.characters / 2)}x\n$$\n`;
    expect(renderFreeMarkdown(long, { resource, math }).problems[0]!.message).toContain('characters of formulas');
  });
});
