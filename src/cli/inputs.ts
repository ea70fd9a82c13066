/** Turns the CLI's PATH arguments into assemblies of stacks. */
import * as fs from 'fs';
import * as path from 'path';
import { parseYamlTemplate } from './yaml-template';
import { EcsKitError } from '../errors';
import {
  AssemblyInput, asTemplate, fsProblem, InputError, loadCloudAssembly, readText, stackNameFromFile, withoutTemplateExtension,
} from '../rules/assembly-loader';
import { CfnTemplate, StackInput } from '../rules/model';
import { isTaskDefinitionJson, taskDefinitionTemplate } from '../task/json/task-definition-template';

const NESTED_STACK = 'AWS::CloudFormation::Stack';

/** What else a .json input may be, named when it is neither. */
const TASK_DEFINITION_JSON = 'task definition JSON (no containerDefinitions list)';

/** Read one template file: JSON, or YAML with short-form intrinsics. */
export function readTemplateFile(file: string): CfnTemplate {
  return readInputFile(file).template;
}

/** A template file, or a task definition JSON file as a template of one task definition. */
function readInputFile(file: string): { template: CfnTemplate; taskDefinitionJson?: boolean; taskDefinitionJsonRoot?: string } {
  const text = readText(file);
  const trimmed = text.trimStart();
  if (/\.json$/i.test(file) || trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      if (/\.json$/i.test(file)) throw new InputError(file, `invalid JSON (${(e as Error).message})`);
      return { template: parseYamlTemplate(text, file) };
    }
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
  const assemblies: AssemblyInput[] = [];
  const loose: StackInput[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      throw new InputError(p, fsProblem(e));
    }
    if (stat.isDirectory()) {
      if (!fs.existsSync(path.join(p, 'manifest.json'))) {
        throw new InputError(p, 'directory has no manifest.json (expected a cdk.out cloud assembly)');
      }
      assemblies.push(...loadCloudAssembly(p));
    } else {
      loose.push({ name: stackNameFromFile(p), ...readInputFile(p), file: p, templateSize: stat.size });
    }
  }
  if (loose.length > 0) assemblies.push({ source: loose.map((s) => s.file).join(', '), stacks: withLocalNestedStacks(distinctNames(loose)) });
  return assemblies;
}

/**
 * Nested stacks whose TemplateURL is a local file path (as `aws cloudformation package` takes it), relative to the
 * parent's file, join the run as nested stacks of their parent; a child also given as a PATH argument is checked once,
 * as the nested stack.
 */
function withLocalNestedStacks(stacks: readonly StackInput[]): StackInput[] {
  const nested: StackInput[] = [];
  const seen = new Set<string>();
  const visit = (parent: StackInput) => {
    const resources = parent.template.Resources ?? {};
    for (const logicalId in resources) {
      const resource = resources[logicalId];
      const url = resource?.Type === NESTED_STACK ? resource.Properties?.TemplateURL : undefined;
      if (typeof url !== 'string' || /^[a-z][a-z0-9+.-]*:\/\//i.test(url) || !parent.file) continue;
      const file = path.resolve(path.dirname(parent.file), url);
      if (seen.has(file) || !fs.existsSync(file) || !fs.statSync(file).isFile()) continue;
      seen.add(file);
      const child: StackInput = {
        name: `${parent.name}/${logicalId}`,
        ...readInputFile(file),
        // Named as the parent is: relative to the working directory unless the parent's path is absolute.
        file: path.isAbsolute(parent.file) ? file : path.relative(process.cwd(), file),
        templateSize: fs.statSync(file).size,
        environment: parent.environment,
        nestedIn: { parent: parent.name, logicalId },
      };
      nested.push(child);
      visit(child);
    }
  };
  stacks.forEach(visit);
  return [...stacks.filter((s) => !s.file || !seen.has(path.resolve(s.file))), ...nested];
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
