/**
 * What the deck's rehearsals say, for the plan that learns: the speaker's measured pace, and per
 * slide the times of the rehearsals that reached it, each marked stale when the slide's
 * fingerprint has changed since (fingerprint.ts). Pure: the shell reads `rehearsals/` and hands
 * the valid records of this deck in.
 *
 * The pace is measured the way the estimate spends it (timing.ts: `secondsPerSlide` plus the
 * notes at `wordsPerMinute`), so a plan at the measured pace adds up to what was rehearsed:
 * per rehearsal, the words of the notes of the slides that have notes, divided by the time on
 * them less `secondsPerSlide` each. A slide passed in less than its `secondsPerSlide`, or faster
 * than anyone speaks (FASTEST_WPM), was skipped rather than spoken and does not count. The deck's
 * pace is the median over its rehearsals, so one hurried run does not swing it. The speaker
 * view's summary measures one rehearsal by the same rule (templates/plugins/speaker-rehearsal.js).
 */
import type { RehearsalRecord } from '../deck/rehearsal.js';

/** Faster than this, the notes were not spoken: the slide was skipped. */
const FASTEST_WPM = 400;

/** A valid record of this deck, with the file it came from as shown to the user. */
export interface RehearsalFile {
  file: string;
  record: RehearsalRecord;
}

export interface SlideRun {
  file: string;
  seconds: number;
  /** The slide's notes or points have changed since this rehearsal. */
  stale: boolean;
}

export interface SlideRehearsals {
  /** Each rehearsal that reached the slide, oldest first. */
  runs: SlideRun[];
  /** Median seconds of the runs that are not stale (whole seconds); undefined when there are none. */
  median?: number | undefined;
}

/** Words per minute in one rehearsal, by the rule above; undefined when it spoke no notes. */
export function recordPace(record: RehearsalRecord, secondsPerSlide: number): number | undefined {
  let words = 0;
  let seconds = 0;
  for (const slide of record.slides) {
    const speaking = slide.seconds - secondsPerSlide;
    if (slide.words === 0 || speaking <= 0 || (slide.words * 60) / speaking > FASTEST_WPM) continue;
    words += slide.words;
    seconds += speaking;
  }
  return words && seconds ? Math.round((words * 60) / seconds) : undefined;
}

/** The speaker's pace over all rehearsals: the median of each one's pace. */
export function measuredPace(records: readonly RehearsalRecord[], secondsPerSlide: number): number | undefined {
  const paces = records.flatMap((r) => recordPace(r, secondsPerSlide) ?? []);
  return paces.length ? Math.round(median(paces)) : undefined;
}

/** Per slide (by id and fingerprint now), the rehearsals that reached it. */
export function slideRehearsals(slides: readonly { id: string; fingerprint: string }[], files: readonly RehearsalFile[]): SlideRehearsals[] {
  return slides.map((slide) => {
    const runs = files.flatMap(({ file, record }) => {
      const timed = record.slides.find((s) => s.id === slide.id);
      return timed ? [{ file, seconds: timed.seconds, stale: timed.fingerprint !== slide.fingerprint }] : [];
    });
    const fresh = runs.filter((r) => !r.stale).map((r) => r.seconds);
    return { runs, median: fresh.length ? Math.round(median(fresh)) : undefined };
  });
}

/** Ids of the slides a record timed that are different now (edited) or gone. */
export function changedSince(record: RehearsalRecord, slides: readonly { id: string; fingerprint: string }[]): string[] {
  const now = new Map(slides.map((s) => [s.id, s.fingerprint]));
  return record.slides.filter((s) => now.get(s.id) !== s.fingerprint).map((s) => s.id);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
