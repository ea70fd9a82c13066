/** Turns the CLI's PATH arguments into assemblies of stacks. */
import * as fs from 'fs';
import * as path from 'path';
import { templateAcknowledgements } from './template-acknowledgements';
import { parseYamlTemplate } from './yaml-template';
import { EcsKitError } from '../errors';
import {
  AssemblyInput, asTemplate, fsProblem, InputError, loadCloudAssembly, readText, stackNameFromFile, withoutTemplateExtension,
} from '../rules/assembly-loader';
import { CfnResourceJson, CfnTemplate, StackInput } from '../rules/model';
import { nestedStackInputs } from '../rules/nested-stacks';
import { isTaskDefinitionJson, taskDefinitionTemplate } from '../task/json/task-definition-template';

/** What else a .json input may be, named when it is neither. */
const TASK_DEFINITION_JSON = 'task definition JSON (no containerDefinitions list)';

/** Read one template file: JSON, or YAML with short-form intrinsics. */
export function readTemplateFile(file: string): CfnTemplate {
  return readInputFile(file).template;
}

/** A template file, or a task definition JSON file as a template of one task definition. */
function readInputFile(file: string): { template: CfnTemplate; taskDefinitionJson?: boolean; taskDefinitionJsonRoot?: string } {
  return readInputText(readText(file), file);
}

/** The PATH that names standard input, as `aws cloudformation get-template ... | cdk-ecs-kit check -` gives it. */
export const STDIN_PATH = '-';

/** Standard input's text; its stack is named `stdin`. */
function readStdin(): string {
  try {
    return fs.readFileSync(0, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new InputError('stdin', fsProblem(e));
  }
}

function readInputText(
  text: string, file: string, jsonByName = true,
): { template: CfnTemplate; taskDefinitionJson?: boolean; taskDefinitionJsonRoot?: string } {
  const trimmed = text.trimStart();
  if ((jsonByName && /\.json$/i.test(file)) || trimmed.startsWith('{') || (jsonByName && trimmed.startsWith('"'))) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      if (/\.json$/i.test(file)) throw new InputError(file, `invalid JSON (${(e as Error).message})`);
      return { template: parseYamlTemplate(text, file) };
    }
    const body = templateBody(json);
    // get-template --output json gives a YAML stack's body as one JSON string: read the text it holds.
    if (typeof body === 'string') return readInputText(body, /\.json$/i.test(file) ? `${file} (TemplateBody)` : file, false);
    if (body !== undefined) json = body;
    return isTaskDefinitionJson(json)
      ? {
        template: taskDefinitionFileTemplate(json, file),
        taskDefinitionJson: true,
        // describe-task-definition output wraps the task definition: findings point inside it.
        taskDefinitionJsonRoot: (json as Record<string, unknown>).taskDefinition !== undefined ? 'taskDefinition/' : '',
      }
      : { template: asTemplate(json, file, TASK_DEFINITION_JSON) };
  }
  return { template: parseYamlTemplate(text, file) };
}

/**
 * The template text or object of `aws cloudformation get-template` output: the whole JSON is a string with
 * `--query TemplateBody` on a YAML stack, and an object with TemplateBody without the query. Undefined for anything else.
 */
function templateBody(json: unknown): unknown {
  if (typeof json === 'string') return json;
  const o = json && typeof json === 'object' && !Array.isArray(json) ? json as Record<string, unknown> : undefined;
  return o && o.Resources === undefined && o.TemplateBody !== undefined ? o.TemplateBody : undefined;
}

/** A RegisterTaskDefinition JSON file as a template of one task definition; a mapping error is bad input. */
function taskDefinitionFileTemplate(json: unknown, file: string): CfnTemplate {
  try {
    return taskDefinitionTemplate(json, file);
  } catch (e) {
    if (e instanceof EcsKitError) throw new InputError(file, `not a valid ECS task definition: ${e.message}`);
    throw e;
  }
}

/**
 * cdk.out directories become one assembly each (plus nested stage
 * assemblies); template files given together form one assembly, so
 * cross-stack exports and imports between them resolve.
 */
export function loadInputs(paths: readonly string[]): AssemblyInput[] {
  const { assemblies, failures } = loadInputsCollecting(paths);
  if (failures.length > 0) throw failures[0];
  return assemblies;
}

/** Template file names a folder of templates is read for. */
const TEMPLATE_FILE = /\.(json|ya?ml|template)$/i;

/**
 * loadInputs that goes on past a PATH it cannot read: the others are still checked (a CI run reports what it can),
 * and `failures` says which could not be. A folder without manifest.json is read as a folder of templates (its
 * files, not its subfolders); files in it that are neither a template nor task definition JSON are left out and
 * named in `skipped`.
 */
