import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toObject, toStr } from '../values';
import { isWindows, requiresFargate, TASK_DEFINITION } from './task-facts';

export const TD14_FARGATE_WINDOWS_X86: ResourceRule = {
  id: 'ECS-TD-14',
  title: 'Windows containers on Fargate must use the X86_64 CPU architecture',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Checks RuntimePlatform.CpuArchitecture of Fargate task definitions with a Windows operating system family.',
  deployError: 'RegisterTaskDefinition fails: Windows on Fargate is only available for X86_64.',
  fix: 'Set CpuArchitecture to X86_64 (or run the workload on Linux for ARM64).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-task-os',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['RuntimePlatform'],
  check(task): RuleIssue[] {
    if (requiresFargate(task) !== true || isWindows(task) !== true) return [];
    const platform = toObject(task.properties.RuntimePlatform);
    const arch = toStr(platform?.CpuArchitecture);
    if (arch === undefined || arch.toUpperCase() === 'X86_64') return [];
    return [{
      property: 'Properties/RuntimePlatform/CpuArchitecture',
      value: platform?.CpuArchitecture,
      problem: `Windows Fargate task definition uses CpuArchitecture ${arch} with ${toStr(platform?.OperatingSystemFamily)}`,
      allowed: 'X86_64 for Windows on Fargate',
      fix: 'Set CpuArchitecture to X86_64.',
    }];
  },
};
