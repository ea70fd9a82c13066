/**
 * Reads synthesized CloudFormation from disk: a cdk.out directory (with
 * nested stage assemblies) or single template files. JSON only; the CLI adds
 * YAML. Problems are reported as InputError with one clear line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Acknowledgement, CfnTemplate, ChecksSettings, ConstructWarning, StackInput } from './model';
import { assemblyNestedTemplate, nestedStackInputs, nestedTemplateFiles } from './nested-stacks';

/** Bad input: an unreadable file, invalid JSON/YAML, or not a template. */
export class InputError extends Error {
  constructor(public readonly file: string, problem: string) {
    // One line: JSON.parse messages quote the input, control characters included.
    super(`${file}: ${problem}`.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1)));
    this.name = 'InputError';
  }
}

/** One assembly's stacks, checked together. */
export interface AssemblyInput {
  /** Directory of the assembly, or the template file. */
  readonly source: string;
  readonly stacks: StackInput[];
}

interface ManifestArtifact {
  readonly type?: string;
  readonly environment?: string;
  readonly displayName?: string;
  readonly metadata?: Record<string, readonly MetadataEntry[]>;
  readonly additionalMetadataFile?: string;
  readonly properties?: {
    readonly templateFile?: string; readonly directoryName?: string; readonly stackName?: string; readonly file?: string; readonly tags?: unknown;
  };
}

interface MetadataEntry {
  readonly type?: string;
  readonly data?: unknown;
}

/** Metadata type under which `Validations.of(scope).acknowledge()` records acknowledgements. */
const ACKNOWLEDGED = 'aws:cdk:acknowledged-rules';
/**
 * Stack metadata under which EcsChecks copies the acknowledgements of the App or a Stage above the stack
 * (plugin/acknowledgements.ts): `{ path, rules }`, `path` '' for the App.
 */
export const STAGE_ACKNOWLEDGEMENTS = 'cdk-ecs-kit:stage-acknowledgements';

/** A stack's metadata by construct path: the manifest's inline entries and its additional metadata file. */
function readStackMetadata(dir: string, art: ManifestArtifact): Record<string, readonly MetadataEntry[]>[] {
  const entries: Record<string, readonly MetadataEntry[]>[] = [art.metadata && typeof art.metadata === 'object' ? art.metadata : {}];
  if (typeof art.additionalMetadataFile === 'string') {
    try {
      const extra: unknown = JSON.parse(fs.readFileSync(path.join(dir, art.additionalMetadataFile), 'utf8'));
      if (extra && typeof extra === 'object') entries.push(extra as Record<string, readonly MetadataEntry[]>);
    } catch {
      // A missing or broken metadata file only loses acknowledgements and paths; the templates are still checked.
    }
  }
  return entries;
}

/**
 * The acknowledgements recorded for a stack, from the manifest's metadata and
 * the stack's additional metadata file: construct path (no leading slash),
 * the id as written (`Annotation::ID`, `plugin::ID` or `ID`) and the reason.
 */
