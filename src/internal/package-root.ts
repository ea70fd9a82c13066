/**
 * The directory of the cdk-ecs-kit package this code was loaded from. The code runs from src/ (tests), from
 * lib/<folder>/ (compiled files) and from the bundles lib/index.js and lib/cli/main.js, so it is found by walking
 * up from this file to the first package.json, not by a fixed number of levels.
 */
import * as fs from 'fs';
import * as path from 'path';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached === undefined) {
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    cached = dir;
  }
  return cached;
}
