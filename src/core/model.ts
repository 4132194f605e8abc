/**
 * The render model: plain typed objects that templates only have to print. Everything that
 * needs a decision (ids, numbering, which references are cited, Markdown, maps) happens here,
 * and every semantic problem becomes a located TalkdeckError.
 */
import { TalkdeckError } from './errors.js';
import { labelsFor, type Labels } from './i18n.js';
import { htmlToText, plainText, renderBlock, renderInline } from './markdown.js';
import type { Deck, LayoutName, NormalSlide, Point, Reference } from './schema.js';
import { assignIds } from './slug.js';
import type { TimingSettings } from './settings.js';
import { errorAt, type KeyPath, type SourceFile } from './source.js';
import { estimateTiming, type DeckTiming } from './timing.js';
import type { ValidatedSlide } from './validate.js';
import type * as WorldMapModule from './render/world-map.js';

/** The map renderer is heavy (d3-geo, atlas data): loaded only for decks with a map slide. */
export type MapRenderer = Pick<typeof WorldMapModule, 'renderWorldMap' | 'unknownCountryCodes'>;

export interface PointModel {
  html: string;
  points: PointModel[];
  /** Revealed one by one (a reveal.js fragment). */
  step?: boolean;
}

export interface CiteModel {
  number: number;
  label: string;
}

export interface ReferenceModel {
  key: string;
  number: number;
  label: string;
  titleHtml: string;
  author?: string | undefined;
  publication?: string | undefined;
  date?: string | undefined;
  url?: string | undefined;
  noteHtml?: string | undefined;
}

export interface SlideModel {
  id: string;
  /** 1-based position in the deck. */
  number: number;
  layout: LayoutName;
  /** The partial that renders this slide's body: `layouts/<layout>`. */
  template: string;
  /** Plain-text title, for outlines and the speaker view. */
  title: string;
  titleHtml?: string | undefined;
  subtitleHtml?: string | undefined;
  notesHtml?: string | undefined;
  notesText?: string | undefined;
  summaryHtml?: string | undefined;
  cites: CiteModel[];
  citeLabel: string;
  steps: boolean;
  /** Estimated speaking time in whole seconds: reveal.js `data-timing`, for the speaker view's pacing. */
  timing: number;
  /** Layout-specific fields, already rendered. */
  points?: PointModel[];
  left?: { headingHtml: string; points: PointModel[] };
  right?: { headingHtml: string; points: PointModel[] };
  events?: { date: string; html: string; step?: boolean }[];
  figures?: { value: string; labelHtml: string; noteHtml?: string | undefined }[];
  quote?: { html: string; speaker: string; contextHtml?: string | undefined };
  image?: { src: string; alt: string; captionHtml?: string | undefined; creditHtml?: string | undefined };
  map?: {
    svg: string;
    description: string;
    legend: { label: string; className: string; countryNames: string[] }[];
    captionHtml?: string | undefined;
    /** The groups as given (codes upper-cased), for writers that draw the map themselves. */
    groups: { label: string; countries: string[]; emphasis: boolean }[];
  };
  /** `minutes` only when the agenda slide asks for `times: true`. */
  agenda?: { id: string; titleHtml: string; number: number; minutes?: number | undefined }[];
  references?: ReferenceModel[];
}

export interface DeckModel {
  name: string;
  lang: string;
  title: string;
  titleHtml: string;
  subtitleHtml?: string | undefined;
  author?: string | undefined;
  institution?: string | undefined;
  date?: string | undefined;
  marking?: string | undefined;
  theme: string;
  duration?: number | undefined;
  timing: DeckTiming;
  labels: Labels;
  slides: SlideModel[];
  references: ReferenceModel[];
  /** Files of the deck folder the output needs (images), relative to the deck folder. */
  assets: string[];
}

export interface ModelInput {
  name: string;
  source: SourceFile;
  meta: Omit<Deck, 'slides'>;
  slides: ValidatedSlide[];
  /** Whether a file exists, relative to the deck folder; injected so the core stays pure. */
  exists: (relativePath: string) => boolean;
  /** Needed when the deck has a map slide. */
  maps?: MapRenderer | undefined;
  timing: TimingSettings;
}

