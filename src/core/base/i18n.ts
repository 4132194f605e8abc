/**
 * Every text talkdeck itself puts in front of an audience or a presenter, per language: the
 * labels of generated slides and the speaker view's. One table, so a new language is one entry.
 */
export interface SpeakerLabels {
  /** Window title. */
  title: string;
  /** The S key's entry in reveal.js's help overlay. */
  open: string;
  current: string;
  upNext: string;
  end: string;
  notes: string;
  noNotes: string;
  clock: string;
  elapsed: string;
  /** "5:12 of 20:00" and "slide 3 of 26". */
  of: string;
  remaining: string;
  overtime: string;
  pacing: string;
  ahead: string;
  behind: string;
  onTime: string;
  reset: string;
  larger: string;
  smaller: string;
  connecting: string;
  lost: string;
  /** Shown in the presentation window when the browser blocks the popup. */
  blocked: string;
  /** The button that jumps to the backup slides. */
  backup: string;
}

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
  /** The closing slide's link to the backup part, and the handout's heading for it. */
  backup: string;
  /** Charts: the data table's first header, the chart kinds, and the words of the description. */
  category: string;
  chartKinds: Record<'bar' | 'hbar' | 'stacked' | 'line', string>;
  to: string;
  valuesFrom: string;
  speaker: SpeakerLabels;
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
    backup: 'Backup slides',
    category: 'Category',
    chartKinds: { bar: 'Bar chart', hbar: 'Horizontal bar chart', stacked: 'Stacked bar chart', line: 'Line chart' },
    to: 'to',
    valuesFrom: 'values from',
    speaker: {
      title: 'Speaker view',
      open: 'Open the speaker view',
      current: 'Current slide',
      upNext: 'Up next',
      end: 'End of the presentation',
      notes: 'Notes',
      noNotes: 'No notes for this slide.',
      clock: 'Time of day',
      elapsed: 'Elapsed',
      of: 'of',
      remaining: 'left',
      overtime: 'over time',
      pacing: 'Pacing',
      ahead: 'ahead',
      behind: 'behind',
      onTime: 'on time',
      reset: 'Restart timer',
      larger: 'Larger notes',
      smaller: 'Smaller notes',
      connecting: 'Connecting to the presentation …',
      lost: 'Lost the connection to the presentation. Close this window and press S in the presentation.',
      blocked: 'The speaker view could not open. Allow pop-up windows for this page, then press S again.',
      backup: 'Backup slides',
    },
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
    backup: 'Backup-Folien',
    category: 'Kategorie',
    chartKinds: { bar: 'Säulendiagramm', hbar: 'Balkendiagramm', stacked: 'Gestapeltes Säulendiagramm', line: 'Liniendiagramm' },
    to: 'bis',
    valuesFrom: 'Werte von',
    speaker: {
      title: 'Sprecheransicht',
      open: 'Sprecheransicht öffnen',
      current: 'Aktuelle Folie',
      upNext: 'Als Nächstes',
      end: 'Ende der Präsentation',
      notes: 'Notizen',
      noNotes: 'Keine Notizen zu dieser Folie.',
      clock: 'Uhrzeit',
      elapsed: 'Vergangen',
      of: 'von',
      remaining: 'übrig',
      overtime: 'überzogen',
      pacing: 'Zeitplan',
      ahead: 'voraus',
      behind: 'im Verzug',
      onTime: 'im Plan',
      reset: 'Zeit neu starten',
      larger: 'Notizen größer',
      smaller: 'Notizen kleiner',
      connecting: 'Verbindung zur Präsentation wird hergestellt …',
      lost: 'Die Verbindung zur Präsentation ist unterbrochen. Dieses Fenster schließen und in der Präsentation S drücken.',
      blocked: 'Die Sprecheransicht konnte nicht geöffnet werden. Pop-up-Fenster für diese Seite erlauben und erneut S drücken.',
      backup: 'Backup-Folien',
    },
  },
};

export function labelsFor(lang: string): Labels {
  const base = lang.toLowerCase().split('-')[0]!;
  return (Object.hasOwn(LABELS, base) ? LABELS[base] : undefined) ?? LABELS.en!;
}
