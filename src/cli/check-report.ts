/**
 * `talkdeck check --format json`: a machine-readable report with a fixed shape. Every object is
 * built here key by key (so the key order never depends on how a value was made), absent
 * values are null rather than missing, and problems are sorted by place.
 */
import type { TalkdeckError } from '../core/base/errors.js';
import type { DeckBuild } from '../core/pipeline.js';
import type { DeckLocation } from '../shell/decks.js';

export const REPORT_VERSION = 1;

export interface CheckedDeck {
  deck: DeckLocation;
  file: string;
  result: DeckBuild;
}

export function problemJson(e: TalkdeckError): object {
  return {
    severity: e.severity,
    code: e.code,
    message: e.message,
    file: e.file ?? null,
    line: e.line ?? null,
    column: e.column ?? null,
    path: e.path ?? null,
    hint: e.hint ?? null,
  };
}

export function byPlace(a: TalkdeckError, b: TalkdeckError): number {
  return (
    compare(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compare(a.severity, b.severity) ||
    compare(a.code, b.code) ||
    compare(a.message, b.message)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function timingJson(result: DeckBuild): object | null {
  const model = result.model;
  if (!model) return null;
  const t = model.timing;
  return {
    totalSeconds: t.totalSeconds,
    durationSeconds: t.durationSeconds ?? null,
    deviationPercent: t.deviationPercent ?? null,
    wordsPerMinute: t.settings.wordsPerMinute,
    secondsPerSlide: t.settings.secondsPerSlide,
    sections: t.sections.map((s) => ({ title: s.title ?? null, firstSlide: s.first + 1, slides: s.count, seconds: s.seconds })),
    slides: model.slides.map((s) => ({ number: s.number, id: s.id, title: s.title, seconds: s.timing })),
  };
}

export function deckJson(d: CheckedDeck, strict: boolean): object {
  const problems = [...d.result.errors, ...d.result.warnings].sort(byPlace);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return {
    name: d.deck.name,
    file: d.file,
    ok: errors === 0 && (!strict || warnings === 0),
    slides: d.result.slides ?? null,
    errors,
    warnings,
    timing: timingJson(d.result),
    problems: problems.map(problemJson),
  };
}

/** The whole report; `problems` holds what concerns no single deck (the config file). */
export function checkReport(decks: CheckedDeck[], strict: boolean, general: TalkdeckError[] = []): object {
  const deckReports = decks.map((d) => deckJson(d, strict) as { ok: boolean });
  return {
    version: REPORT_VERSION,
    ok: general.length === 0 && deckReports.every((d) => d.ok),
    strict,
    decks: deckReports,
    problems: [...general].sort(byPlace).map(problemJson),
  };
}
