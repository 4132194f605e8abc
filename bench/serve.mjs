// Edit-to-reload latency of `talkdeck serve`: from writing deck.yaml to the reload event
// reaching a connected client, over many edits of the briefing deck. Run: npm run bench:serve
// (TALKDECK_PROF=<dir> makes the server write a CPU profile there).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventStream, startServe } from '../test/helpers/serve-process.mjs';

const DECK = 'kolumbien-nato';
const EDITS = Number(process.env.BENCH_EDITS ?? 40);
const WARMUP = 5;
const TARGET_P50_MS = 50;
/** Time between saves, so each save is its own rebuild (as when a person types and saves). */
const PAUSE_MS = 150;

const root = mkdtempSync(join(tmpdir(), 'talkdeck-bench-serve-'));
const deckFile = join(root, 'content', DECK, 'deck.yaml');
cpSync(fileURLToPath(new URL(`../content/${DECK}/`, import.meta.url)), join(root, 'content', DECK), { recursive: true });
const original = readFileSync(deckFile, 'utf8');
const POINT = 'Rein defensiv: konventionelle kollektive Verteidigung';
if (!original.includes(POINT)) throw new Error(`bench: "${POINT}" is no longer in ${DECK}/deck.yaml; pick another line to edit`);

const served = await startServe(root, [DECK]);
const stream = await EventStream.connect(served.url);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const latencies = [];
try {
  for (let i = 0; i < WARMUP + EDITS; i++) {
    await pause(PAUSE_MS);
    const from = stream.mark();
    const text = original.replace(POINT, `${POINT} (Fassung ${i})`);
    const written = performance.now();
    writeFileSync(deckFile, text);
    const { at } = await stream.waitFor('reload', { from, timeoutMs: 10_000 });
    if (i >= WARMUP) latencies.push(at - written);
  }
} finally {
  stream.close();
  await served.stop();
  rmSync(root, { recursive: true, force: true });
}

const sorted = [...latencies].sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const rebuilds = [...served.stdout().matchAll(/slides in (\d+) ms/g)].map((m) => Number(m[1])).slice(1 + WARMUP);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (ms) => `${ms.toFixed(1)} ms`;
console.log(`talkdeck serve: edit-to-reload latency, ${DECK}, ${EDITS} edits (after ${WARMUP} warm-up edits)`);
console.log(`  p50 ${f(pct(50))}   p95 ${f(pct(95))}   min ${f(sorted[0])}   max ${f(sorted.at(-1))}`);
console.log(`  rebuild alone (server's own timing): median ${median(rebuilds)} ms`);
console.log(`  target p50 < ${TARGET_P50_MS} ms: ${pct(50) < TARGET_P50_MS ? 'met' : 'NOT met'}`);
