/** Container-level Copilot fields: image, variables, secrets, command, health check. */
import { ObjectCode, parseDuration, pascal, shellWords, tsDuration, tsLiteral, tsString } from './code';
import { isMap, Path } from './fields';
import { ServicePlan } from './plan';

const ECR_URI = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?:([:@])(.+))?$/;

/** `image.location` or a sidecar's `image` string. */
export function registryImage(plan: ServicePlan, location: string, idSuffix: string, credentials?: string): string {
  const m = ECR_URI.exec(location);
  if (m && !credentials && !location.includes('${')) {
    const [, account, region, repo, sep, ref] = m;
    const tag = sep === '@' ? ref : ref ?? 'latest';
    const arn = `arn:aws:ecr:${region}:${account}:repository/${repo}`;
    // Copilot names its repositories <app>/<service>, and `copilot svc delete` empties and deletes them.
    const note = `// Note (copilot): ${repo} is Copilot's repository: \`copilot svc delete\` empties and deletes it. Copy the images to a `
      + 'SecureRepository (or another repository) before deleting the Copilot service, and point this image there.';
    if (repo.startsWith(`${plan.facts.app}/`) && !plan.before.includes(note)) plan.before.push(note);
    return `ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryArn(this, '${plan.id}${idSuffix}Repository', ${tsString(arn)}), ${tsString(tag)})`;
  }
  const creds = credentials ? `, { credentials: ${secretByArnOrName(plan, credentials, `${idSuffix}RegistryCredentials`)} }` : '';
  return `ecs.ContainerImage.fromRegistry(${tsString(location, plan.facts.app)}${creds})`;
}

function secretByArnOrName(plan: ServicePlan, ref: string, idSuffix: string): string {
  const id = `'${plan.id}${idSuffix}'`;
  if (!ref.startsWith('arn:')) return `secretsmanager.Secret.fromSecretNameV2(this, ${id}, ${tsString(ref, plan.facts.app)})`;
  // A complete ARN ends with the 6-character suffix Secrets Manager adds.
  return /-[A-Za-z0-9]{6}$/.test(ref)
    ? `secretsmanager.Secret.fromSecretCompleteArn(this, ${id}, ${tsString(ref, plan.facts.app)})`
    : `secretsmanager.Secret.fromSecretPartialArn(this, ${id}, ${tsString(ref, plan.facts.app)})`;
}

/** The platform an image is built for. */
export interface ImagePlatform {
  readonly arm64: boolean;
  readonly windows: boolean;
}

/** `image.build` (string or map) as a Docker image asset built at synth time; a Windows build gets a TODO in `where`. */
export function buildImage(plan: ServicePlan, base: Path, platform: ImagePlatform, where: ObjectCode): string {
  const f = plan.fields;
  const build = f.peek(base);
  let dockerfile: string | undefined;
  let context: string | undefined;
  const opts = new ObjectCode();
  if (typeof build === 'string') {
    f.get(base);
    dockerfile = build;
  } else if (isMap(build)) {
    dockerfile = f.str([...base, 'dockerfile']);
    context = f.str([...base, 'context']);
    opts.set('target', optional(f.str([...base, 'target'])));
    const args = f.get([...base, 'args']);
    if (isMap(args)) opts.set('buildArgs', tsLiteral(Object.fromEntries(Object.entries(args).map(([k, v]) => [k, String(v)])), plan.facts.app));
    const cacheFrom = f.get([...base, 'cache_from']);
    if (Array.isArray(cacheFrom)) opts.set('cacheFrom', `[${cacheFrom.map((r) => `{ type: 'registry', params: { ref: ${tsString(String(r))} } }`).join(', ')}]`);
  }
  const dir = context ?? (dockerfile ? dirname(dockerfile) : '.');
  if (dockerfile) {
    const rel = relativeTo(dir, dockerfile);
    if (rel !== 'Dockerfile') opts.set('file', tsString(rel));
  }
  if (platform.windows) {
    // ecr_assets.Platform has Linux platforms only, and a Linux Docker host cannot build a Windows image.
    plan.todo(base, 'a Windows image: build it on a Windows Docker host (Docker in Windows containers mode, e.g. a Windows CI runner), '
      + 'or build and push it there and use ecs.ContainerImage.fromEcrRepository', where);
  } else {
    opts.set('platform', platform.arm64 ? 'ecr_assets.Platform.LINUX_ARM64' : 'ecr_assets.Platform.LINUX_AMD64');
  }
  const entries = opts.entries.map((e) => ('key' in e ? `${e.key}: ${e.expr}` : '')).filter(Boolean).join(', ');
  return `ecs.ContainerImage.fromAsset(path.join(${plan.facts.workspaceRoot}, ${tsString(dir)})${entries ? `, { ${entries} }` : ''})`;
}

