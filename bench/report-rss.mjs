// Preloaded into the benchmarked process: writes its peak resident memory (KiB) at exit.
import { writeFileSync } from 'node:fs';

const file = process.env.TALKDECK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
