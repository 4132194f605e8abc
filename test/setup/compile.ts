// Integration tests run the shipped CLI (bin/ → lib/), so compile it once before the run.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/compile.mjs'], { stdio: 'inherit' });
}
