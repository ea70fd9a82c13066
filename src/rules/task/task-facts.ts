/**
 * Facts about an AWS::ECS::TaskDefinition that many rules need. Each returns
 * undefined when the template does not decide it.
 */
import { resourceFact, TemplateResource } from '../model';
import { toArray, toNumber, toObject, toStr } from '../values';

export const TASK_DEFINITION = 'AWS::ECS::TaskDefinition';

/** True when RequiresCompatibilities lists FARGATE; undefined when unresolved. */
export function requiresFargate(task: TemplateResource): boolean | undefined {
  const compat = task.properties.RequiresCompatibilities;
  if (compat === undefined) return false;
  const list = toArray(compat);
  if (!list) return undefined;
  let unresolved = false;
  for (const item of list) {
    const name = toStr(item);
    if (name === 'FARGATE') return true;
    if (name === undefined) unresolved = true;
  }
  return unresolved ? undefined : false;
}

/** The network mode; ECS defaults to bridge on Linux EC2 when omitted. */
export function networkMode(task: TemplateResource): string | undefined {
  const v = task.properties.NetworkMode;
  if (v === undefined) return 'bridge';
  return toStr(v);
}

/** Whether the task declares a Windows operating system family. */
export function isWindows(task: TemplateResource): boolean | undefined {
  const rp = task.properties.RuntimePlatform;
  if (rp === undefined) return false;
  const obj = toObject(rp);
  if (!obj) return undefined;
  if (obj.OperatingSystemFamily === undefined) return false;
  const family = toStr(obj.OperatingSystemFamily);
  return family === undefined ? undefined : family.toUpperCase().startsWith('WINDOWS');
}

/** The container definitions with their index; [] when unresolved. */
export function containers(task: TemplateResource): readonly { index: number; def: Record<string, unknown> }[] {
  // Most task and container rules ask for the list: built once per resource.
  return resourceFact(task, readContainers, undefined);
}

function readContainers(task: TemplateResource): { index: number; def: Record<string, unknown> }[] {
  const list = toArray(task.properties.ContainerDefinitions);
  const out: { index: number; def: Record<string, unknown> }[] = [];
  if (list) {
    for (let index = 0; index < list.length; index++) {
      const def = toObject(list[index]);
      if (def) out.push({ index, def });
    }
  }
  return out;
}

/** The task definition's EFS volumes: list index, Name (`#index` when unresolved) and EFSVolumeConfiguration. */
/**
 * The secret references of a container: its Secrets and its log driver's SecretOptions, both read with
 * the execution role when the task starts (secrets-logconfig.html).
 */
export function containerSecrets(def: Record<string, unknown>): unknown[] {
  const secrets = toArray(def.Secrets) ?? [];
  const logSecrets = toArray(toObject(def.LogConfiguration)?.SecretOptions) ?? [];
  return logSecrets.length === 0 ? secrets : [...secrets, ...logSecrets];
}

export function efsVolumes(task: TemplateResource): { index: number; name: string; efs: Record<string, unknown> }[] {
  const out: { index: number; name: string; efs: Record<string, unknown> }[] = [];
  (toArray(task.properties.Volumes) ?? []).forEach((v, index) => {
    const volume = toObject(v);
    const efs = toObject(volume?.EFSVolumeConfiguration);
    if (efs) out.push({ index, name: toStr(volume?.Name) ?? `#${index}`, efs });
  });
  return out;
}

/** NVIDIA GPUs a container asks for (ResourceRequirements of Type GPU); undefined when a value is unresolved. */
export function containerGpus(def: Record<string, unknown>): number | undefined {
  let gpus = 0;
  for (const r of toArray(def.ResourceRequirements) ?? []) {
    const req = toObject(r);
    if (toStr(req?.Type) !== 'GPU') continue;
    const n = toNumber(req?.Value);
    if (n === undefined) return undefined;
    gpus += n;
  }
  return gpus;
}

/** Container name for messages: its Name, or #index. */
export function containerLabel(def: Record<string, unknown>, index: number): string {
  const name = toStr(def.Name);
  return name ? `container '${name}'` : `container #${index}`;
}
