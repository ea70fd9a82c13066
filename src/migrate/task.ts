/** Task-level Copilot fields: size, platform, sidecars, storage, logging. */
import type * as logs from 'aws-cdk-lib/aws-logs';
import { camel, ObjectCode, pascal, tsString } from './code';
import {
  buildImage, commandList, containerHealthCheck, envFile, ImagePlatform, labels, mapSecrets, mapVariables, registryImage,
} from './container';
import { isMap, Path } from './fields';
import { ServicePlan } from './plan';
import { kitUser, sidecarUserComment } from './user';
import { FargateOperatingSystem, FargateSize } from '../task/fargate/fargate-size';

const WINDOWS_FAMILIES: Record<string, string> = {
  windows_server_2019_core: 'WINDOWS_SERVER_2019_CORE',
  windows_server_2019_full: 'WINDOWS_SERVER_2019_FULL',
  windows_server_2022_core: 'WINDOWS_SERVER_2022_CORE',
  windows_server_2022_full: 'WINDOWS_SERVER_2022_FULL',
};

const DEPENDENCY_CONDITIONS: Record<string, string> = {
  start: 'START', complete: 'COMPLETE', success: 'SUCCESS', healthy: 'HEALTHY',
};

interface Platform { readonly arm64: boolean; readonly windowsFamily?: string }

/** `platform` as lower-case os and architecture: `linux/arm64`, or `{ osfamily, architecture }`; undefined for other shapes. */
function platformParts(raw: unknown): { os: string; arch?: string } | undefined {
  if (typeof raw === 'string') {
    const [os, arch] = raw.toLowerCase().split('/');
    return { os, arch };
  }
  return isMap(raw) ? { os: String(raw.osfamily ?? 'linux').toLowerCase(), arch: String(raw.architecture ?? 'x86_64').toLowerCase() } : undefined;
}

function mapPlatform(plan: ServicePlan): Platform {
  const raw = plan.fields.peek('platform');
  if (raw === undefined) return { arm64: false };
  const parts = platformParts(raw);
  if (!parts) return todoPlatform(plan);
  const { os, arch } = parts;
  const arm64 = arch === 'arm64' || arch === 'arm';
  if (os === 'linux') {
    plan.fields.get('platform');
    if (arm64) plan.task.set('cpuArchitecture', 'ecs.CpuArchitecture.ARM64');
    return { arm64 };
  }
  const family = os === 'windows' ? 'WINDOWS_SERVER_2019_CORE' : WINDOWS_FAMILIES[os];
  if (!family || arm64) return todoPlatform(plan);
  plan.fields.get('platform');
  plan.task.set('operatingSystemFamily', `ecs.OperatingSystemFamily.${family}`);
  return { arm64: false, windowsFamily: family };
}

function imagePlatform(platform: Platform): ImagePlatform {
  return { arm64: platform.arm64, windows: platform.windowsFamily !== undefined };
}

/** Whether the manifest's platform is Windows (string or osfamily form), read without consuming the field. */
export function windowsPlatform(fields: ServicePlan['fields']): boolean {
  return platformParts(fields.peek('platform'))?.os.startsWith('windows') ?? false;
}

/** Whether the manifest's platform is Linux on ARM64, read without consuming the field. */
export function arm64Platform(fields: ServicePlan['fields']): boolean {
  const parts = platformParts(fields.peek('platform'));
  return parts?.os === 'linux' && (parts.arch === 'arm64' || parts.arch === 'arm');
}

function todoPlatform(plan: ServicePlan): Platform {
  plan.todo('platform', 'not a platform Fargate runs (linux/x86_64, linux/arm64, windows/x86_64 or a Windows Server osfamily)', plan.task);
  return { arm64: false };
}

