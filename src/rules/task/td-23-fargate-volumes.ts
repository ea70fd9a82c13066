import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toObject, toStr } from '../values';
import { platformVersionBelow140, SERVICE } from './service-facts';
import { isWindows, requiresFargate, TASK_DEFINITION } from './task-facts';
import { serviceTask } from '../service/service-facts';

export const TD23_FARGATE_VOLUMES: ResourceRule = {
  id: 'ECS-TD-23',
  title: 'Fargate volumes: no Docker volumes, no host source paths, EFS needs platform version 1.4.0',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Checks Volumes of Fargate task definitions: DockerVolumeConfiguration and Host.SourcePath are not supported (only bind mounts without a source path); services with a literal Linux PlatformVersion below 1.4.0 cannot mount EFS volumes.',
  deployError: 'RegisterTaskDefinition fails for Fargate (Docker volumes or host paths); EFS volumes fail on platform versions before 1.4.0.',
  fix: 'Use bind mounts without SourcePath, EFS or EBS volumes on Fargate.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-task-parameters',
  resourceTypes: [TASK_DEFINITION, SERVICE],
  onlyWith: ['Volumes', 'PlatformVersion'],
  check(resource, context): RuleIssue[] {
    if (resource.type === SERVICE) {
      const pv = platformVersionBelow140(resource);
      const task = pv ? serviceTask(resource, context) : undefined;
      if (!pv || !task || isWindows(task) !== false) return [];
      const efs = volumes(task.properties.Volumes).filter((v) => v.def.EFSVolumeConfiguration !== undefined);
      if (efs.length === 0) return [];
      return [{
        property: 'Properties/PlatformVersion',
        value: resource.properties.PlatformVersion,
        problem: `Fargate PlatformVersion ${pv} cannot mount EFS volume(s) ${efs.map((v) => v.name).join(', ')} of task definition ${task.logicalId}`,
        allowed: '1.4.0 or LATEST (the default)',
        fix: 'Set PlatformVersion to LATEST or 1.4.0, or remove it.',
      }];
    }
    if (requiresFargate(resource) !== true) return [];
    const issues: RuleIssue[] = [];
    for (const v of volumes(resource.properties.Volumes)) {
      if (v.def.DockerVolumeConfiguration !== undefined) {
        issues.push({
          property: `Properties/Volumes/${v.index}/DockerVolumeConfiguration`,
          value: v.def.DockerVolumeConfiguration,
          problem: `Fargate volume ${v.name} uses DockerVolumeConfiguration`,
          allowed: 'bind mounts (no SourcePath), EFSVolumeConfiguration or ConfiguredAtLaunch EBS volumes',
          fix: 'Remove DockerVolumeConfiguration for a task-scoped bind mount, or use an EFS volume for shared data.',
        });
      }
      const sourcePath = toObject(v.def.Host)?.SourcePath;
      if (sourcePath !== undefined) {
        issues.push({
          property: `Properties/Volumes/${v.index}/Host/SourcePath`,
          value: sourcePath,
          problem: `Fargate volume ${v.name} sets Host.SourcePath ${toStr(sourcePath) ?? ''}`.trim(),
          allowed: 'a Host without SourcePath (a task-scoped bind mount)',
          fix: 'Remove Host.SourcePath; Fargate has no host file system to mount.',
        });
      }
    }
    return issues;
  },
};

function volumes(raw: unknown): { index: number; name: string; def: Record<string, unknown> }[] {
  const out: { index: number; name: string; def: Record<string, unknown> }[] = [];
  (toArray(raw) ?? []).forEach((v, index) => {
    const def = toObject(v);
    if (def) out.push({ index, name: toStr(def.Name) ? `'${toStr(def.Name)}'` : `#${index}`, def });
  });
  return out;
}