export function buildModel(input: ModelInput): { model: DeckModel; errors: TalkdeckError[] } {
  const { source, meta } = input;
  const errors: TalkdeckError[] = [];
  const lang = meta.lang ?? 'en';
  const labels = labelsFor(lang);
  const references = meta.references ?? {};

  const inline = (text: string | number, path: KeyPath): string => {
    const r = renderInline(String(text));
    for (const url of r.refused) errors.push(unsafeLink(source, path, url));
    return r.html;
  };
  const maybe = (text: string | number | undefined, path: KeyPath): string | undefined =>
    text === undefined ? undefined : inline(text, path);
  const points = (list: readonly Point[], path: KeyPath): PointModel[] =>
    list.map((p, i) =>
      typeof p === 'string'
        ? { html: inline(p, [...path, i]), points: [] }
        : { html: inline(p.text, [...path, i, 'text']), points: points(p.points ?? [], [...path, i, 'points']) },
    );

  // Titles once (rendered and plain), then ids: agenda and links need every slide's id.
  const titles = input.slides.map(({ slide, index }) => {
    const title = slideTitle(slide, meta.title, labels);
    if (title === undefined) return { html: undefined, plain: '' };
    const html = inline(title, ['slides', index, 'title']);
    return { html, plain: htmlToText(html) };
  });
  const ids = assignIds(
    input.slides.map(({ slide, index }, i) => ({
      explicit: slide.id,
      title: titles[i]!.plain,
      fallback: `slide-${index + 1}`,
    })),
  );
  const seenExplicit = new Map<string, number>();
  input.slides.forEach(({ slide, index }) => {
    if (!slide.id) return;
    const first = seenExplicit.get(slide.id);
    if (first !== undefined) {
      errors.push(
        errorAt(source, ['slides', index, 'id'], {
          code: 'duplicate-id',
          message: `Slide id \`${slide.id}\` is already used by slide ${first + 1}`,
          hint: 'ids must be unique; change one of them or remove it to use the title',
        }),
      );
    } else seenExplicit.set(slide.id, index);
  });

  // References are numbered in the order slides first cite them.
  const citedOrder: string[] = [];
  for (const { slide, index } of input.slides) {
    (slide.cite ?? []).forEach((key, i) => {
      if (!(key in references)) {
        errors.push(
          errorAt(source, ['slides', index, 'cite', i], {
            code: 'unknown-reference',
            message: `Slide ${index + 1} cites \`${key}\`, which is not in \`references\``,
            hint: suggestKey(key, Object.keys(references)),
          }),
        );
      } else if (!citedOrder.includes(key)) citedOrder.push(key);
    });
  }
  const refModels: ReferenceModel[] = citedOrder.map((key, i) =>
    referenceModel(key, i + 1, references[key]!, (t, p) => inline(t, ['references', key, ...p])),
  );
  const refByKey = new Map(refModels.map((r) => [r.key, r]));

  const timing = estimateTiming(
    input.slides.map(({ slide }, i) => ({ layout: slide.layout, title: titles[i]!.plain, notes: slide.notes })),
    meta.duration,
    input.timing,
  );
  const sections = input.slides.flatMap(({ slide }, position) =>
    slide.layout === 'section' ? [{ id: ids[position]!, slide, position, titleHtml: titles[position]!.html ?? '' }] : [],
  );
  const assets: string[] = [];

  const slides: SlideModel[] = input.slides.map(({ slide, index }, i) => {
    const path: KeyPath = ['slides', index];
    const notes = slide.notes === undefined ? undefined : renderBlock(slide.notes);
    for (const url of notes?.refused ?? []) errors.push(unsafeLink(source, [...path, 'notes'], url));
    const base: SlideModel = {
      id: ids[i]!,
      number: i + 1,
      layout: slide.layout,
      template: `layouts/${slide.layout}`,
      title: titles[i]!.plain,
      titleHtml: titles[i]!.html,
      notesHtml: notes?.html,
      notesText: slide.notes,
      summaryHtml: maybe(slide.summary, [...path, 'summary']),
      cites: (slide.cite ?? []).flatMap((key) => {
        const r = refByKey.get(key);
        return r ? [{ number: r.number, label: r.label }] : [];
      }),
      citeLabel: (slide.cite?.length ?? 0) > 1 ? labels.sourcesCited : labels.source,
      steps: 'steps' in slide ? Boolean(slide.steps) : false,
      timing: timing.slides[i]!,
    };
    return withLayout(base, slide, {
      path,
      inline,
      maybe,
      points,
      meta,
      refModels,
      sections,
      timing,
      source,
      errors,
      exists: input.exists,
      assets,
      lang,
      maps: input.maps,
    });
  });

  const model: DeckModel = {
    name: input.name,
    lang,
    title: plainText(meta.title),
    titleHtml: inline(meta.title, ['title']),
    subtitleHtml: maybe(meta.subtitle, ['subtitle']),
    author: meta.author,
    institution: meta.institution,
    date: meta.date === undefined ? undefined : String(meta.date),
    marking: meta.marking,
    theme: meta.theme ?? 'briefing',
    duration: meta.duration,
    timing,
    labels,
    slides,
    references: refModels,
    assets,
  };
  return { model, errors };
}

