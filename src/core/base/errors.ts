/**
 * One error type for everything the user can fix. It is a value with a place until the CLI
 * prints it; anything that is not a TalkdeckError is a bug and keeps its stack.
 */
/** Every lint rule's id: the keys of `lint:` in the deck or config file, and the code in reports. */
export const LINT_RULE_IDS = [
  'max-bullets',
  'bullet-length',
  'notes-missing',
  'image-alt',
  'reference-uncited',
  'overflow-estimate',
  'agenda-sections',
  'timing',
  'rehearsal-overrun',
  'remote-resource',
  'font-coverage',
  'theme-contrast',
] as const;
export type LintRuleId = (typeof LINT_RULE_IDS)[number];

/** Lint findings carry their rule's id as code, so `[max-bullets]` names what to configure. */
export type ErrorCode =
  | LintRuleId
  | 'yaml-syntax'
  | 'yaml-alias'
  | 'schema'
  | 'unknown-layout'
  | 'unknown-key'
  | 'missing-field'
  | 'wrong-type'
  | 'missing-file'
  | 'unknown-reference'
  | 'duplicate-id'
  | 'reserved-id'
  | 'unsafe-link'
  | 'notes-separator'
  | 'marp-unsupported'
  | 'pptx-unsupported'
  | 'sanitized'
  | 'markdown'
  | 'unknown-country'
  | 'unsupported-image'
  | 'image-too-large'
  | 'table-shape'
  | 'chart-shape'
  | 'chart-negative'
  | 'template'
  | 'stylesheet'
  | 'config'
  | 'theme'
  | 'no-decks'
  | 'deck-not-found'
  | 'foreign-output'
  | 'file-exists'
  | 'usage'
  | 'browser-not-found'
  | 'browser'
  | 'io'
  | 'encoding'
  /** `--since` cannot be answered: no git, not a repository, unknown revision, no such deck then. */
  | 'git'
  /** A file in a deck's `rehearsals/` that is not a rehearsal record talkdeck can read. */
  | 'rehearsal-file';

/** Exit codes: 1 for content the user must fix, 2 for wrong command-line usage, 3 for the environment. */
const EXIT_CODES: Partial<Record<ErrorCode, number>> = {
  usage: 2,
  // Like a wrong option: the earlier version `--since` names cannot be read here (even when git is missing).
  git: 2,
  'browser-not-found': 3,
  browser: 3,
  io: 3,
};

export interface Place {
  file: string;
  line?: number;
  column?: number;
}

export interface TalkdeckErrorInit extends Partial<Place> {
  code: ErrorCode;
  message: string;
  /** The key path inside the deck, e.g. `slides[3].layout`. */
  path?: string;
  hint?: string;
  cause?: unknown;
  severity?: 'error' | 'warning';
}

export class TalkdeckError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly path: string | undefined;
  readonly hint: string | undefined;
  readonly severity: 'error' | 'warning';

  constructor(init: TalkdeckErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'TalkdeckError';
    this.code = init.code;
    this.file = init.file;
    this.line = init.line;
    this.column = init.column;
    this.path = init.path;
    this.hint = init.hint;
    this.severity = init.severity ?? 'error';
  }

  get exitCode(): number {
    return EXIT_CODES[this.code] ?? 1;
  }

  /** `file:line:column`, as much of it as is known. */
  get location(): string {
    if (!this.file) return '';
    if (this.line === undefined) return this.file;
    return `${this.file}:${this.line}:${this.column ?? 1}`;
  }
}

/** Thrown by a step that collected several user errors (e.g. a whole deck's validation). */
export class TalkdeckErrors extends Error {
  constructor(readonly errors: TalkdeckError[]) {
    super(`${errors.length} problem${errors.length === 1 ? '' : 's'}`);
    this.name = 'TalkdeckErrors';
  }
}

export function exitCodeFor(errors: readonly TalkdeckError[]): number {
  const real = errors.filter((e) => e.severity === 'error');
  if (real.length === 0) return 0;
  return real.reduce((max, e) => Math.max(max, e.exitCode), 0);
}
