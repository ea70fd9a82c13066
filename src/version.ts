/** The package version, read once from the package's package.json. */
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from './internal/package-root';

let cached: string | undefined;

export function packageVersion(): string {
  if (cached === undefined) {
    try {
      cached = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version ?? '0.0.0';
    } catch {
      cached = '0.0.0';
    }
  }
  return cached!;
}
