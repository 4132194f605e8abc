/**
 * What the speaker view's rehearsal mode (templates/plugins/speaker-rehearsal.js) needs from the
 * build, in the page's config as `speakerView.rehearsal`: per slide its id, section, estimate,
 * words of notes and fingerprint, so a recorded rehearsal can be compared with the plan and
 * saved as a record (core/deck/rehearsal.ts) that later builds can match slide by slide.
 */
import { REHEARSAL_FORMAT, REHEARSAL_VERSION } from '../../deck/rehearsal.js';
import type { DeckModel } from '../../model/types.js';

export interface RehearsalConfig {
  format: string;
  version: number;
  deck: string;
  talkdeck: string;
  /** The estimate's terms (timing.ts), so the summary measures a pace the way the plan spends it. */
  wordsPerMinute: number;
  secondsPerSlide: number;
  /** Section titles; a slide's `section` indexes them (-1: before the first section or in the backup part). */
  sections: string[];
  slides: { id: string; section: number; estimate: number; words: number; fingerprint: string }[];
}

export function rehearsalConfig(model: DeckModel, talkdeckVersion = 'unknown'): RehearsalConfig {
  const section = new Array<number>(model.slides.length).fill(-1);
  model.timing.sections.forEach((s, n) => {
    for (let i = s.first; i < s.first + s.count; i++) section[i] = n;
  });
  return {
    format: REHEARSAL_FORMAT,
    version: REHEARSAL_VERSION,
    deck: model.name,
    talkdeck: talkdeckVersion,
    wordsPerMinute: model.timing.settings.wordsPerMinute,
    secondsPerSlide: model.timing.settings.secondsPerSlide,
    sections: model.timing.sections.map((s) => s.title ?? ''),
    slides: model.slides.map((s, i) => ({ id: s.id, section: section[i]!, estimate: s.timing, words: s.notesWords, fingerprint: s.fingerprint })),
  };
}
