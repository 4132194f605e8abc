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
  },
};

export function labelsFor(lang: string): Labels {
  const base = lang.toLowerCase().split('-')[0]!;
  return LABELS[base] ?? LABELS.en!;
}
