import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toBool, toObject, toStr } from '../values';
import { TASK_DEFINITION } from './task-facts';

const OTHER_CONFIG = ['Host', 'DockerVolumeConfiguration', 'EFSVolumeConfiguration', 'FSxWindowsFileServerVolumeConfiguration'];

export const TD24_CONFIGURED_AT_LAUNCH_VOLUME: ResourceRule = {
  id: 'ECS-TD-24',
  title: 'At most one ConfiguredAtLaunch (EBS) volume per task, with no other volume configuration',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Counts Volumes with ConfiguredAtLaunch true and flags such a volume that also sets Host, Docker, EFS or FSx configuration.',
  deployError: 'RegisterTaskDefinition fails: only one volume can be configured at launch, and such a volume cannot carry another volume configuration.',
  fix: 'Keep one ConfiguredAtLaunch volume, and configure it only through the service VolumeConfigurations.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Volume.html#ECS-Type-Volume-configuredAtLaunch',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['Volumes'],
  check(task): RuleIssue[] {
    const atLaunch: { index: number; vol: Record<string, unknown> }[] = [];
    (toArray(task.properties.Volumes) ?? []).forEach((v, index) => {
      const vol = toObject(v);
      if (vol && toBool(vol.ConfiguredAtLaunch) === true) atLaunch.push({ index, vol });
    });
    const issues: RuleIssue[] = [];
    if (atLaunch.length > 1) {
      issues.push({
        property: `Properties/Volumes/${atLaunch[1].index}/ConfiguredAtLaunch`,
        value: atLaunch.map(({ vol }) => vol.Name),
        problem: `${atLaunch.length} volumes set ConfiguredAtLaunch`,
        allowed: 'one volume configured at launch per task definition',
        fix: 'Keep ConfiguredAtLaunch on one volume.',
      });
    }
    for (const { index, vol } of atLaunch) {
      const other = OTHER_CONFIG.filter((k) => vol[k] !== undefined);
      if (other.length === 0) continue;
      issues.push({
        property: `Properties/Volumes/${index}/${other[0]}`,
        value: vol[other[0]],
        problem: `volume ${toStr(vol.Name) ?? `#${index}`} is ConfiguredAtLaunch and also sets ${other.join(', ')}`,
        allowed: 'a ConfiguredAtLaunch volume with only Name and ConfiguredAtLaunch',
        fix: `Remove ${other.join(', ')} from the volume, or drop ConfiguredAtLaunch.`,
      });
    }
    return issues;
  },
};
