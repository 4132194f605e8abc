import type { LintFinding, LintRule } from '../types.js';

/**
 * The agenda is generated from the `section` slides, so it cannot list a wrong title; what can
 * go wrong is the structure around it: an agenda with nothing to list, an agenda placed after
 * the talk has started, or a section that holds no slides.
 */
export const agendaSections: LintRule = {
  id: 'agenda-sections',
  check: ({ slides }) => {
    const findings: LintFinding[] = [];
    const agendas = slides.filter(({ slide }) => slide.layout === 'agenda');
    if (!agendas.length) return findings;
    const sections = slides.filter(({ slide }) => slide.layout === 'section');
    const firstSection = sections[0];
    for (const { index } of agendas) {
      if (!firstSection) {
        findings.push({
          path: ['slides', index],
          message: `The agenda on slide ${index + 1} is empty: the deck has no \`layout: section\` slides`,
          hint: 'add section slides (`layout: section`) where the parts of the talk begin, or remove the agenda',
        });
      } else if (index > firstSection.index) {
        findings.push({
          path: ['slides', index],
          message: `The agenda on slide ${index + 1} comes after the first section (slide ${firstSection.index + 1})`,
          hint: 'move the agenda before the first section slide, so it previews the whole talk',
        });
      }
    }
    for (const { slide, index } of sections) {
      const next = slides[index + 1]?.slide;
      if (next === undefined || next.layout === 'section') {
        findings.push({
          path: ['slides', index],
          message: `Section “${'title' in slide ? slide.title : ''}” on slide ${index + 1} has no slides, but the agenda lists it`,
          hint: next ? 'put content slides after it, or remove the section slide' : 'a section at the end lists an empty part; remove it',
        });
      }
    }
    return findings;
  },
};
