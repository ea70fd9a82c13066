import { ResourceRule, RuleIssue, Severity } from '../rule';
import { requiresFargate, TASK_DEFINITION } from '../task/task-facts';
import { toArray, toObject, toStr } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

const SYS_PTRACE = /^(CAP_)?SYS_PTRACE$/i;

export const CT16_FARGATE_LINUX_PARAMETERS: ResourceRule = {
  id: 'ECS-CT-16',
  title: 'Fargate linuxParameters: only SYS_PTRACE may be added; no devices or sharedMemorySize',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks LinuxParameters of containers in Fargate task definitions: Capabilities.Add may only hold SYS_PTRACE, and Devices and SharedMemorySize are not supported. Tmpfs is supported on Fargate (since January 2026) and is not flagged.',
  deployError: 'RegisterTaskDefinition fails: the linuxParameters are not supported by the FARGATE compatibility.',
  fix: 'Remove the unsupported linuxParameters, or run the task on EC2.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-task-parameters',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/LinuxParameters'],
  check(task): RuleIssue[] {
    if (requiresFargate(task) !== true) return [];
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      if (def.LinuxParameters === undefined) continue;
      const lp = toObject(def.LinuxParameters);
      if (!lp) continue;
      const label = containerLabel(def, index);
      const caps = toArray(toObject(lp.Capabilities)?.Add) ?? [];
      for (let i = 0; i < caps.length; i++) {
        const cap = caps[i];
        const name = toStr(cap);
        if (name === undefined || SYS_PTRACE.test(name)) continue;
        issues.push({
          property: containerPath(index, 'LinuxParameters', 'Capabilities', 'Add', i),
          value: cap,
          problem: `Fargate ${label} adds Linux capability ${name}`,
          allowed: 'SYS_PTRACE only',
          fix: `Remove ${name} from Capabilities.Add of ${label}, or run the task on EC2.`,
        });
      }
      const devices = toArray(lp.Devices);
      if (devices && devices.length > 0) {
        issues.push({
          property: containerPath(index, 'LinuxParameters', 'Devices'),
          value: lp.Devices,
          problem: `Fargate ${label} maps ${devices.length} host device(s) in LinuxParameters.Devices`,
          allowed: 'no Devices on Fargate',
          fix: `Remove LinuxParameters.Devices from ${label}, or run the task on EC2.`,
        });
      }
      if (lp.SharedMemorySize !== undefined) {
        issues.push({
          property: containerPath(index, 'LinuxParameters', 'SharedMemorySize'),
          value: lp.SharedMemorySize,
          problem: `Fargate ${label} sets LinuxParameters.SharedMemorySize`,
          allowed: 'no SharedMemorySize on Fargate',
          fix: `Remove LinuxParameters.SharedMemorySize from ${label}, or run the task on EC2.`,
        });
      }
    }
    return issues;
  },
};
