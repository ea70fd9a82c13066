/**
 * `cdk-ecs-kit migrate copilot`: AWS Copilot service manifests -> one
 * TypeScript file with the kit's constructs. Every leaf field of every
 * manifest is either mapped or named in a `// TODO(copilot): ...` comment.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { addonsTodo, isCloudFormationTemplate, readAddons, WorkloadAddons } from './addons';
import { foldEnvironments, environmentLeaves, mergedFor, overriddenEnvironments } from './environments';
import { isMap, Todo } from './fields';
import { COPILOT_TYPES, kindOf, mapManifest, publishedTopics } from './manifest';
import { AppFacts, ServicePlan } from './plan';
import { renderFile, RenderedService } from './render';

export interface CopilotManifestInput {
  /** Path shown in the output (and used to find the workspace). */
  readonly file: string;
  readonly text: string;
  /** Path named in errors. @default file */
  readonly source?: string;
  /** The workload's addons folder (copilot/<name>/addons), named in a TODO. @default - none */
  readonly addons?: WorkloadAddons;
}

export interface MigrateCopilotOptions {
  /** Module the kit is imported from. @default 'cdk-ecs-kit' */
  readonly importFrom?: string;
  /** Copilot application name. @default - from copilot/.workspace, else 'app' */
  readonly app?: string;
  /** TypeScript expression of the Copilot workspace root (image builds, env files). @default '__dirname' */
  readonly workspaceRoot?: string;
  /**
   * Environments of the workspace (the directories of copilot/environments), which the generated app builds besides
   * those the manifests override.
   * @default - the environments the manifests override, else ['test']
   */
  readonly environments?: string[];
  /**
   * Certificate ARN of each environment's HTTPS listeners (its manifest's http.public.certificates), used instead of the placeholder.
   * @default - from the Environment manifests among the inputs, else none
   */
  readonly certificates?: Record<string, string>;
}

/** Per-manifest record of what happened to each leaf field. */
export interface MigratedManifest {
  readonly file: string;
  readonly name: string;
  /** Leaf paths mapped to kit props or code. */
  readonly mapped: string[];
  /** Fields left to the user, with why. */
  readonly todos: Todo[];
}

export interface MigrateCopilotResult {
  readonly code: string;
  readonly manifests: MigratedManifest[];
}

/** Thrown for a manifest that is not YAML or not a Copilot workload manifest. */
export class ManifestError extends Error {}

