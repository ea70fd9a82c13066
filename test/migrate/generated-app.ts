/** Helpers for tests that compile and run the code `migrate copilot` generates. */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export const ROOT = path.join(__dirname, '..', '..');

/** A scratch folder inside the project (the generated file imports the kit's sources relative to it). */
export function scratchDir(prefix: string): string {
  fs.mkdirSync(path.join(ROOT, '.scratch'), { recursive: true });
  return fs.mkdtempSync(path.join(ROOT, '.scratch', prefix));
}

/** The module the generated file imports the kit from, relative to `dir`. */
export function kitImport(dir: string): string {
  return path.relative(dir, path.join(ROOT, 'src')).split(path.sep).join('/');
}

/** Type errors of one generated file under the project's strict compiler options (noUnusedLocals included). */
export function typeErrors(file: string): string[] {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram([file], { ...options, noEmit: true, rootDir: ROOT, types: ['node'] });
  const source = program.getSourceFile(file);
  if (!source) return [`${file} is not in the program`];
  // Only the generated file: the kit's own sources are type-checked by the typecheck task.
  return ts.getPreEmitDiagnostics(program, source).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}
