/**
 * What the browsers are shown right now: the current Site (the last good build, or a waiting
 * page before the first one), its version, and the problems of the latest attempt. Every change
 * goes out to the connected browsers as an event.
 */
import type { OutputFile } from '../core/write/output-file.js';
import type { LiveProblem } from './live-client.js';
import { LiveEvents } from './live-events.js';
import type { RehearsalEndpoint } from './rehearsal-endpoint.js';
import { makeSite, waitingSite, type Site } from './site.js';

export class LiveSite {
  readonly events: LiveEvents;
  private site: Site;
  private problems: LiveProblem[] = [];
  private builds = 0;
  /** Differs per run, so a page left open from an earlier run reloads when it reconnects. */
  private readonly session = Date.now().toString(36);

  /** `save`: the rehearsal endpoint the served page may post to (see rehearsal-endpoint.ts). */
  constructor(
    deckName: string,
    private readonly save?: RehearsalEndpoint['page'],
  ) {
    this.site = waitingSite(`${this.session}-0`, deckName);
    this.events = new LiveEvents(() => ({ version: this.site.version, problems: this.problems }));
  }

  get current(): Site {
    return this.site;
  }

  /** Whether a build has been published (else the waiting page is served). */
  get built(): boolean {
    return this.builds > 0;
  }

  /** Serves a new build and reloads the browsers; returns how many were told. */
  publish(files: ReadonlyMap<string, OutputFile>): number {
    this.site = makeSite(`${this.session}-${++this.builds}`, files, this.save);
    // The reloaded pages get the (empty) problems with `hello`.
    this.problems = [];
    this.events.reload(this.site.version);
    return this.events.size;
  }

  /** Returns false when these problems are already shown. */
  showProblems(problems: LiveProblem[]): boolean {
    if (JSON.stringify(problems) === JSON.stringify(this.problems)) return false;
    this.problems = problems;
    this.events.problems(problems);
    return true;
  }

  close(): void {
    this.events.close();
  }
}