function optional(s: string | undefined): string | undefined {
  return s === undefined ? undefined : tsString(s);
}

function dirname(p: string): string {
  const i = p.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i);
}

function relativeTo(dir: string, file: string): string {
  const d = dir.replace(/^\.\/?/, '').replace(/\/+$/, '');
  const f = file.replace(/^\.\//, '');
  return d && f.startsWith(`${d}/`) ? f.slice(d.length + 1) : d ? file : f;
}

/** `variables:` -> environment entries (`from_cfn` -> Fn.importValue). */
export function mapVariables(plan: ServicePlan, base: Path, into: ObjectCode): void {
  const vars = plan.fields.peek(base);
  if (!isMap(vars)) {
    plan.todo(base, 'variables must be a map of names to values', into);
    return;
  }
  for (const [name, value] of Object.entries(vars)) {
    const p = [...base, name];
    if (isMap(value) && typeof value.from_cfn === 'string') {
      plan.fields.get(p);
      into.set(name, `Fn.importValue(${tsString(value.from_cfn, plan.facts.app)})`);
    } else if (isMap(value) || Array.isArray(value)) {
      plan.todo(p, 'only strings, numbers, booleans and from_cfn are variables', into);
    } else {
      plan.fields.get(p);
      into.set(name, tsString(String(value ?? ''), plan.facts.app));
    }
  }
}

/** `secrets:` -> ecs.Secret entries (SSM names/ARNs, Secrets Manager names/ARNs with JSON keys). */
export function mapSecrets(plan: ServicePlan, base: Path, into: ObjectCode, idPrefix = ''): void {
  const secrets = plan.fields.peek(base);
  if (!isMap(secrets)) {
    plan.todo(base, 'secrets must be a map of names to parameters or secrets', into);
    return;
  }
  for (const [name, value] of Object.entries(secrets)) {
    const p = [...base, name];
    const id = `'${plan.id}${idPrefix}${pascal(name)}Secret'`;
    if (typeof value === 'string' && value.startsWith('arn:') && value.includes(':secretsmanager:')) {
      plan.fields.get(p);
      into.set(name, `ecs.Secret.fromSecretsManager(${secretByArnOrName(plan, value, `${idPrefix}${pascal(name)}Secret`)})`);
    } else if (typeof value === 'string' && value.startsWith('arn:')) {
      plan.fields.get(p);
      into.set(name, `ecs.Secret.fromSsmParameter(ssm.StringParameter.fromStringParameterArn(this, ${id}, ${tsString(value, plan.facts.app)}))`);
    } else if (typeof value === 'string') {
      plan.fields.get(p);
      into.set(name, `ecs.Secret.fromSsmParameter(ssm.StringParameter.fromSecureStringParameterAttributes(this, ${id}, { parameterName: ${tsString(value, plan.facts.app)} }))`);
    } else if (isMap(value) && typeof value.secretsmanager === 'string') {
      plan.fields.get(p);
      into.set(name, secretsManagerRef(plan, value.secretsmanager, `${idPrefix}${pascal(name)}Secret`));
    } else if (isMap(value) && 'from_cfn' in value) {
      plan.todo(p, 'the export holds an SSM parameter or secret ARN: use ecs.Secret.fromSsmParameter(ssm.StringParameter.fromStringParameterArn(this, id, Fn.importValue(name))) or the Secrets Manager equivalent', into);
    } else {
      plan.todo(p, 'not an SSM parameter name/ARN or a secretsmanager reference', into);
    }
  }
}

/** `name[:json-key[:version-stage[:version-id]]]` or an ARN with the same suffixes. */
function secretsManagerRef(plan: ServicePlan, ref: string, idSuffix: string): string {
  const arn = /^(arn:[^:]+:secretsmanager:[^:]+:\d+:secret:[^:]+)(?::(.*))?$/.exec(ref);
  const [secretRef, rest] = arn ? [arn[1], arn[2] ?? ''] : [ref.split(':')[0], ref.split(':').slice(1).join(':')];
  const [jsonKey, stage, versionId] = rest.split(':');
  const secret = secretByArnOrName(plan, secretRef, idSuffix);
  const field = jsonKey ? `, ${tsString(jsonKey)}` : '';
  if (stage || versionId) {
    const version = [stage ? `versionStage: ${tsString(stage)}` : '', versionId ? `versionId: ${tsString(versionId)}` : ''].filter(Boolean).join(', ');
    return `ecs.Secret.fromSecretsManagerVersion(${secret}, { ${version} }${jsonKey ? field : ''})`;
  }
  return `ecs.Secret.fromSecretsManager(${secret}${field})`;
}

/** `command` / `entrypoint`: a string is split into words as Copilot does. */
export function commandList(plan: ServicePlan, path: Path): string | undefined {
  const v = plan.fields.get(path);
  if (v === undefined || v === null) return undefined;
  const words = Array.isArray(v) ? v.map(String) : shellWords(String(v));
  return tsLiteral(words, plan.facts.app);
}

/** Copilot's container health check defaults, in seconds (image.healthcheck: interval 10s, retries 2, timeout 5s). */
const COPILOT_HEALTH_CHECK = { interval: 10, timeout: 5, retries: 2 } as const;

/** A container health check (`image.healthcheck` or a sidecar's `healthcheck`). */
export function containerHealthCheck(plan: ServicePlan, base: Path, where: ObjectCode): string | undefined {
  const hc = plan.fields.peek(base);
  if (!isMap(hc)) return undefined;
  const out = new ObjectCode();
  const command = plan.fields.get([...base, 'command']);
  if (command === undefined) {
    plan.todo(base, 'a container health check needs a command', where);
    return undefined;
  }
  out.set('command', tsLiteral(Array.isArray(command) ? command.map(String) : ['CMD-SHELL', String(command)], plan.facts.app));
  for (const [field, key] of [['interval', 'interval'], ['timeout', 'timeout'], ['start_period', 'startPeriod']] as const) {
    const raw = plan.fields.peek([...base, field]);
    if (raw === undefined) continue;
    const s = parseDuration(raw);
    if (s === undefined) {plan.todo([...base, field], 'not a duration', where);} else {
      plan.fields.get([...base, field]);
      out.set(key, tsDuration(s));
    }
  }
  const interval = parseDuration(plan.fields.peek([...base, 'interval']));
  const timeout = parseDuration(plan.fields.peek([...base, 'timeout']));
  if (interval !== undefined && timeout !== undefined && timeout >= interval) {
    plan.todo([...base, 'timeout'], `ECS needs the timeout shorter than the interval (${interval} s)`, where);
    out.delete('timeout');
  }
  const retries = plan.fields.peek([...base, 'retries']);
  if (retries !== undefined && !(Number.isInteger(Number(retries)) && Number(retries) >= 1 && Number(retries) <= 10)) {
    plan.todo([...base, 'retries'], 'ECS takes 1-10 retries (ECS-CT-07): pick one', where);
  } else {
    out.set('retries', numberOf(plan, [...base, 'retries']) ?? String(COPILOT_HEALTH_CHECK.retries));
  }
  // Copilot's defaults (interval 10 s, timeout 5 s, 2 retries), not ECS's (30 s, 5 s, 3): unhealthy containers go as fast as before.
  // Only a value that parsed was set above, so an unset one is undefined here.
  if (interval === undefined) out.set('interval', tsDuration(COPILOT_HEALTH_CHECK.interval));
  if (plan.fields.peek([...base, 'timeout']) === undefined && COPILOT_HEALTH_CHECK.timeout < (interval ?? COPILOT_HEALTH_CHECK.interval)) {
    out.set('timeout', tsDuration(COPILOT_HEALTH_CHECK.timeout));
  }
  return out.render('');
}

export function numberOf(plan: ServicePlan, path: Path): string | undefined {
  const n = plan.fields.num(path);
  return n === undefined ? undefined : String(n);
}

/** `labels:` -> dockerLabels. */
export function labels(plan: ServicePlan, path: Path): string | undefined {
  const l = plan.fields.get(path);
  return isMap(l) ? tsLiteral(Object.fromEntries(Object.entries(l).map(([k, v]) => [k, String(v)])), plan.facts.app) : undefined;
}

/** `env_file:` -> an environment file uploaded as an asset. */
export function envFile(plan: ServicePlan, path: Path): string | undefined {
  const file = plan.fields.str(path);
  return file === undefined ? undefined : `[ecs.EnvironmentFile.fromAsset(path.join(${plan.facts.workspaceRoot}, ${tsString(file)}))]`;
}