/** cpu/memory -> FargateSize, checked against the Fargate size table. */
function mapSize(plan: ServicePlan, platform: Platform): void {
  const windows = !!platform.windowsFamily;
  if (!plan.fields.has('cpu') && !plan.fields.has('memory') && !windows) return;
  const cpu = plan.fields.peek('cpu') === undefined ? (windows ? 1024 : 256) : Number(plan.fields.peek('cpu'));
  const memory = plan.fields.peek('memory') === undefined ? (windows ? 2048 : 512) : Number(plan.fields.peek('memory'));
  const os = windows ? FargateOperatingSystem.WINDOWS : FargateOperatingSystem.LINUX;
  if (FargateSize.isValid(cpu, memory, os)) {
    plan.fields.get('cpu');
    plan.fields.get('memory');
    plan.task.set('size', `FargateSize.${windows ? 'windows' : 'of'}(${cpu}, ${memory})`);
    return;
  }
  let fits: FargateSize | undefined;
  try {
    fits = FargateSize.smallestFor({ cpu, memoryMiB: memory, operatingSystem: os });
  } catch {
    fits = undefined;
  }
  const why = fits
    ? `cpu ${cpu} with memory ${memory} MiB is not a ${os} Fargate size; using the smallest size that fits, ${fits} (check the cost)`
    : `cpu ${cpu} with memory ${memory} MiB is larger than any ${os} Fargate size: split the work or run on EC2 capacity (Ec2Task)`;
  for (const f of ['cpu', 'memory']) plan.todo(f, why, plan.task);
  if (fits) plan.task.set('size', `FargateSize.smallestFor({ cpu: ${cpu}, memoryMiB: ${memory}${windows ? ', operatingSystem: FargateOperatingSystem.WINDOWS' : ''} })`);
}

/** `logging.retention` -> logRetention; the FireLens fields -> TODO. */
function mapLogging(plan: ServicePlan): void {
  const logging = plan.fields.peek('logging');
  if (!isMap(logging)) return;
  const days = plan.fields.peek('logging.retention');
  if (days !== undefined) {
    // Loaded here: `check` and `quotas` load this module and must start without aws-cdk-lib (test/cli/lazy-modules.test.ts).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { RetentionDays } = require('aws-cdk-lib/aws-logs') as typeof logs;
    const name = (RetentionDays as unknown as Record<number, string>)[Number(days)];
    if (name) {
      plan.fields.get('logging.retention');
      plan.task.set('logRetention', `logs.RetentionDays.${name}`);
    } else {
      plan.todo('logging.retention', 'not a CloudWatch Logs retention; pick a logs.RetentionDays value', plan.task);
    }
  }
  for (const key of Object.keys(logging).filter((k) => k !== 'retention')) {
    plan.todo(['logging', key], 'FireLens: add a log router (task.taskDefinition.addFirelensLogRouter) and set the container\'s logging to ecs.LogDrivers.firelens({ options })', plan.task);
  }
}

/** The main container and the task. */
export function mapTask(plan: ServicePlan): void {
  const f = plan.fields;
  const platform = mapPlatform(plan);
  mapSize(plan, platform);
  plan.container.set('containerName', tsString(plan.name));
  const image = f.peek('image');
  if (isMap(image) && image.build !== undefined) {
    plan.container.set('image', buildImage(plan, ['image', 'build'], imagePlatform(platform), plan.container));
    if (image.location !== undefined) plan.todo('image.location', 'image.build is used; Copilot ignores location when build is set', plan.container);
    if (image.credentials !== undefined) plan.todo('image.credentials', 'an image built from source needs no registry credentials', plan.container);
  } else if (isMap(image) && typeof image.location === 'string') {
    const creds = f.str('image.credentials');
    plan.container.set('image', registryImage(plan, f.str('image.location')!, '', creds));
  } else {
    plan.todo('image', 'no image.build or image.location: set the container image', plan.container);
    plan.container.set('image', 'ecs.ContainerImage.fromRegistry(\'REPLACE-ME\')');
  }
  const port = f.peek('image.port');
  if (port !== undefined) {
    plan.port = Number(f.num('image.port'));
    const named = plan.kind === 'BackendService' ? `, name: ${tsString(plan.name)}` : '';
    plan.container.set('portMappings', `[{ containerPort: ${plan.port}${named} }]`);
    keepRootBelow1024(plan, ['image', 'port'], plan.port, plan.container, platform);
  }
  // The kit gives Linux containers without user a non-root uid; render.ts says so.
  if (!platform.windowsFamily && plan.container.get('user') === undefined) plan.kitUser = kitUser(plan.container.get('image')!, f.peek('image.location'));
  plan.container.set('dockerLabels', labels(plan, ['image', 'labels']));
  const hc = containerHealthCheck(plan, ['image', 'healthcheck'], plan.container);
  plan.container.set('healthCheck', hc);
  plan.container.set('entryPoint', commandList(plan, ['entrypoint']));
  plan.container.set('command', commandList(plan, ['command']));
  plan.container.set('environmentFiles', envFile(plan, ['env_file']));
  for (const [k, v] of Object.entries(copilotVariables(plan))) plan.environment.set(k, v);
  // A scheduled job is a standalone task, not a Service Connect client: the TODO after the services says so.
  if (plan.facts.hasBackend && plan.kind !== 'ScheduledJob') {
    plan.environment.comment('// Note (copilot): Backend Services are reached through Service Connect by their name and port (http://<service>:<port>), '
      + 'not at <service>.${COPILOT_SERVICE_DISCOVERY_ENDPOINT}: no DNS record is registered there; change URLs built from it.');
  }
  if (f.has('variables')) mapVariables(plan, ['variables'], plan.environment);
  if (f.has('secrets')) mapSecrets(plan, ['secrets'], plan.secrets);
  mapLogging(plan);
  mapStorage(plan);
  mapSidecars(plan, platform);
  const dependsOn = f.peek('image.depends_on');
  if (isMap(dependsOn)) addDependencies(plan, `${plan.taskVar}.defaultContainer`, ['image', 'depends_on']);
  plan.todo('taskdef_overrides', 'Copilot\'s CloudFormation path syntax differs: apply each with (task.taskDefinition.node.defaultChild as ecs.CfnTaskDefinition).addPropertyOverride(path, value)', plan.afterTask);
  plan.todo('observability', 'X-Ray tracing: add the aws-xray-daemon sidecar with task.addContainer and grant the task role xray:PutTraceSegments', plan.afterTask);
}

