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
  /** The rehearsal mode (templates/plugins/speaker-rehearsal.js); `{n}`, `{time}`, `{file}` … are filled in. */
  rehearsal: RehearsalLabels;
  /** The change marks of a build with `--since` (templates/plugins/speaker-changes.js). */
  changes: SpeakerChangeLabels;
}

/** What the speaker view says about changes since an earlier version; `{since}` is that version. */
export interface SpeakerChangeLabels {
  /** The badge beside "Slide 3 of 26", by how the slide changed. */
  added: string;
  moved: string;
  changed: string;
  /** The button (and help entry) that lists the changed slides. */
  list: string;
  /** Heading of that list. */
  heading: string;
  close: string;
  /** A slide of the earlier version that is gone (it cannot be opened). */
  removed: string;
  /** The entry of reveal.js's help overlay for the key that opens the list. */
  help: string;
}

/**
 * How changes are named in reports that speak the deck's language (the change report page, the
 * Markdown report, the handout's changes page, the speaker view's list). In `parts`, `{at}` is
 * the position (point 2, row 3).
 */
export interface ChangeLabels {
  /** "Changes since {since}". */
  heading: string;
  status: { added: string; removed: string; moved: string; changed: string; unchanged: string };
  parts: Record<string, string>;
  numbers: string;
  timing: string;
  total: string;
  /** The slides before the first section, in the timing. */
  beforeSections: string;
  before: string;
  after: string;
  deck: string;
  none: string;
  /** "split off slide {slide}", "merged into slide {slide}", "was slide {slide}". */
  splitFrom: string;
  mergedInto: string;
  movedFrom: string;
  /** A slide moved into and out of the backup part. */
  toBackup: string;
  fromBackup: string;
  /** Column and section headings of the reports. */
  slides: string;
  what: string;
  section: string;
  difference: string;
  commit: string;
}

