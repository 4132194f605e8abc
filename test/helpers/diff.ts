/** `talkdeck diff --format json` in-process, and its report as lines a person can check. */
import { main } from '../../src/cli/main.js';

export interface Ref { id: string; label: string }
export interface Field { field: string; change: string }
export interface Report {
  format: string;
  version: number;
  decks: {
    counts: Record<string, number>;
    numbers: { label: string; old: string | null; new: string | null }[];
    deckFields: Field[];
    slides: { status: string; old: Ref | null; new: Ref | null; splitFrom: Ref | null; mergedInto: Ref | null; fields: Field[] }[];
  }[];
}

export async function diffJsonOf(cwd: string, args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd, env: { NO_COLOR: '1' } };
  const code = await main(['diff', ...args, '--format', 'json'], io);
  return { code, report: stdout ? (JSON.parse(stdout) as Report) : ({ decks: [] } as unknown as Report), stderr };
}

/** The report as lines a person can check: numbers first, then each slide that is not unchanged. */
export function reportLines(deck: Report['decks'][number]): string[] {
  const lines = deck.numbers.map((n) => `# ${n.label}: ${n.old ?? '—'} → ${n.new ?? '—'}`);
  for (const f of deck.deckFields) lines.push(`deck ${f.field} ${f.change}`);
  for (const s of deck.slides) {
    if (s.status === 'unchanged') continue;
    const ref = (s.new ?? s.old)!;
    let line = `${s.status} ${ref.id}`;
    if (s.status === 'moved') line += ` ${s.old!.label} → ${s.new!.label}`;
    if (s.old && s.new && s.old.id !== s.new.id) line += ` (was ${s.old.id})`;
    if (s.splitFrom) line += ` (split from ${s.splitFrom.id})`;
    if (s.mergedInto) line += ` (merged into ${s.mergedInto.id})`;
    lines.push(line, ...s.fields.map((f) => `  ${f.field} ${f.change}`));
  }
  return lines;
}

