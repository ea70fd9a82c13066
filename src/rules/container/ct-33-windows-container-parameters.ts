import { containerLabel, containerPath, containers } from './container-facts';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { runsWindows } from '../task/task-os';
import { toBool } from '../values';

/** Container settings Docker on Windows refuses when it creates the container. */
const REFUSED: readonly { readonly property: string; readonly dockerError: string; readonly fix: string }[] = [
  { property: 'Privileged', dockerError: 'Windows does not support privileged mode', fix: 'Remove privileged (or set it to false)' },
  {
    property: 'ReadonlyRootFilesystem',
    dockerError: 'Windows does not support root filesystem in read-only mode',
    fix: 'Remove readonlyRootFilesystem (or set it to false)',
  },
];

export const CT33_WINDOWS_CONTAINER_PARAMETERS: ResourceRule = {
  id: 'ECS-CT-33',
  title: 'Windows containers cannot be privileged or have a read-only root filesystem',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Flags Privileged: true and ReadonlyRootFilesystem: true on the containers of a Windows task: one whose RuntimePlatform declares a '
    + 'Windows family, or, on EC2 where RuntimePlatform is usually left out, one that every service and scheduled target runs only on capacity '
    + 'providers with an ECS-optimized Windows AMI (aws-cdk-lib EcsOptimizedImage.windows, the kit\'s Ec2CapacityImage.windowsServer()). '
    + 'RegisterTaskDefinition accepts both; Docker on Windows refuses to create the container.',
  deployError: 'Tasks stop with CannotCreateContainerError: "Windows does not support privileged mode" or "Windows does not support root filesystem '
    + 'in read-only mode"; a service never reaches a steady state and the deployment rolls back.',
  fix: 'Remove privileged and readonlyRootFilesystem from Windows containers (the kit leaves its read-only default off on Windows).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-readonlyRootFilesystem',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/Privileged', 'ContainerDefinitions/*/ReadonlyRootFilesystem'],
  check(task, ctx): RuleIssue[] {
    const set = containers(task).filter(({ def }) => REFUSED.some((r) => toBool(def[r.property]) === true));
    // Deciding the OS may walk the services and capacity: only for tasks that set one of the two.
    if (set.length === 0 || !runsWindows(task, ctx)) return [];
    return set.flatMap(({ index, def }) => REFUSED.filter((r) => toBool(def[r.property]) === true).map((r) => ({
      property: containerPath(index, r.property),
      value: true,
      problem: `Windows ${containerLabel(def, index)} sets ${r.property} true, which Docker on Windows refuses ("${r.dockerError}")`,
      allowed: `${r.property} false or omitted on Windows containers`,
      fix: `${r.fix} on ${containerLabel(def, index)}.`,
    })));
  },
};