function parseManifest(input: CopilotManifestInput): Record<string, unknown> {
  const file = input.source ?? input.file;
  let doc: unknown;
  let text: unknown;
  try {
    // `<<: *anchor` merge keys, as Copilot's YAML reader (go-yaml) merges them.
    doc = parse(input.text, { merge: true });
    // The second reading of the same text would repeat each warning (an unknown tag): only the first says it.
    text = parse(input.text, { merge: true, schema: 'failsafe', logLevel: 'error' });
  } catch (e) {
    throw new ManifestError(`${file}: not YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isMap(doc) || typeof doc.name !== 'string' || typeof doc.type !== 'string') {
    if (isCloudFormationTemplate(doc)) throw addonError(file);
    throw new ManifestError(`${file}: not a Copilot workload manifest (needs name and type)`);
  }
  keepVariableText(doc, text);
  return doc;
}

/** A workload addon (CloudFormation) given where a manifest was expected. */
function addonError(file: string, what = 'a Copilot addon template (CloudFormation)'): ManifestError {
  const parts = file.split(/[\\/]/).filter(Boolean);
  const at = parts.lastIndexOf('addons');
  const workload = at > 0 ? `${file.startsWith('/') ? '/' : ''}${parts.slice(0, at).join('/')}` : 'copilot/<name>';
  return new ManifestError(`${file}: ${what}, not a workload manifest: pass the workload's folder (${workload}) `
    + 'or its manifest.yml; the generated code names each addon and its Outputs in a TODO');
}

/**
 * Copilot reads variables as strings, as written: `VERSION: 1.10` is "1.10", not 1.1. Number values under
 * any `variables` map take their text from the all-strings (failsafe) parse of the same file.
 */
function keepVariableText(value: unknown, text: unknown): void {
  if (Array.isArray(value)) {
    if (Array.isArray(text)) value.forEach((v, i) => keepVariableText(v, text[i]));
    return;
  }
  if (!isMap(value) || !isMap(text)) return;
  for (const [key, v] of Object.entries(value)) {
    const raw = text[key];
    if (key === 'variables' && isMap(v) && isMap(raw)) {
      for (const [name, item] of Object.entries(v)) {
        if (typeof item === 'number' && typeof raw[name] === 'string') v[name] = raw[name];
      }
    } else {
      keepVariableText(v, raw);
    }
  }
}

const ENVIRONMENT = 'Environment';

/** The first of an environment manifest's `http.public.certificates`: the one the generated listeners can take. */
function environmentCertificate(manifest: unknown): string | undefined {
  const certs = isMap(manifest) && isMap(manifest.http) && isMap(manifest.http.public) ? manifest.http.public.certificates : undefined;
  return Array.isArray(certs) && typeof certs[0] === 'string' ? certs[0] : undefined;
}
const ENVIRONMENT_WORK = 'The environment\'s VPC and certificate are manual work: build them once and pass vpc and certificate to the generated '
  + 'stack (docs/migrate-copilot.md, "What needs manual work").';

/** Migrate a set of manifests (one Copilot application). */
export function migrateCopilot(inputs: readonly CopilotManifestInput[], options: MigrateCopilotOptions = {}): MigrateCopilotResult {
  const all = inputs.map((i) => ({ input: i, manifest: parseManifest(i) }));
  // An environment is the network, certificates and load balancer settings the services share: no service to generate.
  const environmentManifests = all.filter((p) => p.manifest.type === ENVIRONMENT);
  const parsed = all.filter((p) => p.manifest.type !== ENVIRONMENT);
  if (parsed.length === 0 && environmentManifests.length > 0) {
    const { input } = environmentManifests[0];
    throw new ManifestError(`${input.source ?? input.file}: an Environment manifest, not a workload: pass the services' manifests `
      + `(copilot/<service>/manifest.yml). ${ENVIRONMENT_WORK}`);
  }
  const names = new Set<string>();
  for (const { input, manifest } of parsed) {
    if (names.has(String(manifest.name))) throw new ManifestError(`${input.source ?? input.file}: a second manifest for service '${manifest.name}'`);
    names.add(String(manifest.name));
  }
  const supported = parsed.filter((p) => COPILOT_TYPES.includes(String(p.manifest.type)));
  const skipped = parsed.filter((p) => !supported.includes(p)).map(({ input, manifest }) => ({
    file: input.file,
    name: String(manifest.name),
    todo: { path: 'type', value: manifest.type, why: `type '${manifest.type}' has no kit construct (the kit maps ${COPILOT_TYPES.join(', ')}); Request-Driven Web Services: AWS App Runner or ECS Express Mode; Static Sites: S3 + CloudFront` } as Todo,
  })).concat(environmentManifests.map(({ input, manifest }) => ({
    file: input.file,
    name: String(manifest.name),
    todo: { path: 'type', value: manifest.type, why: `an Environment manifest, not a service. ${ENVIRONMENT_WORK}` } as Todo,
  })));
  const facts: AppFacts = {
    app: options.app ?? 'app',
    workspaceRoot: 'WORKSPACE',
    topics: new Map(supported.flatMap((p) => publishedTopics(p.manifest))),
    hasBackend: supported.some((p) => kindOf(p.manifest) === 'BackendService'),
  };
  // The first web service with path '/' owns the load balancer; the others get listener rules,
  // longer paths first (Copilot orders its rules the same way).
  // Only Load Balanced Web Services share the public ALB; a Backend Service with http gets its own internal one.
  const web = supported.filter((p) => p.manifest.type === 'Load Balanced Web Service' && kindOf(p.manifest) === 'WebService');
  const pathOf = (m: Record<string, unknown>) => (isMap(m.http) && typeof m.http.path === 'string' ? m.http.path : '/');
  const owner = web.find((p) => pathOf(p.manifest).replace(/\//g, '') === '') ?? web[0];
  const ruled = web.filter((p) => p !== owner).sort((a, b) => pathOf(b.manifest).length - pathOf(a.manifest).length);
  const ownerVar = owner ? mapManifest(owner.manifest, facts, {}).v : undefined;
  const routeOf = (p: typeof parsed[number]) => (p === owner || !ruled.includes(p) ? {} : { owner: ownerVar, priority: 10 * (ruled.indexOf(p) + 1) });
  const ordered = [...owner ? [owner] : [], ...supported.filter((p) => p !== owner)];

  const environments = new Set<string>(options.environments ?? []);
  const rendered: RenderedService[] = [];
  const report: MigratedManifest[] = [];
  for (const p of ordered) {
    const base = mapManifest(p.manifest, facts, routeOf(p));
    const envPlans = new Map<string, ServicePlan>();
    for (const env of overriddenEnvironments(p.manifest)) {
      environments.add(env);
      envPlans.set(env, mapManifest(mergedFor(p.manifest, env), facts, routeOf(p)));
    }
    const folded = foldEnvironments({ base, environments: envPlans }, p.manifest);
    const envLeaves = environmentLeaves(p.manifest, { base, environments: envPlans }, folded);
    const envTodos: Todo[] = [...folded, ...[...envPlans].flatMap(([env, plan]) => plan.fields.todos
      .filter((t) => !base.fields.todos.some((b) => b.path === t.path && JSON.stringify(b.value) === JSON.stringify(t.value)))
      .map((t) => ({ ...t, path: `environments.${env}.${t.path}` })))];
    const addons = p.input.addons ? addonsTodo(p.input.addons, base) : undefined;
    if (addons) base.afterService.push(...addons.comment);
    rendered.push({ plan: base, file: p.input.file, type: String(p.manifest.type) });
    report.push({
      file: p.input.file,
      name: base.name,
      mapped: [...base.fields.mappedLeaves().filter((l) => !l.startsWith('environments')), ...envLeaves.filter((l) => !l.todo).map((l) => l.path)],
      todos: [...base.fields.todos, ...envTodos, ...addons ? [addons.todo] : []],
    });
  }
  const certificates: Record<string, string> = { ...options.certificates };
  for (const { manifest } of environmentManifests) {
    const arn = environmentCertificate(manifest);
    if (arn) certificates[String(manifest.name)] = arn;
  }
  // The whole manifest is one TODO (path '' covers every field).
  for (const s of skipped) report.push({ file: s.file, name: s.name, mapped: [], todos: [{ ...s.todo, path: '' }] });
  const code = renderFile(rendered, {
    app: facts.app,
    environments: environments.size ? [...environments].sort() : ['test'],
    importFrom: options.importFrom ?? 'cdk-ecs-kit',
    workspaceRoot: options.workspaceRoot ?? '__dirname',
    skipped: skipped.map((s) => ({ file: s.file, todo: s.todo })),
    certificates,
  });
  return { code, manifests: report };
}

/** The Copilot application name from `copilot/.workspace` above a manifest, if there is one. */
export function workspaceOf(manifestFile: string): { root: string; app?: string; environments?: string[]; certificates?: Record<string, string> } {
  let dir = path.dirname(path.resolve(manifestFile));
  while (dir !== path.dirname(dir)) {
    if (path.basename(dir) === 'copilot') {
      const ws = path.join(dir, '.workspace');
      let app: string | undefined;
      if (fs.existsSync(ws)) {
        const doc = parse(fs.readFileSync(ws, 'utf8')) as unknown;
        if (isMap(doc) && typeof doc.application === 'string') app = doc.application;
      }
      // copilot/environments/<name>/manifest.yml: every environment the workspace deploys to.
      const envDir = path.join(dir, 'environments');
      const environments = fs.existsSync(envDir)
        ? fs.readdirSync(envDir).filter((e) => fs.existsSync(path.join(envDir, e, 'manifest.yml'))).sort() : [];
      const certificates: Record<string, string> = {};
      for (const env of environments) {
        const arn = environmentCertificate(readYaml(path.join(envDir, env, 'manifest.yml')));
        if (arn) certificates[env] = arn;
      }
      return { root: path.dirname(dir), app, environments: environments.length ? environments : undefined, certificates };
    }
    dir = path.dirname(dir);
  }
  return { root: path.dirname(path.resolve(manifestFile)) };
}

/** A YAML file's content, or undefined when it does not parse (an environment manifest is optional input). */
function readYaml(file: string): unknown {
  try {
    return parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Copilot's folders that hold no service or job manifests. */
const NOT_WORKLOADS = new Set(['environments', 'pipelines']);

/**
 * Manifest files for the paths given: a file as is; a directory as the workload manifests under it, as
 * `copilot init` lays them out (`copilot/<name>/manifest.yml`): the copilot folder, the project folder that holds
 * it, or one workload's folder. Environment and pipeline manifests are left out.
 */
export function manifestFiles(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    if (!fs.existsSync(p) || !fs.statSync(p).isDirectory()) return [p];
    if (path.basename(path.resolve(p)) === 'addons' && !manifestIn(p)) throw addonError(p, 'a Copilot addons folder (CloudFormation templates)');
    const own = manifestIn(p);
    if (own) return [own];
    const inner = path.join(p, 'copilot');
    const root = fs.existsSync(inner) && fs.statSync(inner).isDirectory() ? inner : p;
    const found = fs.readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !NOT_WORKLOADS.has(e.name))
      .map((e) => manifestIn(path.join(root, e.name)))
      .filter((f): f is string => f !== undefined)
      .sort();
    if (found.length === 0) {
      throw new ManifestError(`${p}: is a directory with no Copilot workload manifests (copilot/<name>/manifest.yml); `
        + 'pass the copilot folder, the project folder that holds it, or manifest files');
    }
    return found;
  });
}

function manifestIn(dir: string): string | undefined {
  return ['manifest.yml', 'manifest.yaml'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
}

/** Read manifest files (or the folders that hold them), migrate them, and say where the workspace root is relative to `outFile`. */
export function migrateCopilotFiles(paths: readonly string[], outFile: string | undefined, importFrom?: string): MigrateCopilotResult {
  const files = manifestFiles(paths);
  const inputs = files.map((file) => {
    try {
      return { file, text: fs.readFileSync(file, 'utf8') };
    } catch (e) {
      throw new ManifestError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  });
  const ws = workspaceOf(files[0]);
  const outDir = outFile ? path.dirname(path.resolve(outFile)) : process.cwd();
  const rel = path.relative(outDir, ws.root).split(path.sep).join('/') || '.';
  const shown = (f: string) => path.relative(ws.root, path.resolve(f)).split(path.sep).join('/');
  return migrateCopilot(inputs.map((i) => ({ ...i, source: i.file, file: shown(i.file), addons: readAddons(i.file, shown(path.join(path.dirname(i.file), 'addons'))) })), {
    importFrom,
    app: ws.app,
    workspaceRoot: rel === '.' ? '__dirname' : `path.join(__dirname, '${rel}')`,
    environments: ws.environments,
    certificates: ws.certificates,
  });
}
