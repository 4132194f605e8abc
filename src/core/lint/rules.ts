/** The lint rules, in the order their findings are documented. One file per rule under rules/. */
import { agendaSections } from './rules/agenda-sections.js';
import { bulletLength } from './rules/bullet-length.js';
import { fontCoverage } from './rules/font-coverage.js';
import { imageAlt } from './rules/image-alt.js';
import { maxBullets } from './rules/max-bullets.js';
import { notesMissing } from './rules/notes-missing.js';
import { overflowEstimate } from './rules/overflow-estimate.js';
import { referenceUncited } from './rules/reference-uncited.js';
import { rehearsalOverrun } from './rules/rehearsal-overrun.js';
import { remoteResource } from './rules/remote-resource.js';
import { themeContrast } from './rules/theme-contrast.js';
import { timing } from './rules/timing.js';
import type { LintRule } from './types.js';

export const LINT_RULES: readonly LintRule[] = [
  maxBullets,
  bulletLength,
  notesMissing,
  imageAlt,
  referenceUncited,
  overflowEstimate,
  agendaSections,
  timing,
  rehearsalOverrun,
  remoteResource,
  fontCoverage,
  themeContrast,
];
