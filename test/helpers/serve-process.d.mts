import type { ChildProcess } from 'node:child_process';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Served {
  url: string;
  port: number;
  proc: ChildProcess;
  exited: Promise<Exit>;
  stdout(): string;
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

export function startServe(cwd: string, args: string[], opts?: { timeoutMs?: number; env?: Record<string, string> }): Promise<Served>;

export interface LiveEvent {
  event: string;
  data: any;
  /** performance.now() when it arrived. */
  at: number;
}

export class EventStream {
  events: LiveEvent[];
  static connect(baseUrl: string): Promise<EventStream>;
  mark(): number;
  waitFor(event: string, opts?: { from?: number; test?: (data: any) => boolean; timeoutMs?: number }): Promise<LiveEvent>;
  close(): void;
}