/** The variables Copilot injected into every container; the kit does not. */
function copilotVariables(plan: ServicePlan): Record<string, string> {
  return {
    COPILOT_APPLICATION_NAME: tsString(plan.facts.app),
    COPILOT_ENVIRONMENT_NAME: 'env',
    COPILOT_SERVICE_NAME: tsString(plan.name),
    COPILOT_SERVICE_DISCOVERY_ENDPOINT: `\`\${env}.${plan.facts.app}.local\``,
  };
}

/** Volume name -> TypeScript expression of the ECS volume name (for sidecar mount points). */
const VOLUMES = new WeakMap<ServicePlan, Map<string, string>>();

function mapStorage(plan: ServicePlan): void {
  const f = plan.fields;
  const eph = f.peek('storage.ephemeral');
  if (eph !== undefined) {
    const gib = Number(eph);
    if (Number.isInteger(gib) && gib >= 21 && gib <= 200) plan.task.set('ephemeralStorageGiB', String(f.num('storage.ephemeral')));
    else if (gib === 20) f.get('storage.ephemeral'); // Fargate's default
    else plan.todo('storage.ephemeral', 'Fargate ephemeral storage is 21-200 GiB', plan.task);
  }
  const ro = f.bool('storage.readonly_fs');
  if (ro !== undefined) plan.container.set('readonlyRootFilesystem', String(ro));
  const volumes = f.peek('storage.volumes');
  const names = new Map<string, string>();
  VOLUMES.set(plan, names);
  if (!isMap(volumes)) return;
  for (const [name, vol] of Object.entries(volumes)) {
    const base: Path = ['storage', 'volumes', name];
    if (!isMap(vol) || typeof vol.path !== 'string') {
      plan.todo(base, 'a volume needs a path', plan.afterTask);
      continue;
    }
    const containerPath = f.str([...base, 'path'])!;
    const readOnly = f.bool([...base, 'read_only']);
    const efsValue = vol.efs;
    const fsVar = `${plan.v}${pascal(name)}FileSystem`;
    if (efsValue === undefined || efsValue === false) {
      if (efsValue === false) f.get([...base, 'efs']);
      const v = `${plan.v}${pascal(name)}Volume`;
      plan.afterTask.push(`const ${v} = ${plan.taskVar}.addScratchVolume(${tsString(containerPath)});`);
      names.set(name, v);
      if (readOnly) plan.todo([...base, 'read_only'], 'scratch volumes are writable; mount it read-only in the sidecars that only read it', plan.afterTask);
      continue;
    }
    const options = new ObjectCode().set('containerPath', tsString(containerPath));
    if (readOnly !== undefined) options.set('readOnly', String(readOnly));
    if (efsValue === true || (isMap(efsValue) && efsValue.id === undefined)) {
      // Copilot made a file system per service in the environment.
      plan.before.push(`const ${fsVar} = new efs.FileSystem(this, '${plan.id}${pascal(name)}FileSystem', { vpc: props.vpc, encrypted: true });`);
      f.get([...base, 'efs']);
      // Copilot's dedicated access point: directory /<service>, owned by uid/gid, else both the CRC-32 of the service name.
      const uid = isMap(efsValue) ? f.num([...base, 'efs', 'uid']) : undefined;
      const gid = isMap(efsValue) ? f.num([...base, 'efs', 'gid']) : undefined;
      const owner = uid === undefined && gid === undefined ? crc32(plan.name) : undefined;
      const u = String(uid ?? gid ?? owner);
      const g = String(gid ?? uid ?? owner);
      options.set('accessPoint', `${fsVar}.addAccessPoint('${pascal(name)}AccessPoint', { path: '/${plan.name}', posixUser: { uid: '${u}', gid: '${g}' }, createAcl: { ownerUid: '${u}', ownerGid: '${g}', permissions: '0755' } })`);
      options.set('fileSystem', fsVar);
    } else if (isMap(efsValue) && typeof efsValue.id === 'string') {
      const sg = `ec2.SecurityGroup.fromSecurityGroupId(this, '${plan.id}${pascal(name)}MountTargets', 'sg-REPLACE-ME')`;
      plan.before.push(`// TODO: the security group of ${efsValue.id}'s mount targets (the kit opens NFS on it to the service)`);
      plan.before.push(`const ${fsVar} = efs.FileSystem.fromFileSystemAttributes(this, '${plan.id}${pascal(name)}FileSystem', { fileSystemId: ${tsString(f.str([...base, 'efs', 'id'])!)}, securityGroup: ${sg} });`);
      options.set('fileSystem', fsVar);
      const root = f.str([...base, 'efs', 'root_dir']);
      const ap = f.str([...base, 'efs', 'auth', 'access_point_id']);
      if (ap) options.set('accessPoint', `efs.AccessPoint.fromAccessPointAttributes(this, '${plan.id}${pascal(name)}AccessPoint', { accessPointId: ${tsString(ap)}, fileSystem: ${fsVar} })`);
      if (root !== undefined && !ap) options.set('rootDirectory', tsString(root));
      else if (root !== undefined) plan.todo([...base, 'efs', 'root_dir'], 'set the directory on the access point instead', plan.afterTask);
      const iam = f.peek([...base, 'efs', 'auth', 'iam']);
      if (iam === false) plan.todo([...base, 'efs', 'auth', 'iam'], 'the kit always mounts EFS with IAM authorization and TLS', plan.afterTask);
      else f.get([...base, 'efs', 'auth', 'iam']);
    } else {
      plan.todo([...base, 'efs'], 'not an EFS setting the migrator knows', plan.afterTask);
      continue;
    }
    const volName = name.replace(/[^a-zA-Z0-9_-]/g, '-');
    plan.afterTask.push(`${plan.taskVar}.addEfsVolume(${tsString(volName)}, ${options.render('')});`);
    names.set(name, tsString(volName));
  }
}