function readAcknowledgements(metadata: readonly Record<string, readonly MetadataEntry[]>[]): Acknowledgement[] {
  const out: Acknowledgement[] = [];
  for (const byPath of metadata) {
    for (const [constructPath, list] of Object.entries(byPath)) {
      for (const e of Array.isArray(list) ? list : []) {
        if (!e?.data || typeof e.data !== 'object') continue;
        // Made on the App or a Stage above the stack (recorded there by EcsChecks): its own path, '' for the App.
        const above = e.type === STAGE_ACKNOWLEDGEMENTS ? e.data as { path?: unknown; rules?: unknown } : undefined;
        if (e.type !== ACKNOWLEDGED && (!above || !above.rules || typeof above.rules !== 'object')) continue;
        const at = above ? String(above.path ?? '') : constructPath.replace(/^\//, '');
        for (const [id, reason] of Object.entries((above ? above.rules : e.data) as Record<string, unknown>)) {
          out.push({ path: at, id, reason: String(reason) });
        }
      }
    }
  }
  return out;
}

/**
 * Stack metadata type under which EcsChecks records the app's disabledRules and severityOverrides, so `check` on the
 * cdk.out judges as the synth did: `{ disabledRules: string[], severityOverrides: { [id]: 'error' | 'warning' } }`.
 */
export const CHECKS_SETTINGS_METADATA = 'cdk-ecs-kit:checks-settings';

/** The data of the first metadata entry of `type` whose data is an object (the kit records each once per stack). */
function firstMetadataObject(metadata: readonly Record<string, readonly MetadataEntry[]>[], type: string): object | undefined {
  for (const byPath of metadata) {
    for (const list of Object.values(byPath)) {
      for (const e of Array.isArray(list) ? list : []) {
        if (e?.type === type && e.data && typeof e.data === 'object') return e.data as object;
      }
    }
  }
  return undefined;
}

/** The EcsChecks settings a stack's synth recorded; undefined when none (or none set). */
function readChecksSettings(metadata: readonly Record<string, readonly MetadataEntry[]>[]): ChecksSettings | undefined {
  const data = firstMetadataObject(metadata, CHECKS_SETTINGS_METADATA) as { disabledRules?: unknown; severityOverrides?: unknown } | undefined;
  if (!data) return undefined;
  const disabledRules = Array.isArray(data.disabledRules) ? data.disabledRules.filter((id): id is string => typeof id === 'string') : [];
  const severityOverrides: Record<string, string> = {};
  if (data.severityOverrides && typeof data.severityOverrides === 'object') {
    for (const [id, level] of Object.entries(data.severityOverrides)) if (typeof level === 'string') severityOverrides[id] = level;
  }
  return { disabledRules, severityOverrides };
}

/** Stack metadata type under which DeploymentStandard.apply() records the standard (its toJson() object). */
export const STANDARD_METADATA = 'cdk-ecs-kit:standard';

/** The standard a stack's synth applied, as JSON text; undefined when none was recorded. */
function readStandard(metadata: readonly Record<string, readonly MetadataEntry[]>[]): string | undefined {
  const data = firstMetadataObject(metadata, STANDARD_METADATA);
  return data === undefined ? undefined : JSON.stringify(data);
}

/** `Annotations.addWarningV2(id, message)` records `message [ack: id]`. */
const WARNING_ID = /^([\s\S]*?)\s*\[ack: ((?:KIT-|cdk-ecs-kit:)[^\]]+)\]$/;

/**
 * The warnings the kit's constructs recorded at synth (construct checks, ids KIT-* and cdk-ecs-kit:*): rules over the
 * template cannot make them, so `check` reports them from the metadata.
 */
