import { formatDuration } from '../../model/timing.js';
import type { LintRule } from '../types.js';

/**
 * The slot is fixed: when the rehearsals say the talk runs over it, say so at `duration`. The
 * rehearsed total is the plan the speaker view paces with (each slide's median time since its
 * last edit, the estimate for slides not rehearsed since), so an edit that cut a long slide
 * counts as soon as it is made.
 */
export const rehearsalOverrun: LintRule = {
  id: 'rehearsal-overrun',
  check: ({ model }) => {
    const r = model.rehearsals;
    const slot = model.timing.durationSeconds;
    if (!r || !r.rehearsedSlides || slot === undefined || r.plannedSeconds <= slot) return [];
    const main = model.slides.filter((s) => !s.backup);
    const longest = main
      .filter((s) => r.slides[s.number - 1]!.median !== undefined)
      .sort((a, b) => b.pacing - b.timing - (a.pacing - a.timing))
      .slice(0, 3)
      .filter((s) => s.pacing > s.timing)
      .map((s) => `${s.label} (${formatDuration(s.pacing)} for ${formatDuration(s.timing)} planned)`);
    const estimated = main.length - r.rehearsedSlides;
    return [
      {
        path: ['duration'],
        message:
          `The talk as rehearsed takes ${formatDuration(r.plannedSeconds)}, ${formatDuration(r.plannedSeconds - slot)} over the ${formatDuration(slot)} slot` +
          ` (${r.rehearsedSlides} of ${main.length} slides as rehearsed${estimated ? `, ${estimated} estimated` : ''})`,
        hint: `${longest.length ? `longest over their estimate: slides ${longest.join(', ')}; ` : ''}shorten what you say or drop a slide, then rehearse again (talkdeck rehearsals shows every slide)`,
      },
    ];
  },
};