/**
 * The kit's default user is non-root, which cannot bind a port below 1024 (KIT-TASK-PRIVILEGED-PORT): such a container
 * keeps root, as the image ran under Copilot, so the service still starts; a TODO says how to drop it.
 */
function keepRootBelow1024(plan: ServicePlan, path: Path, port: number, container: ObjectCode, platform: Platform): void {
  if (!(port > 0 && port < 1024) || platform.windowsFamily) return;
  plan.todo(path, 'below 1024, which only root may bind, so the container runs as root (\'0\') as the image did under Copilot; make the '
    + 'server listen on 1024 or more (e.g. 8080), then remove user (Control Tower CT.ECS.PR.3 flags root)', container);
  container.set('user', tsString('0'));
}

function mapSidecars(plan: ServicePlan, platform: Platform): void {
  const sidecars = plan.fields.peek('sidecars');
  if (!isMap(sidecars)) return;
  const f = plan.fields;
  for (const [name, sc] of Object.entries(sidecars)) {
    const base: Path = ['sidecars', name];
    const opts = new ObjectCode().set('containerName', tsString(name));
    const image = isMap(sc) ? sc.image : undefined;
    if (typeof image === 'string') {opts.set('image', registryImage(plan, f.str([...base, 'image'])!, pascal(name), f.str([...base, 'credentials'])));} else if (isMap(image) && image.build !== undefined) {opts.set('image', buildImage(plan, [...base, 'image', 'build'], imagePlatform(platform), opts));} else if (isMap(image) && typeof image.location === 'string') {opts.set('image', registryImage(plan, f.str([...base, 'image', 'location'])!, pascal(name), f.str([...base, 'credentials'])));} else {
      plan.todo(base, 'a sidecar needs an image', plan.afterTask);
      continue;
    }
    const port = f.peek([...base, 'port']);
    if (port !== undefined) {
      const [num, proto] = String(f.get([...base, 'port'])).split('/');
      opts.set('portMappings', `[{ containerPort: ${Number(num)}${proto === 'udp' ? ', protocol: ecs.Protocol.UDP' : ''} }]`);
      keepRootBelow1024(plan, [...base, 'port'], Number(num), opts, platform);
    }
    const essential = f.bool([...base, 'essential']);
    if (essential !== undefined) opts.set('essential', String(essential));
    if (f.has([...base, 'variables'])) {
      const env = new ObjectCode();
      mapVariables(plan, [...base, 'variables'], env);
      opts.set('environment', env.render(''));
    }
    if (f.has([...base, 'secrets'])) {
      const sec = new ObjectCode();
      mapSecrets(plan, [...base, 'secrets'], sec, pascal(name));
      opts.set('secrets', sec.render(''));
    }
    opts.set('environmentFiles', envFile(plan, [...base, 'env_file']));
    opts.set('dockerLabels', labels(plan, [...base, 'labels']));
    opts.set('healthCheck', containerHealthCheck(plan, [...base, 'healthcheck'], opts));
    opts.set('entryPoint', commandList(plan, [...base, 'entrypoint']));
    opts.set('command', commandList(plan, [...base, 'command']));
    const v = `${plan.v}${pascal(name)}`;
    const uid = platform.windowsFamily || opts.get('user') !== undefined ? undefined
      : kitUser(opts.get('image')!, typeof image === 'string' ? image : isMap(image) ? image.location : undefined);
    if (uid) plan.afterTask.push(sidecarUserComment(name, uid));
    plan.afterTask.push(`const ${v} = ${plan.taskVar}.addContainer(${tsString(camel(name))}, ${opts.render('')});`);
    mountPoints(plan, base, v);
  }
  // Dependencies last: they may name sidecars declared after them.
  for (const name of Object.keys(sidecars)) {
    if (isMap(sidecars[name]) && isMap((sidecars[name] as Record<string, unknown>).depends_on)) {
      addDependencies(plan, `${plan.v}${pascal(name)}`, ['sidecars', name, 'depends_on']);
    }
  }
}