export function loadInputsCollecting(paths: readonly string[]): { assemblies: AssemblyInput[]; failures: InputError[]; skipped: InputError[] } {
  const assemblies: AssemblyInput[] = [];
  const loose: StackInput[] = [];
  const failures: InputError[] = [];
  const skipped: InputError[] = [];
  // Subfolders given as PATHs of their own are read: no note for them.
  const given = new Set(paths.filter((p) => p !== STDIN_PATH).map((p) => path.resolve(p)));
  const readLoose = (file: string, size: number) => loose.push({ name: stackNameFromFile(file), ...readInputFile(file), file, templateSize: size });
  for (const p of paths) {
    try {
      if (p === STDIN_PATH) {
        const text = readStdin();
        // No file: SARIF names no artifact, and a nested TemplateURL has no folder to be relative to.
        loose.push({ name: 'stdin', ...readInputText(text, 'stdin'), templateSize: Buffer.byteLength(text) });
        continue;
      }
      let stat: fs.Stats;
      try {
        stat = fs.statSync(p);
      } catch (e) {
        throw new InputError(p, fsProblem(e));
      }
      if (!stat.isDirectory()) {
        readLoose(p, stat.size);
      } else if (fs.existsSync(path.join(p, 'manifest.json'))) {
        assemblies.push(...loadCloudAssembly(p));
      } else {
        const entries = fs.readdirSync(p, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1));
        const files = entries.filter((e) => TEMPLATE_FILE.test(e.name)).map((e) => path.join(p, e.name)).filter((f) => fs.statSync(f).isFile());
        const folders = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules').map((e) => path.join(p, e.name));
        if (files.length === 0) {
          throw new InputError(p, 'directory has no manifest.json (a cdk.out cloud assembly) and no .json, .yaml or .yml template files'
            + (folders.length > 0 ? ' of its own (subfolders are not read: give them as PATHs)' : ''));
        }
        for (const f of files) {
          try {
            readLoose(f, fs.statSync(f).size);
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
            // A file that is no template (a workflow, a config, a Kubernetes manifest) is not what the folder was given for; a broken template is.
            (isNoTemplate(e, f) ? skipped : failures).push(e);
          }
        }
        // Subfolders are not read (node_modules, build output): say so, or their templates pass unseen.
        for (const sub of folders) {
          if (!given.has(path.resolve(sub))) skipped.push(new InputError(sub, 'a subfolder, not read (give it as a PATH to check its templates)'));
        }
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failures.push(e);
    }
  }
  if (loose.length > 0) {
    const stacks = withLocalNestedStacks(distinctNames(loose)).map((s) => ({ ...s, acknowledgements: templateAcknowledgements(s) }));
    assemblies.push({ source: loose.map((s) => s.file ?? 'stdin').join(', '), stacks });
  }
  return { assemblies, failures, skipped };
}

/**
 * A folder's file that failed to read and is no CloudFormation template: one that read as data of another kind, or
 * one that could not be read and names no Resources or AWSTemplateFormatVersion (a tsconfig.json with comments,
 * a Kubernetes manifest of several documents, a Helm template).
 */
function isNoTemplate(e: InputError, file: string): boolean {
  if (/: not a CloudFormation template/.test(e.message)) return true;
  if (!/: invalid (JSON|YAML)/.test(e.message)) return false;
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  return !/^\s*["']?(Resources|AWSTemplateFormatVersion)["']?\s*:/m.test(text);
}

/**
 * Nested stacks whose TemplateURL is a local file path (as `aws cloudformation package` takes it), relative to the
 * parent's file, join the run as nested stacks of their parent; a child also given as a PATH argument is checked once,
 * as the nested stack.
 */
function withLocalNestedStacks(stacks: readonly StackInput[]): StackInput[] {
  const seen = new Set<string>();
  const nested = stacks.flatMap((s) => nestedStackInputs(s, localNestedTemplate, readTemplateFile, seen));
  return [...stacks.filter((s) => !s.file || !seen.has(path.resolve(s.file))), ...nested];
}

/** A nested stack's TemplateURL as a file path relative to its parent's file; undefined for a URL (https, s3). */
function localNestedTemplate(resource: CfnResourceJson, parent: StackInput): string | undefined {
  const url = resource.Properties?.TemplateURL;
  if (typeof url !== 'string' || /^[a-z][a-z0-9+.-]*:\/\//i.test(url) || !parent.file) return undefined;
  const file = path.resolve(path.dirname(parent.file), url);
  // Named as the parent is: relative to the working directory unless the parent's path is absolute.
  return path.isAbsolute(parent.file) ? file : path.relative(process.cwd(), file);
}

/**
 * Files that share a name (a/valid.json, b/valid.json) are named by their paths, and files that differ only
 * in their extension (bad.json, bad.yaml) by their whole paths, so findings say which file.
 */
function distinctNames(stacks: StackInput[]): StackInput[] {
  const byPath = renameShared(stacks, (file) => withoutTemplateExtension(file));
  return renameShared(byPath, (file) => file);
}

function renameShared(stacks: StackInput[], nameOf: (file: string) => string): StackInput[] {
  const count = new Map<string, number>();
  for (const s of stacks) count.set(s.name, (count.get(s.name) ?? 0) + 1);
  return stacks.map((s) => (count.get(s.name)! > 1 && s.file ? { ...s, name: nameOf(s.file).split(path.sep).join('/') } : s));
}
