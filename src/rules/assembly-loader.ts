/**
 * Reads synthesized CloudFormation from disk: a cdk.out directory (with
 * nested stage assemblies) or single template files. JSON only; the CLI adds
 * YAML. Problems are reported as InputError with one clear line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Acknowledgement, CfnTemplate, StackInput } from './model';

/** Bad input: an unreadable file, invalid JSON/YAML, or not a template. */
export class InputError extends Error {
  constructor(public readonly file: string, problem: string) {
    super(`${file}: ${problem}`);
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
  readonly properties?: { readonly templateFile?: string; readonly directoryName?: string; readonly stackName?: string };
}

interface MetadataEntry {
  readonly type?: string;
  readonly data?: unknown;
}

/** Metadata type under which `Validations.of(scope).acknowledge()` records acknowledgements. */
const ACKNOWLEDGED = 'aws:cdk:acknowledged-rules';

/**
 * The acknowledgements recorded for a stack, from the manifest's metadata and
 * the stack's additional metadata file: construct path (no leading slash),
 * the id as written (`Annotation::ID`, `plugin::ID` or `ID`) and the reason.
 */
function readAcknowledgements(dir: string, art: ManifestArtifact): Acknowledgement[] {
  const entries: Record<string, readonly MetadataEntry[]>[] = [art.metadata ?? {}];
  if (art.additionalMetadataFile) {
    try {
      entries.push(JSON.parse(fs.readFileSync(path.join(dir, art.additionalMetadataFile), 'utf8')));
    } catch {
      // A missing or broken metadata file only loses acknowledgements; the templates are still checked.
    }
  }
  const out: Acknowledgement[] = [];
  for (const byPath of entries) {
    for (const [constructPath, list] of Object.entries(byPath)) {
      for (const e of Array.isArray(list) ? list : []) {
        if (e?.type !== ACKNOWLEDGED || !e.data || typeof e.data !== 'object') continue;
        for (const [id, reason] of Object.entries(e.data as Record<string, unknown>)) {
          out.push({ path: constructPath.replace(/^\//, ''), id, reason: String(reason) });
        }
      }
    }
  }
  return out;
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

/** Check that parsed JSON/YAML looks like a CloudFormation template. */
export function asTemplate(value: unknown, file: string): CfnTemplate {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(file, 'not a CloudFormation template (expected an object with a Resources section)');
  }
  const t = value as Record<string, unknown>;
  const res = t.Resources;
  if (!res || typeof res !== 'object' || Array.isArray(res)) {
    throw new InputError(file, 'not a CloudFormation template (no Resources section)');
  }
  for (const [id, r] of Object.entries(res as Record<string, unknown>)) {
    if (!r || typeof r !== 'object' || typeof (r as Record<string, unknown>).Type !== 'string') {
      throw new InputError(file, `not a CloudFormation template (resource '${id}' has no Type)`);
    }
  }
  return t as CfnTemplate;
}

export function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(file, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? (e as Error).message})`);
  }
}

/**
 * Read a JSON template. `trusted` skips the per-resource shape check, for
 * templates aws-cdk-lib has just written.
 */
export function readJsonTemplate(file: string, trusted = false): CfnTemplate {
  const text = readText(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, `invalid JSON (${(e as Error).message})`);
  }
  return trusted ? json as CfnTemplate : asTemplate(json, file);
}

/** Stack name from a template file name: `Api.template.json` → `Api`. */
export function stackNameFromFile(file: string): string {
  return path.basename(file).replace(/\.template\.json$|\.(json|ya?ml|template)$/i, '');
}

/**
 * Every assembly under a cdk.out directory: the root one and each nested
 * stage assembly (cdk:cloud-assembly artifacts), each with its stacks.
 */
export function loadCloudAssembly(dir: string): AssemblyInput[] {
  const manifestFile = path.join(dir, 'manifest.json');
  const text = readText(manifestFile);
  let manifest: { artifacts?: Record<string, ManifestArtifact> };
  try {
    manifest = JSON.parse(text);
  } catch (e) {
    throw new InputError(manifestFile, `invalid JSON (${(e as Error).message})`);
  }
  const stacks: StackInput[] = [];
  const nested: AssemblyInput[] = [];
  for (const [id, art] of Object.entries(manifest.artifacts ?? {})) {
    if (art.type === 'aws:cloudformation:stack' && art.properties?.templateFile) {
      const file = path.join(dir, art.properties.templateFile);
      stacks.push({
        name: art.displayName ?? art.properties.stackName ?? id,
        template: readJsonTemplate(file),
        environment: parseEnvironment(art.environment),
        file,
        templateSize: fs.statSync(file).size,
        acknowledgements: readAcknowledgements(dir, art),
      });
    } else if (art.type === 'cdk:cloud-assembly' && art.properties?.directoryName) {
      nested.push(...loadCloudAssembly(path.join(dir, art.properties.directoryName)));
    }
  }
  return [...(stacks.length > 0 ? [{ source: dir, stacks }] : []), ...nested];
}
