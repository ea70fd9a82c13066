/**
 * Facts about an AWS::ECS::Service that task and container rules need: a
 * literal Fargate platform version, and the services that run a task
 * definition on Fargate (the task definition a service runs is `serviceTask`).
 */
import { TemplateResource } from '../model';
import { RuleContext } from '../rule';
import { launchKind, serviceTask } from '../service/service-facts';
import { toStr } from '../values';
import { requiresFargate } from './task-facts';

export const SERVICE = 'AWS::ECS::Service';

/**
 * The service's literal PlatformVersion when it is a Linux version below
 * 1.4.0 (1.0.0-1.3.0); undefined for LATEST, absent, unresolved or newer.
 */
export function platformVersionBelow140(service: TemplateResource): string | undefined {
  const pv = toStr(service.properties.PlatformVersion);
  const m = pv ? /^(\d+)\.(\d+)\.(\d+)$/.exec(pv.trim()) : null;
  if (!pv || !m) return undefined;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major < 1 || (major === 1 && minor < 4) ? pv : undefined;
}

/**
 * Services that run this task definition on Fargate (LaunchType FARGATE or a
 * Fargate-only strategy) although it does not declare FARGATE in
 * RequiresCompatibilities. ECS then needs the task definition to be
 * Fargate-compatible all the same.
 */
export function undeclaredFargateServices(task: TemplateResource, context: RuleContext): readonly TemplateResource[] {
  if (requiresFargate(task) !== false) return [];
  // One pass over the services per assembly instead of one per task definition.
  const byTask = context.assembly.derived(undeclaredFargateServices, (assembly) => {
    const index = new Map<TemplateResource, TemplateResource[]>();
    for (const s of assembly.ofType(SERVICE)) {
      const runs = serviceTask(s, context);
      if (!runs || launchKind(s, context) !== 'FARGATE') continue;
      const list = index.get(runs);
      if (list) list.push(s);
      else index.set(runs, [s]);
    }
    return index;
  });
  return byTask.get(task) ?? [];
}

/** Label for a task definition that a Fargate service runs: "Fargate service at Stack/Svc". */
export function fargateRunnerLabel(services: readonly TemplateResource[]): string {
  return `run by Fargate service ${services[0].path}`;
}
