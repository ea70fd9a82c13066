/** The package version, read once from package.json (two levels up from src/ and lib/). */
import * as fs from 'fs';
import * as path from 'path';

let cached: string | undefined;

export function packageVersion(): string {
  if (cached === undefined) {
    try {
      cached = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).version ?? '0.0.0';
    } catch {
      cached = '0.0.0';
    }
  }
  return cached!;
}