export interface RehearsalLabels {
  rehearse: string;
  finish: string;
  pause: string;
  resume: string;
  /** The R and W keys' entries in reveal.js's help overlay. */
  keyRehearse: string;
  keyPause: string;
  /** The badge while a rehearsal runs, and while it is paused. */
  recording: string;
  paused: string;
  /** The button that shows the finished rehearsal again. */
  result: string;
  /** The summary's heading; `{date}` is when the rehearsal began. */
  title: string;
  slide: string;
  estimate: string;
  rehearsed: string;
  difference: string;
  total: string;
  /** The untitled part before the first section. */
  beforeSections: string;
  /** In place of a time: the rehearsal did not reach this slide. */
  notReached: string;
  pace: string;
  wordsPerMinute: string;
  paceAssumed: string;
  noPace: string;
  pauses: string;
  /** `{n}` pauses, `{time}` together. */
  pausesText: string;
  noPauses: string;
  save: string;
  download: string;
  saving: string;
  saved: string;
  downloaded: string;
  saveFailed: string;
  close: string;
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
  changes: ChangeLabels;
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
      rehearsal: {
        rehearse: 'Rehearse',
        finish: 'Finish rehearsal',
        pause: 'Pause',
        resume: 'Resume',
        keyRehearse: 'Rehearse: start or finish timing every slide (speaker view)',
        keyPause: 'Pause or resume the rehearsal',
        recording: 'Rehearsal',
        paused: 'Paused',
        result: 'Last rehearsal',
        title: 'Rehearsal of {date}',
        slide: 'Slide',
        estimate: 'Estimate',
        rehearsed: 'This rehearsal',
        difference: 'Difference',
        total: 'Total',
        beforeSections: 'Before the first section',
        notReached: 'not reached',
        pace: 'Your pace',
        wordsPerMinute: '{n} words per minute',
        paceAssumed: 'the estimate assumes {n}',
        noPace: 'not measured: no notes were spoken',
        pauses: 'Pauses',
        pausesText: '{n} × · {time} not counted',
        noPauses: 'none',
        save: 'Save in the deck folder',
        download: 'Download (JSON)',
        saving: 'Saving …',
        saved: 'Saved as {file}. `talkdeck rehearsals` compares your rehearsals with the plan.',
        downloaded: 'Downloaded as {file}. Put it into the rehearsals folder next to the deck file: then `talkdeck rehearsals` and the plan use it.',
        saveFailed: 'Could not save: {reason}',
        close: 'Close',
      },
      changes: {
        added: 'new since {since}',
        moved: 'moved since {since}',
        changed: 'changed since {since}',
        list: 'Changes',
        heading: 'Changed since {since}',
        close: 'Close',
        removed: 'removed',
        help: 'List the slides changed since the earlier version (speaker view)',
      },
    },
    changes: {
      heading: 'Changes since {since}',
      status: { added: 'added', removed: 'removed', moved: 'moved', changed: 'changed', unchanged: 'unchanged' },
      parts: {
        id: 'id', layout: 'layout', backup: 'backup part', title: 'title', subtitle: 'subtitle', point: 'point {at}', heading: 'heading {at}',
        event: 'event {at}', date: 'date {at}', figure: 'figure {at}', label: 'label of figure {at}', note: 'note on figure {at}',
        quote: 'quote', speaker: 'speaker', context: 'context of the quote', image: 'image', alt: 'alt text', caption: 'caption',
        credit: 'credit', group: 'group {at}', countries: 'countries of group {at}', column: 'column {at}', row: 'row {at}', cell: 'cell',
        chart: 'chart type', category: 'category {at}', series: 'series {at}', value: 'value', unit: 'unit', summary: 'summary',
        cite: 'sources cited', notes: 'notes', body: 'text', background: 'background', transition: 'transition', steps: 'step by step',
        reference: 'reference {at}', author: 'author', institution: 'institution', duration: 'duration (minutes)', lang: 'language',
        theme: 'theme', marking: 'marking', size: 'slide size',
      },
      numbers: 'Numbers',
      timing: 'Speaking time',
      total: 'Total',
      beforeSections: 'Before the first section',
      before: 'Before',
      after: 'After',
      deck: 'The deck',
      none: 'No changes.',
      splitFrom: 'split off slide {slide}',
      mergedInto: 'merged into slide {slide}',
      movedFrom: 'was slide {slide}',
      toBackup: 'moved into the backup part',
      fromBackup: 'moved out of the backup part',
      slides: 'Slides',
      what: 'What',
      section: 'Section',
      difference: 'Difference',
      commit: 'Commit',
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
      rehearsal: {
        rehearse: 'Probelauf',
        finish: 'Probelauf beenden',
        pause: 'Pause',
        resume: 'Weiter',
        keyRehearse: 'Probelauf: die Zeit jeder Folie messen, starten oder beenden (Sprecheransicht)',
        keyPause: 'Probelauf anhalten oder fortsetzen',
        recording: 'Probelauf',
        paused: 'Angehalten',
        result: 'Letzter Probelauf',
        title: 'Probelauf vom {date}',
        slide: 'Folie',
        estimate: 'Schätzung',
        rehearsed: 'Dieser Probelauf',
        difference: 'Abweichung',
        total: 'Gesamt',
        beforeSections: 'Vor dem ersten Abschnitt',
        notReached: 'nicht erreicht',
        pace: 'Ihr Tempo',
        wordsPerMinute: '{n} Wörter pro Minute',
        paceAssumed: 'die Schätzung rechnet mit {n}',
        noPace: 'nicht gemessen: keine Notizen gesprochen',
        pauses: 'Pausen',
        pausesText: '{n} × · {time} nicht gezählt',
        noPauses: 'keine',
        save: 'Im Ordner des Foliensatzes speichern',
        download: 'Herunterladen (JSON)',
        saving: 'Wird gespeichert …',
        saved: 'Gespeichert als {file}. `talkdeck rehearsals` vergleicht Ihre Probeläufe mit dem Plan.',
        downloaded: 'Heruntergeladen als {file}. In den Ordner rehearsals neben der Foliensatz-Datei legen: dann nutzen `talkdeck rehearsals` und der Plan ihn.',
        saveFailed: 'Speichern fehlgeschlagen: {reason}',
        close: 'Schließen',
      },
      changes: {
        added: 'neu seit {since}',
        moved: 'verschoben seit {since}',
        changed: 'geändert seit {since}',
        list: 'Änderungen',
        heading: 'Geändert seit {since}',
        close: 'Schließen',
        removed: 'entfernt',
        help: 'Seit der früheren Fassung geänderte Folien auflisten (Sprecheransicht)',
      },
    },
    changes: {
      heading: 'Änderungen seit {since}',
      status: { added: 'neu', removed: 'entfernt', moved: 'verschoben', changed: 'geändert', unchanged: 'unverändert' },
      parts: {
        id: 'ID', layout: 'Layout', backup: 'Backup-Teil', title: 'Titel', subtitle: 'Untertitel', point: 'Punkt {at}', heading: 'Überschrift {at}',
        event: 'Ereignis {at}', date: 'Datum {at}', figure: 'Kennzahl {at}', label: 'Beschriftung von Kennzahl {at}', note: 'Anmerkung zu Kennzahl {at}',
        quote: 'Zitat', speaker: 'Urheber', context: 'Kontext des Zitats', image: 'Bild', alt: 'Alternativtext', caption: 'Bildunterschrift',
        credit: 'Bildnachweis', group: 'Gruppe {at}', countries: 'Länder der Gruppe {at}', column: 'Spalte {at}', row: 'Zeile {at}', cell: 'Zelle',
        chart: 'Diagrammtyp', category: 'Kategorie {at}', series: 'Datenreihe {at}', value: 'Wert', unit: 'Einheit', summary: 'Kernaussage',
        cite: 'zitierte Quellen', notes: 'Notizen', body: 'Text', background: 'Hintergrund', transition: 'Übergang', steps: 'schrittweise',
        reference: 'Quelle {at}', author: 'Autor', institution: 'Institution', duration: 'Dauer (Minuten)', lang: 'Sprache',
        theme: 'Design', marking: 'Kennzeichnung', size: 'Foliengröße',
      },
      numbers: 'Zahlen',
      timing: 'Redezeit',
      total: 'Gesamt',
      beforeSections: 'Vor dem ersten Abschnitt',
      before: 'Vorher',
      after: 'Nachher',
      deck: 'Der Foliensatz',
      none: 'Keine Änderungen.',
      splitFrom: 'abgeteilt von Folie {slide}',
      mergedInto: 'aufgegangen in Folie {slide}',
      movedFrom: 'vorher Folie {slide}',
      toBackup: 'in den Backup-Teil verschoben',
      fromBackup: 'aus dem Backup-Teil geholt',
      slides: 'Folien',
      what: 'Was',
      section: 'Abschnitt',
      difference: 'Differenz',
      commit: 'Commit',
    },
  },
};

export function labelsFor(lang: string): Labels {
  const base = lang.toLowerCase().split('-')[0]!;
  return (Object.hasOwn(LABELS, base) ? LABELS[base] : undefined) ?? LABELS.en!;
}
