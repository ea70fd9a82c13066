/** Preloaded into a measured process (`node -r`): writes its peak RSS in MiB to BENCH_RSS_FILE on exit. */
import * as fs from 'fs';

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) fs.writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS / 1024));
});