interface LayoutContext {
  path: KeyPath;
  inline: (text: string | number, path: KeyPath) => string;
  maybe: (text: string | number | undefined, path: KeyPath) => string | undefined;
  points: (list: readonly Point[], path: KeyPath) => PointModel[];
  meta: Omit<Deck, 'slides'>;
  refModels: ReferenceModel[];
  sections: { id: string; slide: NormalSlide; position: number; titleHtml: string }[];
  timing: DeckTiming;
  source: SourceFile;
  errors: TalkdeckError[];
  exists: (relativePath: string) => boolean;
  assets: string[];
  lang: string;
  maps: MapRenderer | undefined;
}

function withLayout(base: SlideModel, slide: NormalSlide, ctx: LayoutContext): SlideModel {
  const { path, inline, maybe, points } = ctx;
  switch (slide.layout) {
    case 'title':
      return { ...base, subtitleHtml: maybe(slide.subtitle ?? ctx.meta.subtitle, [...path, 'subtitle']) };
    case 'section':
      return { ...base, subtitleHtml: maybe(slide.subtitle, [...path, 'subtitle']) };
    case 'closing':
      return {
        ...base,
        subtitleHtml: maybe(slide.subtitle, [...path, 'subtitle']),
        points: points(slide.points ?? [], [...path, 'points']),
      };
    case 'agenda':
      return {
        ...base,
        agenda: ctx.sections.map(({ id, position, titleHtml }, n) => ({
          id,
          number: n + 1,
          titleHtml,
          minutes: slide.times ? sectionMinutes(ctx.timing, position) : undefined,
        })),
      };
    case 'points':
      return { ...base, points: stepped(points(slide.points, [...path, 'points']), base.steps) };
    case 'compare':
      return {
        ...base,
        left: { headingHtml: inline(slide.left.heading, [...path, 'left', 'heading']), points: points(slide.left.points, [...path, 'left', 'points']) },
        right: { headingHtml: inline(slide.right.heading, [...path, 'right', 'heading']), points: points(slide.right.points, [...path, 'right', 'points']) },
      };
    case 'timeline':
      return {
        ...base,
        events: stepped(
          slide.events.map((e, i) => ({ date: String(e.date), html: inline(e.text, [...path, 'events', i, 'text']) })),
          base.steps,
        ),
      };
    case 'figures':
      return {
        ...base,
        figures: slide.figures.map((f, i) => ({
          value: String(f.value),
          labelHtml: inline(f.label, [...path, 'figures', i, 'label']),
          noteHtml: maybe(f.note, [...path, 'figures', i, 'note']),
        })),
      };
    case 'quote':
      return {
        ...base,
        quote: {
          html: inline(slide.text, [...path, 'text']),
          speaker: slide.speaker,
          contextHtml: maybe(slide.context, [...path, 'context']),
        },
      };
    case 'image': {
      const src = slide.src.replace(/\\/g, '/');
      if (src.startsWith('/') || /^[a-z]+:/i.test(src) || src.split('/').includes('..')) {
        ctx.errors.push(
          errorAt(ctx.source, [...path, 'src'], {
            code: 'missing-file',
            message: `Image path \`${slide.src}\` must be a path inside the deck folder`,
            hint: 'put the image next to deck.yaml (e.g. images/figure.svg) and give its relative path; remote images would break offline use',
          }),
        );
      } else if (!ctx.exists(src)) {
        ctx.errors.push(
          errorAt(ctx.source, [...path, 'src'], {
            code: 'missing-file',
            message: `Image \`${slide.src}\` not found in the deck folder`,
            hint: 'check the file name and its case; paths are relative to the folder of deck.yaml, and links to files outside it are not followed',
          }),
        );
      } else if (!ctx.assets.includes(src)) ctx.assets.push(src);
      return {
        ...base,
        image: {
          src: `assets/${src}`,
          alt: plainText(slide.alt),
          captionHtml: maybe(slide.caption, [...path, 'caption']),
          creditHtml: maybe(slide.credit, [...path, 'credit']),
        },
      };
    }
    case 'map': {
      if (!ctx.maps) throw new Error('map slide modelled without a map renderer');
      const { renderWorldMap, unknownCountryCodes } = ctx.maps;
      let ok = true;
      slide.groups.forEach((g, gi) => {
        for (const code of unknownCountryCodes(g.countries)) {
          ok = false;
          ctx.errors.push(
            errorAt(ctx.source, [...path, 'groups', gi, 'countries', g.countries.indexOf(code)], {
              code: 'unknown-country',
              message: `Unknown or undrawable country code \`${code}\``,
              hint: 'use ISO 3166-1 alpha-3 codes, e.g. COL for Colombia, DEU for Germany',
            }),
          );
        }
      });
      if (!ok) return base;
      const groups = slide.groups.map((g) => ({ label: g.label, countries: g.countries.map((c) => c.trim().toUpperCase()), emphasis: g.emphasis ?? false }));
      const map = renderWorldMap({
        groups,
        lang: ctx.lang,
        title: base.title,
        idPrefix: `map-${base.id}`,
      });
      return { ...base, map: { ...map, groups, captionHtml: maybe(slide.caption, [...path, 'caption']) } };
    }
    case 'sources':
      return { ...base, references: ctx.refModels };
  }
}

