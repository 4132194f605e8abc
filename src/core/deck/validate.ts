/**
 * Validation: checks a parsed deck against the schema and turns every problem into a
 * TalkdeckError with a place and a hint. Slides are validated one by one, so a broken slide
 * does not hide the problems of the others, and the valid slides still reach later checks.
 */
import type * as z from 'zod';
import { TalkdeckError } from '../base/errors.js';
import { deckMetaSchema, type Deck } from './schema.js';
import { isLayoutName, layoutSchema, LAYOUT_NAMES, type LayoutName, type NormalSlide } from './layouts.js';
import { fieldSynonym, layoutSynonym } from './synonyms.js';
import { errorAt, formatPath, type KeyPath, type SourceFile } from '../base/source.js';
import { suggest } from '../base/suggest.js';

export interface ValidatedSlide {
  index: number;
  slide: NormalSlide;
}

export interface ValidationResult {
  /** The deck metadata, when it is valid. */
  meta: Omit<Deck, 'slides'> | undefined;
  /** Only the slides that passed; their `index` is their place in the file. */
  slides: ValidatedSlide[];
  slideCount: number;
  errors: TalkdeckError[];
}

export function validateDeck(source: SourceFile, data: unknown): ValidationResult {
  const errors: TalkdeckError[] = [];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    errors.push(
      errorAt(source, [], {
        code: 'wrong-type',
        message: 'A deck file must be a mapping with `title:` and `slides:`',
        hint: 'start the file with `title: My talk` and a `slides:` list',
      }),
    );
    return { meta: undefined, slides: [], slideCount: 0, errors };
  }

  // zod drops a `__proto__` entry of a record without a word (assigning it would set the
  // prototype); references are the deck's only user-named keys, so say it here.
  const refs = (data as { references?: unknown }).references;
  if (refs !== null && typeof refs === 'object' && Object.hasOwn(refs, '__proto__')) {
    errors.push(
      errorAt(
        source,
        ['references', '__proto__'],
        {
          code: 'schema',
          message: 'A reference cannot be called `__proto__`',
          hint: 'rename it (e.g. `proto`) and cite it by the new name',
        },
        { key: true },
      ),
    );
  }
  const metaSchema = deckMetaSchema();
  const metaResult = metaSchema.safeParse(data);
  if (!metaResult.success) errors.push(...issuesToErrors(source, metaResult.error.issues, [], metaSchema, data));
  const rawSlides = (data as { slides?: unknown }).slides;
  const slides: ValidatedSlide[] = [];
  const list = Array.isArray(rawSlides) ? rawSlides : [];
  list.forEach((raw, index) => {
    const path: KeyPath = ['slides', index];
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      errors.push(
        errorAt(source, path, {
          code: 'wrong-type',
          message: `Slide ${index + 1} must be a mapping of fields, got ${describe(raw)}`,
          hint: 'write a slide as `- title: …` followed by its fields, indented under it',
        }),
      );
      return;
    }
    const layout = (raw as { layout?: unknown }).layout ?? 'points';
    if (!isLayoutName(layout)) {
      const guess = typeof layout === 'string' ? (layoutSynonym(layout) ?? suggest(layout, LAYOUT_NAMES)) : undefined;
      errors.push(
        errorAt(source, [...path, 'layout'], {
          code: 'unknown-layout',
          message: `Unknown layout ${JSON.stringify(layout)} on slide ${index + 1}`,
          hint: guess ? `did you mean \`${guess}\`? Layouts: ${LAYOUT_NAMES.join(', ')}` : `layouts: ${LAYOUT_NAMES.join(', ')}`,
        }),
      );
      return;
    }
    const schema = layoutSchema(layout) as z.ZodType;
    const result = schema.safeParse(raw);
    if (!result.success) {
      const other = otherLayout(source, result.error.issues, path, layout, (raw as { layout?: unknown }).layout !== undefined);
      errors.push(...(other ? [other] : issuesToErrors(source, result.error.issues, path, schema, raw)));
      return;
    }
    slides.push({ index, slide: { ...(result.data as object), layout } as NormalSlide });
  });

  return {
    meta: metaResult.success ? (metaResult.data as Omit<Deck, 'slides'>) : salvageMeta(data, metaResult.error.issues),
    slides,
    slideCount: list.length,
    errors,
  };
}

type Issue = z.core.$ZodIssue;

/**
 * The valid part of broken metadata, so the slides can still be checked (missing images,
 * references …) and every problem is reported in one run. Output is never written from it.
 */
