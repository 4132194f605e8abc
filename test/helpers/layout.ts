/** What browser tests measure on the current slide: overflow, footer overlaps, axe-core findings. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

export const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Layout {
  id: string;
  overflow: string[];
  overlaps: string[];
}

/**
 * Runs in the page: elements of the current slide outside its box, or under its footer lines.
 * Text drawn in a chart counts too (its svg lets labels overflow visibly); content for screen
 * readers only (`.td-sr-only`) takes no room and is skipped.
 */
export function measure(): Layout {
  const slide = document.querySelector<HTMLElement>('.slides > section.present')!;
  const box = slide.getBoundingClientRect();
  const tol = 1;
  const describe = (el: Element): string => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${(el.textContent ?? '').trim().slice(0, 40)}`;
  const footer = [...slide.querySelectorAll(':scope > .td-summary, :scope > .td-cite')].map((el) => el.getBoundingClientRect());
  const overflow: string[] = [];
  const overlaps: string[] = [];
  for (const el of slide.querySelectorAll('*')) {
    if (el.closest('aside.notes') || el.closest('.td-sr-only')) continue;
    if (el.closest('svg') && !(el.tagName.toLowerCase() === 'text' && el.closest('.td-chart-svg'))) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < box.left - tol || r.right > box.right + tol || r.top < box.top - tol || r.bottom > box.bottom + tol) {
      overflow.push(describe(el));
    }
    const html = el as HTMLElement;
    if (html.scrollWidth > html.clientWidth + tol && getComputedStyle(html).overflowX !== 'visible') overflow.push(`clipped ${describe(el)}`);
    if (!el.closest('.td-summary, .td-cite') && el.children.length === 0) {
      for (const f of footer) {
        if (r.bottom > f.top + tol && r.top < f.bottom - tol && r.right > f.left && r.left < f.right) overlaps.push(describe(el));
      }
    }
  }
  return { id: slide.id, overflow, overlaps };
}

/** Serious and critical axe-core violations on the page as it is now (axe must be loaded). */
export async function axeViolations(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

/**
 * Goes to slide `n` (horizontal index) with all its steps shown, once its transition is over
 * (a slide's own `transition` outlives `configure({ transition: 'none' })`).
 */
export async function showSlide(page: Page, n: number): Promise<void> {
  await page.evaluate((i) => (window as unknown as { Reveal: { slide(h: number, v: number, f: number): void } }).Reveal.slide(i, 0, 99), n);
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => {
      const target = (a.effect as KeyframeEffect | null)?.target;
      return !(a instanceof CSSTransition) || a.playState !== 'running' || !target?.closest('.slides, .backgrounds');
    }),
  );
}

/** Shows slide `n` and lists what overflows its box or runs into its footer lines. */
export async function layoutProblems(page: Page, n: number): Promise<string[]> {
  await showSlide(page, n);
  await page.evaluate(() => document.fonts.ready);
  const m = await page.evaluate(measure);
  return [
    ...m.overflow.map((o) => `slide ${n + 1} (#${m.id}) overflows: ${o}`),
    ...m.overlaps.map((o) => `slide ${n + 1} (#${m.id}) runs into the footer: ${o}`),
  ];
}
