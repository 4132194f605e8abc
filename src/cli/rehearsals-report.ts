/**
 * What `talkdeck rehearsals` reports for one deck, as plain data (printed as a table, or as JSON
 * with `--format json`): per slide the estimate, the last rehearsal, the median over the
 * rehearsals since the slide's last edit, the trend from the first to the last of those, and
 * whether the slide always runs long; the rehearsals themselves, each with the slides changed
 * since; and the files in rehearsals/ that were skipped. Every object is built key by key, and
 * absent values are null, so the JSON has a fixed shape.
 */
import type { DeckModel } from '../core/model/types.js';
import { median } from '../core/model/rehearsals.js';
import type { SkippedRehearsal } from '../shell/rehearsals.js';

export const REHEARSALS_REPORT_VERSION = 1;

/** A slide runs long when it takes this much over its estimate (and at least LONG_SECONDS). */
const LONG_SHARE = 0.1;
const LONG_SECONDS = 5;

export interface SlideReport {
  number: number;
  label: string;
  id: string;
  title: string;
  layout: string;
  /** The section's title; null before the first section. */
  section: string | null;
  backup: boolean;
  estimateSeconds: number;
  /** The last rehearsal that reached the slide, and whether the slide has changed since. */
  lastSeconds: number | null;
  lastStale: boolean;
  /** Over the rehearsals since the slide's last edit: what the speaker view paces with. */
  medianSeconds: number | null;
  /** Last minus first of those rehearsals; null with fewer than two. */
  trendSeconds: number | null;
  /** Over its estimate in every one of those rehearsals (at least two). */
  alwaysLong: boolean;
  runs: { file: string; seconds: number; stale: boolean }[];
}

export interface DeckRehearsalsReport {
  deck: string;
  title: string;
  file: string;
  durationSeconds: number | null;
  pace: { measured: number | null; usedByEstimate: boolean; estimateWordsPerMinute: number };
  rehearsals: { file: string; recorded: string; totalSeconds: number; pausedSeconds: number; pace: number | null; changedSlides: string[] }[];
  slides: SlideReport[];
  total: { estimateSeconds: number; plannedSeconds: number; lastSeconds: number | null; medianSeconds: number | null; trendSeconds: number | null };
  skipped: { file: string; reason: string }[];
}

export function deckRehearsalsReport(model: DeckModel, file: string, skipped: SkippedRehearsal[]): DeckRehearsalsReport {
  const r = model.rehearsals;
  const sectionOf = new Map<number, string | null>();
  for (const s of model.timing.sections) for (let i = s.first; i < s.first + s.count; i++) sectionOf.set(i, s.title ?? null);
  const slides = model.slides.map((slide, i): SlideReport => {
    const runs = r?.slides[i]!.runs ?? [];
    const fresh = runs.filter((run) => !run.stale);
    const last = runs.at(-1);
    const over = (seconds: number): boolean => seconds - slide.timing > Math.max(LONG_SECONDS, slide.timing * LONG_SHARE);
    return {
      number: slide.number,
      label: slide.label,
      id: slide.id,
      title: slide.title,
      layout: slide.layout,
      section: sectionOf.get(i) ?? null,
      backup: slide.backup,
      estimateSeconds: slide.timing,
      lastSeconds: last?.seconds ?? null,
      lastStale: last?.stale ?? false,
      medianSeconds: r?.slides[i]!.median ?? null,
      trendSeconds: fresh.length >= 2 ? round1(fresh.at(-1)!.seconds - fresh[0]!.seconds) : null,
      alwaysLong: fresh.length >= 2 && fresh.every((run) => over(run.seconds)),
      runs: runs.map((run) => ({ file: run.file, seconds: run.seconds, stale: run.stale })),
    };
  });
  const totals = (r?.records ?? []).map((rec) => rec.totalSeconds);
  return {
    deck: model.name,
    title: model.title,
    file,
    durationSeconds: model.timing.durationSeconds ?? null,
    pace: { measured: r?.pace ?? null, usedByEstimate: r?.paceUsed ?? false, estimateWordsPerMinute: model.timing.settings.wordsPerMinute },
    rehearsals: (r?.records ?? []).map((rec) => ({
      file: rec.file,
      recorded: rec.recorded,
      totalSeconds: rec.totalSeconds,
      pausedSeconds: rec.pausedSeconds,
      pace: rec.pace ?? null,
      changedSlides: rec.changed,
    })),
    slides,
    total: {
      estimateSeconds: model.timing.totalSeconds,
      plannedSeconds: r?.plannedSeconds ?? model.timing.totalSeconds,
      lastSeconds: totals.at(-1) ?? null,
      medianSeconds: totals.length ? round1(median(totals)) : null,
      trendSeconds: totals.length >= 2 ? round1(totals.at(-1)! - totals[0]!) : null,
    },
    skipped: skipped.map((s) => ({ file: s.file, reason: s.reason })),
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