function salvageMeta(data: object, issues: readonly Issue[]): Omit<Deck, 'slides'> | undefined {
  const bad = new Set(issues.map((i) => i.path[0]));
  const kept = Object.fromEntries(Object.entries(data).filter(([k]) => !bad.has(k) && k !== 'slides'));
  const result = deckMetaSchema().omit({ slides: true }).partial().safeParse(kept);
  if (!result.success) return undefined;
  return { ...result.data, title: result.data.title ?? '' } as Omit<Deck, 'slides'>;
}

/** zod issues as located TalkdeckErrors with hints; `base` is where the validated value sits. */
export function issuesToErrors(
  source: SourceFile,
  issues: readonly Issue[],
  base: KeyPath,
  schema: z.ZodType,
  root?: unknown,
): TalkdeckError[] {
  // `image:` on an image slide is `src` written another way: say that once, not also "missing `src`".
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const allowed = allowedKeys(schema, issue.path as (string | number)[]);
    for (const key of issue.keys) {
      const guess = fieldSynonym(key, allowed) ?? suggest(key, allowed);
      if (guess) meant.add(formatPath([...issue.path, guess] as (string | number)[]));
    }
  }
  const echo = (issue: Issue): boolean =>
    issue.code === 'invalid_type' && valueAt(root, issue.path as (string | number)[]) === undefined && meant.has(formatPath(issue.path as (string | number)[]));
  return issues.filter((issue) => !echo(issue)).flatMap((issue) => issueToErrors(source, issue, base, schema, root));
}

/**
 * A slide whose extra fields are all another layout's (`chart`, `categories`, `series` on a
 * slide without `layout`): one error that names that layout, instead of one per field.
 */
function otherLayout(source: SourceFile, issues: readonly Issue[], path: KeyPath, layout: LayoutName, given: boolean): TalkdeckError | undefined {
  const extra = issues.flatMap((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys : []));
  if (!extra.length) return undefined;
  const fits = LAYOUT_NAMES.filter((name) => {
    if (name === layout) return false;
    const keys = allowedKeys(layoutSchema(name) as z.ZodType, []);
    return extra.every((k) => keys.includes(k));
  });
  if (fits.length !== 1) return undefined;
  const [other] = fits as [LayoutName];
  const named = extra.map((k) => `\`${k}\``);
  const fields = named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0]!;
  const slide = typeof path[1] === 'number' ? path[1] + 1 : '?';
  return errorAt(source, given ? [...path, 'layout'] : path, {
    code: 'unknown-key',
    message: given
      ? `Slide ${slide} is \`layout: ${layout}\`, but ${fields} ${extra.length === 1 ? 'is a field' : 'are fields'} of \`layout: ${other}\``
      : `Slide ${slide} has the fields of \`layout: ${other}\` (${fields}), but no \`layout\`, so it is read as a bullet slide`,
    hint: given ? `change it to \`layout: ${other}\`, or remove ${fields}` : `add \`layout: ${other}\` to the slide`,
  });
}

function issueToErrors(source: SourceFile, issue: Issue, base: KeyPath, schema: z.ZodType, root: unknown): TalkdeckError[] {
  const rel = issue.path as (string | number)[];
  const path = [...base, ...rel];
  const field = String(rel.at(-1) ?? 'value');
  const last = rel.at(-1);
  const what =
    typeof last === 'number' && typeof rel.at(-2) === 'string'
      ? `item ${last + 1} of \`${String(rel.at(-2))}\``
      : rel.length
        ? `\`${field}\``
        : 'the value';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schema, rel);
      return issue.keys.map((key) => {
        const moved = rel.length === 1 && rel[0] === 'reveal' ? MOVED_REVEAL_OPTIONS[key] : undefined;
        const guess = fieldSynonym(key, allowed) ?? suggest(key, allowed);
        if (moved) {
          return errorAt(source, [...path, key], { code: 'unknown-key', message: `Unknown key \`${key}\`${where(base, rel)}`, hint: moved }, { key: true });
        }
        return errorAt(
          source,
          [...path, key],
          {
            code: 'unknown-key',
            message: `Unknown key \`${key}\`${where(base, rel)}`,
            hint: guess
              ? `did you mean \`${guess}\`?`
              : allowed.length
                ? `allowed here: ${allowed.join(', ')}`
                : 'remove it',
          },
          { key: true },
        );
      });
    }
    case 'invalid_type': {
      const value = valueAt(root, rel);
      if (value === undefined) {
        return [
          errorAt(source, path, {
            code: 'missing-field',
            message: `Missing required field \`${field}\`${where(base, rel.slice(0, -1))}`,
            hint: `add \`${field}: …\` (${issue.expected})`,
          }),
        ];
      }
      return [
        errorAt(source, path, {
          code: 'wrong-type',
          message: `${capital(what)} must be ${article(issue.expected)}, got ${describe(value)}`,
          hint:
            issue.expected === 'number' && typeof value === 'string' && /^\s*-?\d+,\d+\s*$/.test(value)
              ? `write ${value.trim().replace(',', '.')} with a decimal point and without quotes; talkdeck prints it in the deck's language (3,1 in German)`
              : typeHint(issue.expected),
        }),
      ];
    }
    case 'invalid_union': {
      // Points are "text or { text, points }": when the author wrote a mapping, the mapping's
      // own problems are the useful ones.
      const value = valueAt(root, rel);
      const branch = issue.errors.find((branchIssues) =>
        branchIssues.every((i) => !(i.code === 'invalid_type' && i.path.length === 0)),
      );
      if (branch && value && typeof value === 'object') {
        return branch.flatMap((i) =>
          issueToErrors(source, { ...i, path: [...rel, ...i.path] } as Issue, base, schema, root),
        );
      }
      return [
        errorAt(source, path, {
          code: 'wrong-type',
          message: `${capital(what)} must be a text or a mapping \`{ text, points }\`, got ${describe(value)}`,
          hint: 'write a bullet as `- text` or as `- text: …` with `points:` under it',
        }),
      ];
    }
    case 'invalid_value': {
      const value = valueAt(root, rel);
      const options = issue.values.filter((v): v is string => typeof v === 'string');
      const guess = typeof value === 'string' ? suggest(value, options) : undefined;
      return [
        errorAt(source, path, {
          code: 'schema',
          message: `${capital(what)} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
          hint: guess ? `did you mean \`${guess}\`?` : 'use one of the listed values',
        }),
      ];
    }
    default:
      return [
        errorAt(source, path, {
          code: 'schema',
          message: `${capital(what)} ${issue.message.replace(/^Invalid input: /, '')}`,
          hint: hintFor(schema, rel),
        }),
      ];
  }
}

