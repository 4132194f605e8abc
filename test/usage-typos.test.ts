// Typos on the command line (issue 10): a did-you-mean for commands and options, options shown
// with their dashes, exit code 2. main() in-process, as the bin calls it.
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { unknownOptions } from '../src/cli/usage-error.js';

async function run(argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd: '/nonexistent', env: {} };
  const code = await main(argv, io);
  return { code, stderr, stdout };
}

describe('typos on the command line', () => {
  it.each([
    [['biuld'], 'Unknown command `biuld`; did you mean `build`?'],
    [['chek', 'x'], 'Unknown command `chek`; did you mean `check`?'],
    [['build', '--forse'], 'Unknown option --forse; did you mean --force?'],
    [['build', '--singel-file'], 'Unknown option --singel-file; did you mean --single-file?'],
    [['pdf', '--out=x', '--notse'], 'Unknown option --notse; did you mean --notes?'],
    [['build', '--no-forse'], 'Unknown option --no-forse; did you mean --no-force?'],
    [['serve', '--prot', '3'], 'Unknown option --prot; did you mean --port?'],
    [['--verison'], 'Unknown option --verison; did you mean --version?'],
    [['build', '-x'], 'Unknown option -x\n'],
  ])('talkdeck %j', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`talkdeck: ${message}`);
    expect(r.stdout).toBe('');
  });

  it('lists every unknown option once, without camelCase twins, and points at the command help', async () => {
    const r = await run(['build', '--forse', '--singel-file']);
    expect(r.stderr).toBe(
      'talkdeck: Unknown option --forse; did you mean --force?\n' +
        'talkdeck: Unknown option --singel-file; did you mean --single-file?\n' +
        'Run `talkdeck build --help` for usage.\n',
    );
  });

  it('finds unknown options as typed, up to --', () => {
    const known = ['out', 'o', 'force', 'single-file', 'singleFile'];
    expect(unknownOptions(['--out=x', '-o', 'y', '--no-force', '--singleFile', '-fq', '--', '--later'], known)).toEqual(['f', 'q']);
    expect(unknownOptions(['-1', 'deck'], known)).toEqual([]);
  });
});
