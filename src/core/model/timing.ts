/**
 * Speaking time, estimated from the notes: words at a speaking rate plus a fixed time per
 * slide. Per slide, per section (a `section` slide and everything up to the next one) and in
 * total, compared with the deck's `duration`.
 */
import { countWords } from '../base/markdown.js';
import type { LayoutName } from '../deck/layouts.js';
import type { TimingSettings } from '../deck/settings.js';

export interface TimedSlide {
  layout: LayoutName;
  title: string;
  notes?: string | undefined;
  /** A backup slide (after an `appendix` section): estimated, but outside sections and total. */
  backup?: boolean | undefined;
}

export interface SectionTiming {
  /** The section slide's title; undefined for the slides before the first section. */
  title: string | undefined;
  /** 0-based position of the section's first slide. */
  first: number;
  count: number;
  seconds: number;
}

export interface DeckTiming {
  /** Whole seconds per slide, in deck order (reveal.js `data-timing`); backup slides too, outside the total. */
  slides: number[];
  sections: SectionTiming[];
  totalSeconds: number;
  /** The deck's `duration` in seconds, when it has one. */
  durationSeconds: number | undefined;
  /** (total − duration) / duration in %, rounded to one decimal; undefined without a duration. */
  deviationPercent: number | undefined;
  settings: TimingSettings;
}

export function slideSeconds(notes: string | undefined, t: TimingSettings): number {
  const words = notes ? countWords(notes) : 0;
  return Math.round(t.secondsPerSlide + (words * 60) / t.wordsPerMinute);
}

export function estimateTiming(slides: readonly TimedSlide[], durationMinutes: number | undefined, t: TimingSettings): DeckTiming {
  const perSlide = slides.map((s) => slideSeconds(s.notes, t));
  const sections: SectionTiming[] = [];
  slides.forEach((s, i) => {
    if (s.backup) return;
    if (s.layout === 'section' || sections.length === 0) {
      sections.push({ title: s.layout === 'section' ? s.title : undefined, first: i, count: 0, seconds: 0 });
    }
    const current = sections.at(-1)!;
    current.count++;
    current.seconds += perSlide[i]!;
  });
  const totalSeconds = perSlide.reduce((a, b, i) => a + (slides[i]!.backup ? 0 : b), 0);
  const durationSeconds = durationMinutes === undefined ? undefined : Math.round(durationMinutes * 60);
  return {
    slides: perSlide,
    sections,
    totalSeconds,
    durationSeconds,
    deviationPercent: durationSeconds ? Math.round(((totalSeconds - durationSeconds) / durationSeconds) * 1000) / 10 : undefined,
    settings: t,
  };
}

/** `21:05` for 1265 seconds; hours roll into minutes, which is how talk slots are counted. */
export function formatDuration(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  return `${seconds < 0 ? '-' : ''}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