function readConstructWarnings(metadata: readonly Record<string, readonly MetadataEntry[]>[]): ConstructWarning[] {
  const out: ConstructWarning[] = [];
  for (const byPath of metadata) {
    for (const [constructPath, list] of Object.entries(byPath)) {
      for (const e of Array.isArray(list) ? list : []) {
        const m = e?.type === 'aws:cdk:warning' && typeof e.data === 'string' ? WARNING_ID.exec(e.data) : null;
        if (m) out.push({ path: constructPath.replace(/^\//, ''), id: m[2], message: m[1] });
      }
    }
  }
  return out;
}

/** Metadata type under which aws-cdk-lib records each CfnElement's logical id, keyed by construct path. */
const LOGICAL_ID = 'aws:cdk:logicalId';

/**
 * Construct path (no leading slash) by logical id, from the stack's
 * `aws:cdk:logicalId` metadata: written whether or not path metadata is on
 * (unless @aws-cdk/core:disableLogicalIdMetadata). Undefined when the
 * metadata has no such entries.
 */
function logicalIdPaths(metadata: readonly Record<string, readonly MetadataEntry[]>[]): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const byPath of metadata) {
    for (const [constructPath, list] of Object.entries(byPath)) {
      for (const e of Array.isArray(list) ? list : []) {
        if (e?.type === LOGICAL_ID && typeof e.data === 'string') out.set(e.data, constructPath.replace(/^\//, ''));
      }
    }
  }
  return out.size > 0 ? out : undefined;
}

/**
 * Reads construct paths of logical ids from an assembly directory's manifest
 * and stack metadata files, each file at most once and only when a path is
 * first asked for. For templates synthesized without aws:cdk:path metadata.
 */
export class AssemblyPaths {
  private manifest?: Record<string, ManifestArtifact> | null;
  private readonly stacks = new Map<string, Map<string, string> | undefined>();

  constructor(private readonly dir: string) {}

  /** Construct paths of a stack artifact's logical ids, or undefined when the assembly does not record them. */
  public stack(artifactId: string): Map<string, string> | undefined {
    if (!this.stacks.has(artifactId)) {
      if (this.manifest === undefined) {
        try {
          const m = JSON.parse(fs.readFileSync(path.join(this.dir, 'manifest.json'), 'utf8'));
          this.manifest = m && typeof m.artifacts === 'object' && m.artifacts ? m.artifacts : null;
        } catch {
          this.manifest = null;
        }
      }
      const art = this.manifest?.[artifactId];
      this.stacks.set(artifactId, art && typeof art === 'object' ? logicalIdPaths(readStackMetadata(this.dir, art)) : undefined);
    }
    return this.stacks.get(artifactId);
  }
}

/** A manifest's map of strings (a stack artifact's tags), without entries of another type. */
function stringMap(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Parse `aws://account/region` (unknown-account / unknown-region are env-agnostic). */
export function parseEnvironment(env: string | undefined): { account?: string; region?: string } {
  const m = /^aws:\/\/([^/]*)\/(.*)$/.exec(env ?? '');
  if (!m) return {};
  return {
    account: m[1] && m[1] !== 'unknown-account' ? m[1] : undefined,
    region: m[2] && m[2] !== 'unknown-region' ? m[2] : undefined,
  };
}

/**
 * Check that parsed JSON/YAML looks like a CloudFormation template. `orElse` names what else the
 * caller would have accepted, for the message ("task definition JSON (no containerDefinitions)").
 */
export function asTemplate(value: unknown, file: string, orElse?: string, emptyStack = false): CfnTemplate {
  const nor = orElse ? `, nor ${orElse}` : '';
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(file, `not a CloudFormation template (expected an object with a Resources section)${nor}`);
  }
  const t = value as Record<string, unknown>;
  // cdk synth writes a stack without resources (e.g. after its last service moved out) as Parameters and Rules only.
  if (emptyStack && t.Resources === undefined) return { ...t, Resources: {} } as CfnTemplate;
  const res = t.Resources;
  if (!res || typeof res !== 'object' || Array.isArray(res)) {
    throw new InputError(file, `not a CloudFormation template (no Resources section)${nor}`);
  }
  let macros = false;
  for (const [id, r] of Object.entries(res as Record<string, unknown>)) {
    if (MACRO_KEY.test(id)) {
      macros = true;
      continue;
    }
    if (!r || typeof r !== 'object' || typeof (r as Record<string, unknown>).Type !== 'string') {
      throw new InputError(file, `not a CloudFormation template (resource '${id}' has no Type)`);
    }
  }
  if (depthExceeds(t, MAX_DEPTH)) throw new InputError(file, `nested too deeply (more than ${MAX_DEPTH} levels)`);
  if (!macros && !JSON.stringify(t.Transform ?? '').includes('AWS::LanguageExtensions')) return t as CfnTemplate;
  const stripped = Object.keys(res).filter((id) => MACRO_KEY.test(id));
  const out = { ...t, Resources: markMacros(Object.fromEntries(Object.entries(res).filter(([id]) => !MACRO_KEY.test(id)))) } as CfnTemplate;
  // A symbol: not part of the template's JSON (sizes, snapshots), but the CLI can say what it did not check.
  if (stripped.length > 0) Object.defineProperty(out, UNEXPANDED_MACROS, { value: stripped, enumerable: false });
  return out;
}

/** On a template from asTemplate: the Resources keys of macros (Fn::ForEach::*, Fn::Transform) it did not expand. */
export const UNEXPANDED_MACROS = Symbol('unexpanded macros');

/** The macro keys asTemplate left out of a template's Resources. */
export function unexpandedMacros(template: CfnTemplate): readonly string[] {
  return (template as unknown as Record<symbol, readonly string[] | undefined>)[UNEXPANDED_MACROS] ?? [];
}

/**
 * Keys CloudFormation expands before it creates anything, which the kit does not: `Fn::ForEach::Name`
 * (AWS::LanguageExtensions) and `Fn::Transform` (AWS::Include). Resources under them are not checked.
 */
const MACRO_KEY = /^Fn::(ForEach::|Transform$)/;

/** An object with an `Fn::ForEach::*` key among its properties becomes one unresolved value: rules skip it. */
function markMacros<T>(value: T): T {
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(markMacros) as T;
  const entries = Object.entries(value);
  if (entries.some(([k]) => k.startsWith('Fn::ForEach::'))) return { 'Fn::ForEach': value } as T;
  return Object.fromEntries(entries.map(([k, v]) => [k, markMacros(v)])) as T;
}

/** Deeper than any real template; rules read values recursively. */
const MAX_DEPTH = 1000;

/** Whether a parsed value nests deeper than `max` levels (iterative: no stack overflow on the check itself). */
function depthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** One line for a failed file system call. */
export function fsProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'EISDIR') return 'is a directory';
  return `cannot read (${code ?? (e as Error).message})`;
}

export function readText(file: string): string {
  try {
    // A byte order mark, which some editors write and the CloudFormation console accepts, is not JSON.
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new InputError(file, fsProblem(e));
  }
}

/**
 * Read a JSON template. `trusted` skips the per-resource shape check, for
 * templates aws-cdk-lib has just written; `emptyStack` accepts a template without Resources (a stack of a cloud assembly).
 */
export function readJsonTemplate(file: string, trusted = false, emptyStack = false): CfnTemplate {
  const text = readText(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, `invalid JSON (${(e as Error).message})`);
  }
  return trusted ? json as CfnTemplate : asTemplate(json, file, undefined, emptyStack);
}

