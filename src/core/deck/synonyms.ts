/**
 * The words people use for talkdeck's layouts and fields, from other tools and from plain
 * speech: `layout: bullets`, `image:` for `src`, `speaker notes` for `notes`. The did-you-mean
 * looks here before it looks at the spelling, since these are right words, not typos.
 */
import type { LayoutName } from './layouts.js';

const LAYOUTS: Record<string, LayoutName> = {
  bullets: 'points', bullet: 'points', list: 'points', text: 'points', content: 'points', default: 'points',
  cover: 'title', 'title-slide': 'title', titlepage: 'title', 'title-page': 'title',
  toc: 'agenda', contents: 'agenda', outline: 'agenda', overview: 'agenda',
  divider: 'section', chapter: 'section', part: 'section', header: 'section',
  comparison: 'compare', columns: 'compare', 'two-columns': 'compare', 'two-column': 'compare', versus: 'compare', vs: 'compare',
  chronology: 'timeline', history: 'timeline', dates: 'timeline',
  numbers: 'figures', stats: 'figures', statistics: 'figures', kpi: 'figures', kpis: 'figures', facts: 'figures', figure: 'figures',
  quotation: 'quote', citation: 'quote',
  picture: 'image', photo: 'image', img: 'image', diagram: 'image',
  graph: 'chart', plot: 'chart', bars: 'chart',
  references: 'sources', bibliography: 'sources', citations: 'sources', literature: 'sources',
  end: 'closing', thanks: 'closing', conclusion: 'closing', outro: 'closing',
  md: 'markdown', free: 'markdown', html: 'markdown', code: 'markdown', raw: 'markdown',
};

/** Field synonyms: the key people write → the field it means. */
const FIELDS: Record<string, string> = {
  image: 'src', picture: 'src', img: 'src', photo: 'src', file: 'src', path: 'src', url: 'src', source: 'src',
  text: 'points', bullets: 'points', bullet: 'points', items: 'points', list: 'points', content: 'points', body: 'points',
  'speaker notes': 'notes', 'speaker-notes': 'notes', speaker_notes: 'notes', speakerNotes: 'notes', speakernotes: 'notes', note: 'notes', comments: 'notes', script: 'notes',
  heading: 'title', headline: 'title', name: 'title',
  subheading: 'subtitle', subhead: 'subtitle', tagline: 'subtitle',
  'alt-text': 'alt', alt_text: 'alt', altText: 'alt', alttext: 'alt', description: 'alt',
  quote: 'text', quotation: 'text', author: 'speaker', by: 'speaker',
  sources: 'cite', references: 'cite', citations: 'cite', citation: 'cite',
  takeaway: 'summary', conclusion: 'summary',
  header: 'columns', headers: 'columns',
  data: 'series', values: 'series', labels: 'categories', x: 'categories',
  dates: 'events',
};

/** The layout a word for one means (`bullets` → `points`), if it is a known synonym. */
export function layoutSynonym(word: string): LayoutName | undefined {
  return Object.hasOwn(LAYOUTS, word.toLowerCase()) ? LAYOUTS[word.toLowerCase()] : undefined;
}

/** The field a key means, if it is a synonym of one of the `allowed` fields. */
export function fieldSynonym(key: string, allowed: readonly string[]): string | undefined {
  const field = Object.hasOwn(FIELDS, key) ? FIELDS[key] : Object.hasOwn(FIELDS, key.toLowerCase()) ? FIELDS[key.toLowerCase()] : undefined;
  return field !== undefined && field !== key && allowed.includes(field) ? field : undefined;
}
