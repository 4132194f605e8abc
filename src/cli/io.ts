/** What a command may touch of the outside world; tests pass their own. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  stdout: Output;
  stderr: Output;
  cwd: string;
  env: Record<string, string | undefined>;
  /** The command being run (`build`, `pptx` …), for messages that suggest the next one. */
  command?: string | undefined;
}
