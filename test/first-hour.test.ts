/**
 * Issue 22: what a newcomer trips over in the first hour — the small slips (item 5), the
 * installed tool's wording (item 6) and `import` (item 7). Each test runs the command as the
 * user did and asserts the exact message and place; fixtures in test/fixtures/issue-22/.
 */
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../src/cli/main.js';
import { fixture } from './helpers/build.js';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** main() in-process, as the bin calls it, in `cwd`. */
async function run(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    cwd,
    env,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const ISSUE = fixture('issue-22');
const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1)!;

describe('summaries', () => {
  it('count every slide of a failed deck, not only the valid ones', async () => {
    const r = await run(ISSUE, ['check', 'summary-count']);
    expect(r.code).toBe(1);
    expect(lastLine(r.stderr)).toBe('✗ summary-count: 3 slides, 4 errors');
  });

  it('give no count for a file that could not be read', async () => {
    const r = await run(ISSUE, ['check', 'yaml-key-indent']);
    expect(lastLine(r.stderr)).toBe('✗ yaml-key-indent: 1 error');
  });
});
