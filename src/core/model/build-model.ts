/**
 * Building the render model (types.ts) from a validated deck: the decisions that need the whole
 * deck (free-Markdown bodies, titles, ids, which references are cited and their numbers, the
 * backup part, timing, stacks) and the part every slide shares. What a slide's layout adds is
 * decided in layouts/, from the context made here. Every semantic problem becomes a located
 * TalkdeckError.
 */
import { TalkdeckError } from '../base/errors.js';
import { labelsFor, type Labels } from '../base/i18n.js';
import { htmlToText, plainText, renderBlock, renderInline } from '../base/markdown.js';
import { SLIDE_SIZES, type Point } from '../deck/fields.js';
import type { Deck } from '../deck/schema.js';
import type { NormalSlide } from '../deck/layouts.js';
import { assignIds, RESERVED_ID_PREFIX } from './slug.js';
import type { TimingSettings } from '../deck/settings.js';
import type { FreeMarkdown } from './free-markdown/render.js';
import type * as FreeMarkdownModule from './free-markdown/render.js';
import { ASSETS, checkReference, isRefusal, type Admit } from '../base/resources.js';
import { errorAt, lineInValue, type KeyPath, type SourceFile } from '../base/source.js';
import { estimateTiming } from './timing.js';
import { refused, suggestKey, unsafeLink } from './problems.js';
import { slideBackground } from './background.js';
import { stackPlaces } from './stacks.js';
import { referenceModel } from './references.js';
import type { DeckModel, PointModel, ReferenceModel, RemoteResourceModel, SlideModel } from './types.js';
import type { ValidatedSlide } from '../deck/validate.js';
import type { ChartRenderer, MapRenderer } from './layouts/context.js';
import { withLayout } from './layouts/with-layout.js';

export interface ModelInput {
  name: string;
  source: SourceFile;
  meta: Omit<Deck, 'slides'>;
  slides: ValidatedSlide[];
  /** Whether a file exists, relative to the deck folder; injected so the core stays pure. */
  exists: (relativePath: string) => boolean;
  /** Whether a file the deck loads may be shown (a picture's size); see base/resources.ts. */
  admit?: Admit | undefined;
  /** Needed when the deck has a map slide. */
  maps?: MapRenderer | undefined;
  /** Needed when the deck has a chart slide. */
  charts?: ChartRenderer | undefined;
  /** Needed when the deck has a free-Markdown slide (highlight.js and KaTeX are large: loaded only then). */
  freeMarkdown?: Pick<typeof FreeMarkdownModule, 'renderFreeMarkdown'> | undefined;
  timing: TimingSettings;
}

