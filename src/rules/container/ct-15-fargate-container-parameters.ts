import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isWindows, requiresFargate, TASK_DEFINITION } from '../task/task-facts';
import { toArray, toBool, toObject, toStr } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

/** Container parameters ECS rejects for FARGATE, and when a value counts as set. */
const UNSUPPORTED: { path: string[]; set: (v: unknown) => boolean }[] = [
  { path: ['Privileged'], set: (v) => toBool(v) === true },
  { path: ['DisableNetworking'], set: (v) => toBool(v) === true },
  { path: ['DnsServers'], set: nonEmpty },
  { path: ['DnsSearchDomains'], set: nonEmpty },
  { path: ['DockerSecurityOptions'], set: nonEmpty },
  { path: ['ExtraHosts'], set: nonEmpty },
  { path: ['LinuxParameters', 'MaxSwap'], set: (v) => v !== undefined },
  { path: ['LinuxParameters', 'Swappiness'], set: (v) => v !== undefined },
];

export const CT15_FARGATE_CONTAINER_PARAMETERS: ResourceRule = {
  id: 'ECS-CT-15',
  title: 'Container parameters that Fargate does not support',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks containers of Fargate task definitions for privileged, disableNetworking, dnsServers, dnsSearchDomains, dockerSecurityOptions, extraHosts, GPU resource requirements, maxSwap and swappiness. aws-cdk-lib renders them as given.',
  deployError: 'RegisterTaskDefinition fails: the task definition does not validate against the FARGATE compatibility.',
  fix: 'Remove the parameter, or run the task on EC2 (for a Windows task, remove privileged: Windows containers are never privileged).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-task-parameters',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: [
    'ContainerDefinitions/*/Privileged',
    'ContainerDefinitions/*/DisableNetworking',
    'ContainerDefinitions/*/DnsServers',
    'ContainerDefinitions/*/DnsSearchDomains',
    'ContainerDefinitions/*/DockerSecurityOptions',
    'ContainerDefinitions/*/ExtraHosts',
    'ContainerDefinitions/*/LinuxParameters',
    'ContainerDefinitions/*/ResourceRequirements',
  ],
  check(task): RuleIssue[] {
    if (requiresFargate(task) !== true) return [];
    // Windows containers cannot be privileged on EC2 either (ECS-CT-33): "run it on EC2" would be a dead end there.
    let windows: boolean | undefined;
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      let label: string | undefined;
      for (const { path, set } of UNSUPPORTED) {
        const value = path.length === 1 ? def[path[0]] : toObject(def[path[0]])?.[path[1]];
        if (!set(value)) continue;
        label ??= containerLabel(def, index);
        const windowsPrivileged = path[0] === 'Privileged' && (windows ??= isWindows(task) === true);
        issues.push({
          property: containerPath(index, ...path),
          value,
          problem: `Fargate ${label} sets ${path.join('.')}`,
          allowed: windowsPrivileged ? 'no Privileged on Windows containers, on Fargate or EC2' : `no ${path.join('.')} on Fargate`,
          fix: windowsPrivileged
            ? `Remove Privileged from ${label}; Windows containers cannot be privileged on EC2 either (ECS-CT-33).`
            : `Remove ${path.join('.')} from ${label}, or run the task on EC2.`,
        });
      }
      const requirements = toArray(def.ResourceRequirements);
      if (!requirements) continue;
      for (let i = 0; i < requirements.length; i++) {
        const type = toStr(toObject(requirements[i])?.Type);
        if (type?.toUpperCase() !== 'GPU') continue;
        label ??= containerLabel(def, index);
        issues.push({
          property: containerPath(index, 'ResourceRequirements', i, 'Type'),
          value: type,
          problem: `Fargate ${label} requests a GPU in ResourceRequirements`,
          allowed: 'no GPU on Fargate',
          fix: 'Run GPU containers on EC2 GPU instances through an EC2 capacity provider.',
        });
      }
    }
    return issues;
  },
};

function nonEmpty(v: unknown): boolean {
  const list = toArray(v);
  return !!list && list.length > 0;
}
