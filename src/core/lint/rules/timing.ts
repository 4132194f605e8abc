import { formatDuration } from '../../model/timing.js';
import type { LintRule } from '../types.js';

export const timing: LintRule = {
  id: 'timing',
  check: ({ model, timing: t }) => {
    const { totalSeconds, durationSeconds, deviationPercent } = model.timing;
    if (durationSeconds === undefined || deviationPercent === undefined) return [];
    if (Math.abs(deviationPercent) <= t.tolerancePercent) return [];
    const over = deviationPercent > 0;
    const pace = `${t.wordsPerMinute} words per minute${model.rehearsals?.paceUsed ? ' (your pace in the rehearsals)' : ''}`;
    return [
      {
        path: ['duration'],
        message: `Estimated speaking time ${formatDuration(totalSeconds)} is ${Math.abs(deviationPercent)} % ${over ? 'over' : 'under'} the ${formatDuration(durationSeconds)} slot`,
        hint: over
          ? `the estimate counts the notes at ${pace} plus ${t.secondsPerSlide} s per slide; shorten notes or drop slides (see \`talkdeck outline\`), or set \`timing.wordsPerMinute\` if you speak faster`
          : `the estimate counts the notes at ${pace} plus ${t.secondsPerSlide} s per slide; add notes for what you will say, or shorten \`duration\``,
      },
    ];
  },
};