/** Stack name from a template file name: `Api.template.json` → `Api`. */
export function stackNameFromFile(file: string): string {
  return withoutTemplateExtension(path.basename(file));
}

/** `a/Api.template.json` → `a/Api`. */
export function withoutTemplateExtension(file: string): string {
  return file.replace(/\.template\.json$|\.(json|ya?ml|template)$/i, '');
}

/**
 * Every assembly under a cdk.out directory: the root one and each nested
 * stage assembly (cdk:cloud-assembly artifacts), each with its stacks.
 */
export function loadCloudAssembly(dir: string, reading: readonly string[] = []): AssemblyInput[] {
  const manifestFile = path.join(dir, 'manifest.json');
  const text = readText(manifestFile);
  let manifest: { artifacts?: Record<string, ManifestArtifact> };
  try {
    manifest = JSON.parse(text);
  } catch (e) {
    throw new InputError(manifestFile, `invalid JSON (${(e as Error).message})`);
  }
  const notManifest = (problem: string) => new InputError(manifestFile, `not a cloud assembly manifest (${problem})`);
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) throw notManifest('expected an object');
  if (manifest.artifacts !== undefined && (!manifest.artifacts || typeof manifest.artifacts !== 'object')) throw notManifest('artifacts is not an object');
  const real = fs.realpathSync(dir);
  const chain = [...reading, real];
  const stacks: StackInput[] = [];
  const assetManifests: string[] = [];
  const nested: AssemblyInput[] = [];
  for (const [id, art] of Object.entries(manifest.artifacts ?? {})) {
    if (!art || typeof art !== 'object') throw notManifest(`artifact '${id}' is not an object`);
    const props: unknown = art.properties;
    if (props !== undefined && (!props || typeof props !== 'object')) throw notManifest(`artifact '${id}' has properties that are not an object`);
    for (const key of ['templateFile', 'directoryName', 'file', 'stackName'] as const) {
      const v = art.properties?.[key];
      if (v !== undefined && typeof v !== 'string') throw notManifest(`artifact '${id}' has a ${key} that is not a string`);
    }
    if (art.type === 'aws:cloudformation:stack' && art.properties?.templateFile) {
      const file = path.join(dir, art.properties.templateFile);
      const metadata = readStackMetadata(dir, art);
      let paths: Map<string, string> | undefined;
      stacks.push({
        name: [art.displayName, art.properties.stackName].find((n) => typeof n === 'string') ?? id,
        template: readJsonTemplate(file, false, true),
        environment: parseEnvironment(art.environment),
        file,
        templateSize: fs.statSync(file).size,
        acknowledgements: readAcknowledgements(metadata),
        constructWarnings: readConstructWarnings(metadata),
        standard: readStandard(metadata),
        checksSettings: readChecksSettings(metadata),
        stackTags: stringMap(art.properties.tags),
        // The manifest names the stack only when its name differs from the artifact id.
        stackName: art.properties.stackName ?? id,
        // Templates synthesized without aws:cdk:path: the paths from the logical id metadata, indexed on first use.
        constructPathOf: (logicalId) => (paths ??= logicalIdPaths(metadata) ?? new Map()).get(logicalId),
      });
    } else if (art.type === 'cdk:asset-manifest' && art.properties?.file) {
      assetManifests.push(art.properties.file);
    } else if (art.type === 'cdk:cloud-assembly' && art.properties?.directoryName) {
      const sub = path.join(dir, art.properties.directoryName);
      let subReal: string | undefined;
      try {
        subReal = fs.realpathSync(sub);
      } catch (e) {
        throw new InputError(sub, fsProblem(e));
      }
      if (chain.includes(subReal)) throw notManifest(`artifact '${id}' loops back to an assembly being read (${art.properties.directoryName})`);
      nested.push(...loadCloudAssembly(sub, chain));
    }
  }
  // Nested stacks are checked as stacks of this assembly, each after its parent.
  const byKey = nestedTemplateFiles(dir, assetManifests);
  const withNestedStacks = stacks.flatMap((s) => [s, ...nestedStackInputs(s, assemblyNestedTemplate(dir, byKey), (file) => readJsonTemplate(file))]);
  return [...(withNestedStacks.length > 0 ? [{ source: dir, stacks: withNestedStacks }] : []), ...nested];
}