/** Whole minutes, at least one: an agenda promising "0 min" for a part of the talk reads as a mistake. */
function sectionMinutes(timing: DeckTiming, position: number): number {
  const seconds = timing.sections.find((s) => s.first === position)?.seconds ?? 0;
  return Math.max(1, Math.round(seconds / 60));
}

function stepped<T extends object>(items: T[], steps: boolean): (T & { step?: boolean })[] {
  return steps ? items.map((item) => ({ ...item, step: true })) : items;
}

function slideTitle(slide: NormalSlide, deckTitle: string, labels: Labels): string | undefined {
  switch (slide.layout) {
    case 'title':
      return slide.title ?? deckTitle;
    case 'agenda':
      return slide.title ?? labels.agenda;
    case 'sources':
      return slide.title ?? labels.sources;
    default:
      return slide.title;
  }
}

function referenceModel(
  key: string,
  number: number,
  ref: Reference,
  inline: (text: string, path: KeyPath) => string,
): ReferenceModel {
  const date = ref.date === undefined ? undefined : String(ref.date);
  const who = ref.author ? ref.author.split(/[,;]| und | and /)[0]!.trim().split(/\s+/).at(-1) : undefined;
  const label = ref.short ?? [who ?? plainText(ref.title), date?.match(/\d{4}/)?.[0]].filter(Boolean).join(' ');
  return {
    key,
    number,
    label,
    titleHtml: inline(ref.title, ['title']),
    author: ref.author,
    publication: ref.publication,
    date,
    url: ref.url,
    noteHtml: ref.note === undefined ? undefined : inline(ref.note, ['note']),
  };
}

function unsafeLink(source: SourceFile, path: KeyPath, url: string): TalkdeckError {
  return errorAt(source, path, {
    code: 'unsafe-link',
    message: `Link target \`${url}\` is not allowed`,
    hint: 'links may point to http(s), mailto, #/slide-id or a relative path',
  });
}

function suggestKey(key: string, keys: string[]): string {
  return keys.length ? `defined references: ${keys.join(', ')}` : 'add a `references:` block to the deck with this key';
}

