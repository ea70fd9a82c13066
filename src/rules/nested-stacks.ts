/**
 * Nested stacks in a cloud assembly. CDK writes each NestedStack's template
 * as a file asset of its parent (`<id>.nested.template.json`); the parent's
 * AWS::CloudFormation::Stack resource names it by `aws:asset:path` metadata
 * (CDK CLI synth) or by the asset's object key in its TemplateURL. Each
 * nested template is checked as a stack of its own: it has its own resource
 * limit, and its references to the parent arrive as parameters (unresolved).
 */
import * as fs from 'fs';
import * as path from 'path';
import { CfnResourceJson, CfnTemplate, StackInput } from './model';

const NESTED_STACK = 'AWS::CloudFormation::Stack';
const NESTED_TEMPLATE = /\.nested\.template\.json$/;

interface AssetManifest {
  readonly files?: Record<string, {
    readonly source?: { readonly path?: unknown };
    readonly destinations?: Record<string, { readonly objectKey?: unknown }>;
  }>;
}

/**
 * Nested template files of the assembly in `dir`, by the S3 object key their
 * parents' TemplateURL ends in, read from the assembly's asset manifests.
 */
export function nestedTemplateFiles(dir: string, assetManifests: readonly string[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const manifest of assetManifests) {
    let assets: AssetManifest;
    try {
      assets = JSON.parse(fs.readFileSync(path.join(dir, manifest), 'utf8'));
    } catch {
      continue; // No asset manifest: nested stacks are found by aws:asset:path metadata only.
    }
    for (const asset of Object.values(assets?.files ?? {})) {
      const source = asset?.source?.path;
      if (typeof source !== 'string' || !NESTED_TEMPLATE.test(source)) continue;
      for (const d of Object.values(asset.destinations ?? {})) {
        if (typeof d?.objectKey === 'string') byKey.set(d.objectKey, path.join(dir, source));
      }
    }
  }
  return byKey;
}

/**
 * The nested stacks below `parent` (and below those), as stacks to check,
 * with the parent's environment and acknowledgements. `fileOf` finds a
 * nested stack resource's template file (undefined when it has none to read);
 * one that does not exist is left out, as is one already read (`seen`, by absolute path).
 */
export function nestedStackInputs(
  parent: StackInput, fileOf: (resource: CfnResourceJson, parent: StackInput) => string | undefined, read: (file: string) => CfnTemplate,
  seen = new Set<string>(),
): StackInput[] {
  const inputs: StackInput[] = [];
  const resources = parent.template.Resources ?? {};
  // for-in: no pair array per resource of a large template that has no nested stack.
  for (const logicalId in resources) {
    const resource = resources[logicalId];
    if (resource?.Type !== NESTED_STACK) continue;
    const file = fileOf(resource, parent);
    if (file === undefined || seen.has(path.resolve(file)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) continue;
    seen.add(path.resolve(file));
    const cdkPath = resource.Metadata?.['aws:cdk:path'];
    const input: StackInput = {
      // Parent/Inner.NestedStack/Inner.NestedStackResource is the resource of the NestedStack at Parent/Inner.
      name: typeof cdkPath === 'string' ? cdkPath.replace(/\.NestedStack\/[^/]*$/, '') : `${parent.name}/${logicalId}`,
      template: withParameterValues(read(file), resource.Properties?.Parameters),
      environment: parent.environment,
      // CloudFormation passes a stack's tags on to its nested stacks.
      stackTags: parent.stackTags,
      file,
      templateSize: fs.statSync(file).size,
      acknowledgements: parent.acknowledgements,
      nestedIn: { parent: parent.name, logicalId },
    };
    inputs.push(input, ...nestedStackInputs(input, fileOf, read, seen));
  }
  return inputs;
}

/**
 * The nested template with each `Ref` to a parameter replaced by the literal value its parent passes, as
 * CloudFormation resolves it (a local TemplateURL's parent passes `TaskCpu: "256"`), or by the parameter's Default
 * when the parent passes nothing for it (CloudFormation uses the Default then): rules judge the value instead of
 * skipping it. Values that are intrinsics (CDK's nested stacks pass references) and SSM parameter types (their
 * value is a parameter name, resolved at deploy) stay unresolved.
 */
function withParameterValues(template: CfnTemplate, passedValue: unknown): CfnTemplate {
  const passed = (passedValue && typeof passedValue === 'object' ? passedValue : {}) as Record<string, unknown>;
  const declared = (template.Parameters ?? {}) as Record<string, { Type?: unknown; Default?: unknown } | undefined>;
  const values = new Map<string, unknown>();
  for (const [name, declaration] of Object.entries(declared)) {
    const type = declaration?.Type;
    if (typeof type !== 'string' || type.startsWith('AWS::SSM::')) continue;
    const value = Object.prototype.hasOwnProperty.call(passed, name) ? passed[name] : declaration?.Default;
    const literal = typeof value === 'number' ? String(value) : value;
    if (typeof literal !== 'string') continue;
    values.set(name, type === 'CommaDelimitedList' || type.startsWith('List<') ? literal.split(',').map((v) => v.trim()) : literal);
  }
  if (values.size === 0) return template;
  const substitute = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(substitute);
    if (!v || typeof v !== 'object') return v;
    const ref = (v as Record<string, unknown>).Ref;
    if (typeof ref === 'string' && Object.keys(v).length === 1 && values.has(ref)) return values.get(ref);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x)]));
  };
  return { ...template, Resources: substitute(template.Resources) as CfnTemplate['Resources'] };
}

/** The template file of a nested stack in the cloud assembly in `dir` (asset metadata, or its TemplateURL's object key). */
export function assemblyNestedTemplate(dir: string, byKey: ReadonlyMap<string, string>): (resource: CfnResourceJson) => string | undefined {
  return (resource) => nestedTemplateFile(dir, resource, byKey);
}

function nestedTemplateFile(dir: string, resource: CfnResourceJson, byKey: ReadonlyMap<string, string>): string | undefined {
  const assetPath = resource.Metadata?.['aws:asset:path'];
  if (typeof assetPath === 'string' && NESTED_TEMPLATE.test(assetPath)) return path.join(dir, path.basename(assetPath));
  const url = JSON.stringify(resource.Properties?.TemplateURL ?? null);
  for (const [key, file] of byKey) if (url.includes(`/${key}"`)) return file;
  return undefined;
}
