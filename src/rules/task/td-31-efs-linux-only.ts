import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toObject, toStr } from '../values';
import { efsVolumes, isWindows, TASK_DEFINITION } from './task-facts';

export const TD31_EFS_LINUX_ONLY: ResourceRule = {
  id: 'ECS-TD-31',
  title: 'EFS volumes are for Linux tasks',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Flags an EFSVolumeConfiguration volume in a task definition whose RuntimePlatform OperatingSystemFamily is a Windows one (on Fargate, '
    + 'EC2 or Managed Instances): ECS supports Amazon EFS volumes on Linux only; Windows tasks on EC2 use FSx for Windows File Server. '
    + 'Unresolved operating systems are skipped.',
  deployError: 'The task definition registers or the tasks fail to start: ECS cannot mount an EFS file system into a Windows container, so a service '
    + 'never reaches a steady state and a scheduled task fails each run.',
  fix: 'Run the workload as a Linux task to mount EFS, or use FSx for Windows File Server volumes on EC2 (FSxWindowsFileServerVolumeConfiguration) for Windows.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_data_volumes.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['Volumes/*/EFSVolumeConfiguration'],
  check(task): RuleIssue[] {
    const volumes = efsVolumes(task);
    if (volumes.length === 0 || isWindows(task) !== true) return [];
    const family = toStr(toObject(task.properties.RuntimePlatform)?.OperatingSystemFamily);
    return volumes.map(({ index, name }) => ({
      property: `Properties/Volumes/${index}/EFSVolumeConfiguration`,
      value: name,
      problem: `EFS volume '${name}' on a Windows task definition (${family})`,
      allowed: 'EFS volumes on Linux tasks; FSx for Windows File Server volumes for Windows tasks on EC2',
      fix: `Remove EFS volume '${name}' (and its mount points), run the workload as a Linux task, or use an FSx for Windows File Server volume on EC2.`,
    }));
  },
};
