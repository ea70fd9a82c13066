import { containerLabel, containerPath, containers } from './container-facts';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { runsWindows } from '../task/task-os';
import { toObject } from '../values';

export const CT37_WINDOWS_LINUX_PARAMETERS: ResourceRule = {
  id: 'ECS-CT-37',
  title: 'LinuxParameters are not supported for Windows containers',
  area: 'container',
  severity: Severity.WARNING,
  description: 'Flags a LinuxParameters block that sets anything (InitProcessEnabled, Capabilities, Devices, Tmpfs, SharedMemorySize, MaxSwap, '
    + 'Swappiness) on the containers of a Windows task: one whose RuntimePlatform declares a Windows family, or one that every service and scheduled '
    + 'target runs only on capacity with an ECS-optimized Windows AMI. The ContainerDefinition reference says the parameter is not supported for '
    + 'Windows containers. A warning: what ECS then does (ignore it or refuse the container) is not documented. The kit adds none on Windows.',
  deployError: 'The settings do not apply to a Windows container (no init process, capabilities, devices or tmpfs), or the container fails to '
    + 'start; the documentation states only that the parameter is not supported for Windows containers.',
  fix: 'Remove linuxParameters from Windows containers.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-linuxParameters',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/LinuxParameters'],
  check(task, ctx): RuleIssue[] {
    const set = containers(task).filter(({ def }) => settings(def.LinuxParameters).length > 0);
    // Deciding the OS may walk the services and capacity: only for tasks that set LinuxParameters.
    if (set.length === 0 || !runsWindows(task, ctx)) return [];
    return set.map(({ index, def }) => {
      const label = containerLabel(def, index);
      return {
        property: containerPath(index, 'LinuxParameters'),
        value: def.LinuxParameters,
        problem: `Windows ${label} sets LinuxParameters (${settings(def.LinuxParameters).join(', ')}), which ECS does not support for Windows containers`,
        allowed: 'no LinuxParameters on Windows containers',
        fix: `Remove linuxParameters from ${label}.`,
      };
    });
  },
};

/** The LinuxParameters fields that hold a value (empty lists and objects, as aws-cdk-lib may render, do not count). */
function settings(raw: unknown): string[] {
  const params = toObject(raw);
  if (!params) return [];
  return Object.keys(params).filter((key) => holdsValue(params[key]));
}

function holdsValue(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (Array.isArray(v)) return v.length > 0;
  // An intrinsic (Fn::If may give AWS::NoValue) is not judged.
  if (typeof v === 'object') return Object.values(toObject(v) ?? {}).some(holdsValue);
  return true;
}
