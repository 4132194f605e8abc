/** Labels the generated slides show, per language. One table, so a new language is one entry. */
export interface Labels {
  agenda: string;
  sources: string;
  source: string;
  sourcesCited: string;
  mapLegend: string;
  slide: string;
  accessed: string;
  /** Heading of the speaker notes in the handout. */
  notes: string;
  /** "about 6 min" on the agenda: `about` and `minutesShort` around the number. */
  about: string;
  minutesShort: string;
}

const LABELS: Record<string, Labels> = {
  en: {
    agenda: 'Agenda',
    sources: 'Sources',
    source: 'Source',
    sourcesCited: 'Sources',
    mapLegend: 'Legend',
    slide: 'Slide',
    accessed: 'accessed',
    notes: 'Notes',
    about: 'about',
    minutesShort: 'min',
  },
  de: {
    agenda: 'Agenda',
    sources: 'Quellen',
    source: 'Quelle',
    sourcesCited: 'Quellen',
    mapLegend: 'Legende',
    slide: 'Folie',
    accessed: 'abgerufen',
    notes: 'Notizen',
    about: 'ca.',
    minutesShort: 'Min.',
  },
};

export function labelsFor(lang: string): Labels {
  const base = lang.toLowerCase().split('-')[0]!;
  return LABELS[base] ?? LABELS.en!;
}
