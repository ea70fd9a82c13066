import { compatibilities } from './compatibilities';
import { TASK_DEFINITION } from './task-facts';
import { runsOnLinuxInstances } from './task-os';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toBool, toObject, toStr } from '../values';

export const TD32_VOLUME_PLATFORM: ResourceRule = {
  id: 'ECS-TD-32',
  title: 'FSx for Windows File Server volumes need Windows tasks on EC2; EBS volumes on Windows need EC2',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Flags an FSxWindowsFileServerVolumeConfiguration volume in a task definition that requires FARGATE compatibility or declares the '
    + 'LINUX operating system family, or that runs only on Linux instances (an EC2 task without RuntimePlatform whose every service and schedule '
    + 'places it on Auto Scaling groups of a Linux ECS-optimized or Bottlerocket image) (ECS supports FSx for Windows File Server on Amazon EC2, for Windows tasks only), and a ConfiguredAtLaunch '
    + '(Amazon EBS) volume in a task definition that declares a Windows family and requires FARGATE without EC2 (EBS volumes reach Windows tasks on '
    + 'Amazon EC2 only). Unresolved compatibilities and operating systems are skipped.',
  deployError: 'The task definition does not register, or its tasks fail to start: Fargate cannot mount an FSx for Windows File Server file '
    + 'system, a Linux task cannot mount one, and Fargate attaches no EBS volume to a Windows task; a service never reaches a steady state.',
  fix: 'Run tasks with FSx for Windows File Server volumes as Windows tasks on EC2 capacity; for Windows on Fargate, remove the EBS volume '
    + 'or run the task on EC2 capacity.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_data_volumes.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['Volumes/*/FSxWindowsFileServerVolumeConfiguration', 'Volumes/*/ConfiguredAtLaunch'],
  check(task, ctx): RuleIssue[] {
    const fsx: { index: number; name: string }[] = [];
    const ebs: { index: number; name: string }[] = [];
    (toArray(task.properties.Volumes) ?? []).forEach((v, index) => {
      const volume = toObject(v);
      if (!volume) return;
      const name = toStr(volume.Name) ?? `#${index}`;
      if (volume.FSxWindowsFileServerVolumeConfiguration !== undefined) fsx.push({ index, name });
      if (toBool(volume.ConfiguredAtLaunch) === true) ebs.push({ index, name });
    });
    if (fsx.length === 0 && ebs.length === 0) return [];
    const compat = compatibilities(task);
    // An omitted family is Linux on Fargate but often Windows on EC2: only a declared one is judged.
    const platform = task.properties.RuntimePlatform;
    const family = platform === undefined ? undefined : toStr(toObject(platform)?.OperatingSystemFamily);
    const issues: RuleIssue[] = [];
    const fargate = compat?.includes('FARGATE');
    // Without RuntimePlatform an EC2 task is as Linux as the instances every service and schedule puts it on.
    const linuxInstances = () => platform === undefined && compat !== undefined && runsOnLinuxInstances(task, ctx);
    for (const { index, name } of fsx) {
      if (fargate) {
        issues.push({
          property: `Properties/Volumes/${index}/FSxWindowsFileServerVolumeConfiguration`,
          value: name,
          problem: `FSx for Windows File Server volume '${name}' in a task definition that requires FARGATE compatibility`,
          allowed: 'FSx for Windows File Server volumes on Amazon EC2 only (Windows tasks)',
          fix: `Run the task on Windows EC2 capacity (an Ec2Task, or RequiresCompatibilities EC2), or remove volume '${name}' and its mount points.`,
        });
      } else if (family?.toUpperCase() === 'LINUX' || linuxInstances()) {
        issues.push({
          property: `Properties/Volumes/${index}/FSxWindowsFileServerVolumeConfiguration`,
          value: name,
          problem: `FSx for Windows File Server volume '${name}' on a Linux task definition (${family ? `OperatingSystemFamily ${family}` : 'it runs on Linux instances only'})`,
          allowed: 'FSx for Windows File Server volumes on Windows tasks on Amazon EC2',
          fix: `Run the workload as a Windows task on EC2, or mount shared storage on Linux another way (an EFS volume); remove volume '${name}'.`,
        });
      }
    }
    const fargateOnly = fargate === true && !compat?.includes('EC2');
    if (fargateOnly && family?.toUpperCase().startsWith('WINDOWS')) {
      for (const { index, name } of ebs) {
        issues.push({
          property: `Properties/Volumes/${index}/ConfiguredAtLaunch`,
          value: true,
          problem: `EBS volume '${name}' (ConfiguredAtLaunch) on a Windows Fargate task definition (${family})`,
          allowed: 'EBS volumes on Linux tasks (Fargate, EC2, Managed Instances) and on Windows tasks on Amazon EC2 only',
          fix: `Remove volume '${name}' and its mount points (addEbsVolume on a kit FargateTask), or run the Windows task on EC2 capacity (an Ec2Task).`,
        });
      }
    }
    return issues;
  },
};