export function buildModel(input: ModelInput): { model: DeckModel; errors: TalkdeckError[]; warnings: TalkdeckError[] } {
  const { source, meta } = input;
  const errors: TalkdeckError[] = [];
  const warnings: TalkdeckError[] = [];
  const assets: string[] = [];
  const stylesheets: string[] = [];
  const remote: RemoteResourceModel[] = [];
  const uses = { code: false, math: false };
  // The deck's formulas share one budget (free-markdown/render.ts MATH_BUDGET).
  const math = { formulas: 0, characters: 0 };

  // Free-Markdown bodies first: their first heading names the slide when it has no title.
  const bodies = new Map<number, FreeMarkdown>();
  for (const { slide, index } of input.slides) {
    if (slide.layout !== 'markdown') continue;
    const path: KeyPath = ['slides', index, 'body'];
    if (!input.freeMarkdown) throw new Error('buildModel: a markdown slide needs the free-Markdown renderer');
    const body = input.freeMarkdown.renderFreeMarkdown(slide.body, {
      // The project's one resource rule; remote files never get here (kept, reported by lint).
      resource: (given, use) => {
        const checked = checkReference(given, { exists: input.exists, frame: use.frame, admit: input.admit });
        if (isRefusal(checked)) return { problem: `${use.label} \`${given}\` ${checked.reason}`, hint: checked.hint };
        if (!('path' in checked)) return { href: given };
        if (!assets.includes(checked.path)) assets.push(checked.path);
        if (use.stylesheet && !stylesheets.includes(checked.path)) stylesheets.push(checked.path);
        return { href: ASSETS + checked.url };
      },
      attributes: slide.attributes,
      math,
    });
    bodies.set(index, body);
    uses.code ||= body.uses.code;
    uses.math ||= body.uses.math;
    for (const p of body.problems) {
      const error = new TalkdeckError({
        code: p.code,
        severity: p.severity,
        file: source.file,
        line: lineInValue(source, path, p.line),
        column: 1,
        path: `slides[${index}].body`,
        message: `${p.message} (slide ${index + 1})`,
        hint: p.hint,
      });
      (p.severity === 'error' ? errors : warnings).push(error);
    }
    for (const r of body.remote) remote.push({ url: r.url, what: r.what, slide: index + 1, file: source.file, line: lineInValue(source, path, r.line) });
  }
  const lang = meta.lang ?? 'en';
  const labels = labelsFor(lang);
  // A Map, so a `cite` of `constructor` or `toString` is an unknown key, not Object's own.
  const references = new Map(Object.entries(meta.references ?? {}));

  /** A file the deck refers to, through the one resource rule; `undefined` when refused (reported). */
  const resource = (ref: string, path: KeyPath, what: string): string | undefined => {
    const checked = checkReference(ref, { exists: input.exists, admit: input.admit });
    if (isRefusal(checked)) {
      errors.push(refused(source, path, what, ref, checked));
      return undefined;
    }
    if (!('path' in checked)) return undefined;
    if (!assets.includes(checked.path)) assets.push(checked.path);
    return ASSETS + checked.url;
  };
  const images = (list: readonly string[], path: KeyPath): void => {
    for (const src of list) resource(src, path, 'Image');
  };
  const inline = (text: string | number, path: KeyPath): string => {
    const r = renderInline(String(text));
    for (const url of r.refused) errors.push(unsafeLink(source, path, url));
    images(r.images, path);
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
    const heading = bodies.get(index)?.title;
    if (title === undefined) return heading === undefined ? { html: undefined, plain: '' } : { html: undefined, plain: heading };
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
    if (slide.id.startsWith(RESERVED_ID_PREFIX)) {
      errors.push(
        errorAt(source, ['slides', index, 'id'], {
          code: 'reserved-id',
          message: `Slide id \`${slide.id}\` starts with \`${RESERVED_ID_PREFIX}\`, which talkdeck keeps for its own parts of the page`,
          hint: `choose another id, e.g. \`${slide.id.slice(RESERVED_ID_PREFIX.length) || 'slide'}\``,
        }),
      );
      return;
    }
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
      if (!references.has(key)) {
        errors.push(
          errorAt(source, ['slides', index, 'cite', i], {
            code: 'unknown-reference',
            message: `Slide ${index + 1} cites \`${key}\`, which is not in \`references\``,
            hint: suggestKey(key, [...references.keys()]),
          }),
        );
      } else if (!citedOrder.includes(key)) citedOrder.push(key);
    });
  }
  const refModels: ReferenceModel[] = citedOrder.map((key, i) =>
    referenceModel(key, i + 1, references.get(key)!, (t, p) => inline(t, ['references', key, ...p])),
  );
  const refByKey = new Map(refModels.map((r) => [r.key, r]));

  // The backup part starts at the first `appendix` section and runs to the end of the deck.
  const appendixAt = input.slides.findIndex(({ slide }) => slide.layout === 'section' && slide.appendix === true);
  const isBackup = (position: number): boolean => appendixAt >= 0 && position >= appendixAt;
  const mainSlideCount = appendixAt >= 0 ? appendixAt : input.slides.length;
  const label = (position: number): string =>
    !isBackup(position) ? String(position + 1) : position === appendixAt ? 'A' : `A${position - appendixAt}`;

  const timing = estimateTiming(
    input.slides.map(({ slide }, i) => ({ layout: slide.layout, title: titles[i]!.plain, notes: slide.notes, backup: isBackup(i) })),
    meta.duration,
    input.timing,
  );
  const sections = input.slides.flatMap(({ slide }, position) =>
    slide.layout === 'section' && !isBackup(position) ? [{ id: ids[position]!, slide, position, titleHtml: titles[position]!.html ?? '' }] : [],
  );
  const appendix = appendixAt >= 0 ? { id: ids[appendixAt]!, titleHtml: titles[appendixAt]!.html ?? '' } : undefined;
  const size = meta.size ?? '16:9';
  const slideSize = { name: size, ...SLIDE_SIZES[size] };
  const stacks = stackPlaces(input.slides, ids, source, errors);

  const slides: SlideModel[] = input.slides.map(({ slide, index }, i) => {
    const path: KeyPath = ['slides', index];
    const notes = slide.notes === undefined ? undefined : renderBlock(slide.notes);
    for (const url of notes?.refused ?? []) errors.push(unsafeLink(source, [...path, 'notes'], url));
    images(notes?.images ?? [], [...path, 'notes']);
    const base: SlideModel = {
      id: ids[i]!,
      number: i + 1,
      label: label(i),
      backup: isBackup(i),
      background: slideBackground(slide.background, [...path, 'background'], resource, (e) => errors.push(e), source),
      transition: slide.transition,
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
      stack: stacks[i],
    };
    const body = bodies.get(index);
    if (body) {
      const { class: className, ...attributes } = body.slideAttributes;
      return {
        ...base,
        bodyHtml: body.html,
        bodyMarkdown: 'body' in slide ? slide.body : undefined,
        className,
        attributes: Object.entries(attributes).map(([name, value]) => ({ name, value })),
      };
    }
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
      resource,
      lang,
      maps: input.maps,
      charts: input.charts,
      appendix,
      size: slideSize,
      labels,
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
    stylesheets,
    size: slideSize,
    transition: meta.transition ?? 'fade',
    reveal: meta.reveal ?? {},
    appendix,
    mainSlideCount,
    remote,
    uses,
  };
  return { model, errors, warnings };
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
