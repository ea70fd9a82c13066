import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { orList, toArray, toObject, toStr } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

export const CT30_MOUNT_POINT_VOLUME: ResourceRule = {
  id: 'ECS-CT-30',
  title: 'A mount point must name a volume of the task definition',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks that the SourceVolume of every container MountPoints entry is the Name of one of the task definition\'s Volumes. '
    + 'aws-cdk-lib does not check it (addMountPoints takes any name; escape hatches and L1 task definitions write any). Skipped when the '
    + 'volume list or a volume name is unresolved.',
  deployError: 'RegisterTaskDefinition fails: "ClientException: Unknown volume \'NAME\'."',
  fix: 'Add the volume to the task definition (taskDefinition.addVolume({ name })) or mount a volume it has.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MountPoint.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/MountPoints'],
  check(task): RuleIssue[] {
    const raw = task.properties.Volumes;
    const list = raw === undefined ? [] : toArray(raw);
    if (!list) return [];
    const names = list.map((v) => toStr(toObject(v)?.Name));
    if (names.some((n) => n === undefined)) return [];
    const known = new Set(names as string[]);
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      (toArray(def.MountPoints) ?? []).forEach((m, j) => {
        const volume = toStr(toObject(m)?.SourceVolume);
        if (volume === undefined || known.has(volume)) return;
        issues.push({
          property: containerPath(index, 'MountPoints', j, 'SourceVolume'),
          value: volume,
          problem: `${containerLabel(def, index)} mounts volume '${volume}', which the task definition does not have`,
          allowed: known.size > 0 ? `a volume of the task definition: ${orList([...known].map((n) => `'${n}'`))}` : 'a volume of the task definition (it has none)',
          fix: `Add a volume named '${volume}' to the task definition (taskDefinition.addVolume({ name: '${volume}', ... })) or mount one it has.`,
        });
      });
    }
    return issues;
  },
};