/** reveal.js options that talkdeck sets elsewhere: where to put them instead. */
const MOVED_REVEAL_OPTIONS: Record<string, string> = {
  transition: 'set `transition:` at the top level of the deck (or on a slide), not inside `reveal`',
  width: 'set `size: 16:9`, `16:10` or `4:3` at the top level of the deck',
  height: 'set `size: 16:9`, `16:10` or `4:3` at the top level of the deck',
  theme: 'set `theme:` at the top level of the deck',
};

function where(base: KeyPath, rel: readonly (string | number)[]): string {
  const slide = base[0] === 'slides' && typeof base[1] === 'number' ? ` on slide ${base[1] + 1}` : '';
  const inner = rel.filter((s) => typeof s === 'string').join('.');
  return inner ? ` in \`${inner}\`${slide}` : slide;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function typeHint(expected: string): string {
  switch (expected) {
    case 'array':
      return 'write a list, one item per line starting with "- "';
    case 'object':
      return 'write a mapping: `key: value` lines indented under this key';
    case 'string':
      return 'write text; quote it if it looks like a number, date or yes/no';
    case 'boolean':
      return 'write true or false';
    case 'number':
      return 'write a plain number without quotes';
    default:
      return `write ${article(expected)}`;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 30 ? value.slice(0, 30) + '…' : value)}`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** Walks a zod schema along a key path, through optionals, lazies, unions and lists. */
function schemaAt(schema: z.ZodType, path: readonly (string | number)[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const seg of path) {
    if (!current) return undefined;
    const def = current._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object' && typeof seg === 'string') current = unwrap((def.shape as Record<string, z.ZodType>)[seg]);
    else if (def.type === 'array') current = unwrap(def.element as z.ZodType);
    else if (def.type === 'record') current = unwrap(def.valueType as z.ZodType);
    else return undefined;
  }
  return current;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let s = schema;
  for (let i = 0; s && i < 10; i++) {
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') s = def.innerType as z.ZodType;
    else if (def.type === 'lazy') s = (def.getter as () => z.ZodType)();
    else if (def.type === 'union') {
      const options = def.options as z.ZodType[];
      s = options.find((o) => unwrap(o)?._zod.def.type === 'object') ?? options[0];
      if (s && s._zod.def.type === 'object') return s;
    } else return s;
  }
  return s;
}

function allowedKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  const s = schemaAt(schema, path);
  if (!s || s._zod.def.type !== 'object') return [];
  return Object.keys((s._zod.def as unknown as { shape: object }).shape);
}

function hintFor(schema: z.ZodType, path: readonly (string | number)[]): string {
  const s = schemaAt(schema, path);
  const meta = s?.meta() as { description?: string; examples?: unknown[] } | undefined;
  if (meta?.examples?.length) return `for example: ${JSON.stringify(meta.examples[0])}`;
  return meta?.description ?? 'see schema/deck.schema.json for what this field takes';
}