function mountPoints(plan: ServicePlan, base: Path, containerVar: string): void {
  const mps = plan.fields.peek([...base, 'mount_points']);
  if (!Array.isArray(mps)) return;
  mps.forEach((mp, i) => {
    const p = [...base, 'mount_points', i];
    const volume = isMap(mp) ? VOLUMES.get(plan)?.get(String(mp.source_volume)) : undefined;
    if (!volume || !isMap(mp) || typeof mp.path !== 'string') {
      plan.todo(p, 'the mount point names no volume of storage.volumes', plan.afterTask);
      return;
    }
    plan.fields.get(p);
    plan.afterTask.push(`${containerVar}.addMountPoints({ sourceVolume: ${volume}, containerPath: ${tsString(mp.path)}, readOnly: ${mp.read_only === true} });`);
  });
}

function addDependencies(plan: ServicePlan, containerExpr: string, base: Path): void {
  const deps = plan.fields.peek(base) as Record<string, unknown>;
  const sidecars = plan.fields.peek('sidecars');
  for (const [target, condition] of Object.entries(deps)) {
    const cond = DEPENDENCY_CONDITIONS[String(condition).toLowerCase()];
    const targetExpr = target === plan.name ? `${plan.taskVar}.defaultContainer`
      : isMap(sidecars) && target in sidecars ? `${plan.v}${pascal(target)}` : undefined;
    if (!cond || !targetExpr) {
      plan.todo([...base, target], 'the condition must be start, complete, success or healthy on a container of this task', plan.afterTask);
      continue;
    }
    plan.fields.get([...base, target]);
    plan.afterTask.push(`${containerExpr}.addContainerDependencies({ container: ${targetExpr}, condition: ecs.ContainerDependencyCondition.${cond} });`);
  }
}

/** The rendered `new FargateTask(...)` props, with the container inside. */
export function renderTaskProps(task: ObjectCode, container: ObjectCode, environment: ObjectCode, secrets: ObjectCode): ObjectCode {
  const c = new ObjectCode();
  c.entries.push(...container.entries);
  if (environment.entries.length) c.set('environment', environment.render(''));
  if (secrets.entries.length) c.set('secrets', secrets.render(''));
  const t = new ObjectCode();
  t.entries.push(...task.entries);
  t.set('container', c.render(''));
  return t;
}

/* eslint-disable no-bitwise -- a checksum is bit arithmetic (Node 20 has no zlib.crc32) */
/** CRC-32 (IEEE), as Go's crc32.ChecksumIEEE: Copilot's owner of a managed EFS access point without uid/gid. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
/* eslint-enable no-bitwise */
