/** Where a finding sits in its file: the line of its property, else of its resource (SARIF regions, text and JSON output). */
import * as fs from 'fs';
import * as path from 'path';
import type { CheckedFinding } from './report-format';
import { sourceLocator } from './yaml-template';

/** `file` relative to `cwd` when it lies below it (as CI logs and code scanning name files), else undefined. */
export function pathBelow(file: string, cwd: string): string | undefined {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel;
}

/** Reads each file once per run. */
export class SourceLines {
  private readonly locators = new Map<string, ReturnType<typeof sourceLocator> | undefined>();
  private readonly lines = new Map<string, string[]>();

  /** 1-based line of the finding's property, else of its resource's key; undefined without a file or a resource. */
  public of(f: CheckedFinding): number | undefined {
    if (!f.file || !f.logicalId) return undefined;
    return this.propertyLine(f) ?? this.resourceLine(f.file, f.logicalId);
  }

  /**
   * Line of the finding's property in its file: Resources/<logicalId>/<property> in a template, the property path in a
   * task definition JSON file; undefined when it cannot be found.
   */
  private propertyLine(f: CheckedFinding): number | undefined {
    const file = f.file!;
    if (!this.locators.has(file)) {
      let locate: ReturnType<typeof sourceLocator> | undefined;
      try {
        locate = sourceLocator(fs.readFileSync(file, 'utf8'));
      } catch {
        locate = undefined;
      }
      this.locators.set(file, locate);
    }
    const locate = this.locators.get(file);
    if (!locate) return undefined;
    const segments = f.property ? f.property.split('/').map((k) => (/^\d+$/.test(k) ? Number(k) : k)) : [];
    return locate(f.taskDefinitionJson ? segments : ['Resources', f.logicalId, ...segments]);
  }

  /** Line of the resource's logical id key in the file, or undefined. */
  private resourceLine(file: string, logicalId: string): number | undefined {
    let lines = this.lines.get(file);
    if (!lines) {
      try {
        lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
      } catch {
        lines = [];
      }
      this.lines.set(file, lines);
    }
    const key = new RegExp(`^\\s*"?${logicalId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*:`);
    // A property of another resource can have the same name (TaskDefinition: !Ref TaskDefinition): look among
    // the keys directly under Resources first, then anywhere (one-line JSON).
    const inResources = resourceKeyLine(lines, key);
    if (inResources !== undefined) return inResources;
    const i = lines.findIndex((l) => key.test(l));
    return i >= 0 ? i + 1 : undefined;
  }
}

/** 1-based line of a key matching `key` at the indentation of the Resources section's own keys. */
function resourceKeyLine(lines: readonly string[], key: RegExp): number | undefined {
  const start = lines.findIndex((l) => /^\s*"?Resources"?\s*:/.test(l));
  if (start < 0) return undefined;
  const indent = (l: string) => l.length - l.trimStart().length;
  const base = indent(lines[start]);
  let child: number | undefined;
  for (let j = start + 1; j < lines.length; j++) {
    const text = lines[j].trim();
    if (text === '' || text.startsWith('#')) continue;
    const at = indent(lines[j]);
    if (at <= base) break;
    child ??= at;
    if (at === child && key.test(lines[j])) return j + 1;
  }
  return undefined;
}
