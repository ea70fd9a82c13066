import { AssemblyModel, TemplateResource } from '../model';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { SERVICE, serviceTask } from '../service/service-facts';
import { networkMode } from '../task/task-facts';
import { toArray, toObject } from '../values';
import { ingressOfAll, ingressSource, loadBalancingIndex, missedRangesNote, rulesVerdict, SECURITY_GROUP, shortPath } from './load-balancing-index';
import { awsvpcTaskGroups, taskSubnetRanges } from './rc-04-load-balancer-ingress';

const FILE_SYSTEM = 'AWS::EFS::FileSystem';
const MOUNT_TARGET = 'AWS::EFS::MountTarget';
const NFS_PORT = 2049;

/** Mount targets per file system of the assembly; incomplete when one names a file system that does not resolve. */
function mountTargets(assembly: AssemblyModel): { byFileSystem: Map<TemplateResource, TemplateResource[]>; incomplete: boolean } {
  return assembly.derived(mountTargets, (a) => {
    const byFileSystem = new Map<TemplateResource, TemplateResource[]>();
    let incomplete = false;
    for (const mt of a.ofType(MOUNT_TARGET)) {
      const fs = a.resolveResource(mt.properties.FileSystemId, mt.stack);
      if (fs?.type === FILE_SYSTEM) byFileSystem.set(fs, [...byFileSystem.get(fs) ?? [], mt]);
      else if (fs === undefined && a.resolveString(mt.properties.FileSystemId, mt.stack) === undefined) incomplete = true;
    }
    return { byFileSystem, incomplete };
  });
}

export const RC13_EFS_MOUNT_REACH: ResourceRule = {
  id: 'ECS-RC-13',
  title: 'EFS mount targets must admit the tasks on NFS port 2049',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'For an awsvpc service whose task definition mounts an EFS file system of the assembly (EFSVolumeConfiguration.FilesystemId), checks that the security groups of that file system\'s mount targets (AWS::EFS::MountTarget) admit TCP 2049 from a security group of the tasks, from a prefix list or IPv6 range, or from an IPv4 CIDR that shares an address with the tasks\' subnets (any CIDR when a subnet\'s CidrBlock is not literal). aws-cdk-lib opens it only when asked (fileSystem.connections.allowDefaultPortFrom(service), or the kit\'s connectVolumes). Skipped when the file system, a mount target or a security group is outside the assembly, the file system has no mount target in it, or an ingress rule or port is unresolved, or an ingress rule whose GroupId is unresolved (or a nested stack whose template is missing) could add to a mount target group: one in the group\'s own template, or anywhere when the template hands the group out.',
  deployError: 'Tasks stop before their containers start ("ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes ... mount.nfs4: Connection timed out"); the service never reaches a steady state and the stack rolls back.',
  fix: 'Let the tasks reach the mount targets: fileSystem.connections.allowDefaultPortFrom(service) (for a kit task, task.connectVolumes(service)), or an ingress rule on TCP 2049 from the tasks\' security group.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html',
  resourceTypes: [SERVICE],
  onlyWith: ['NetworkConfiguration/AwsvpcConfiguration/SecurityGroups'],
  check(service, ctx): RuleIssue[] {
    const task = serviceTask(service, ctx);
    if (!task || networkMode(task) !== 'awsvpc') return [];
    const volumes = (toArray(task.properties.Volumes) ?? [])
      .map((v) => toObject(toObject(v)?.EFSVolumeConfiguration)?.FilesystemId)
      .filter((id) => id !== undefined);
    if (volumes.length === 0) return [];
    const tasks = awsvpcTaskGroups(service, ctx);
    if (!tasks) return [];
    const taskGroups = new Set(tasks.groups);
    const index = loadBalancingIndex(ctx.assembly);
    const targets = mountTargets(ctx.assembly);
    if (targets.incomplete) return [];
    const issues: RuleIssue[] = [];
    const seen = new Set<TemplateResource>();
    for (const id of volumes) {
      const fs = ctx.assembly.resolveResource(id, task.stack);
      if (fs?.type !== FILE_SYSTEM || seen.has(fs)) continue;
      seen.add(fs);
      const mts = targets.byFileSystem.get(fs) ?? [];
      const groups = mts.flatMap((mt) => (toArray(mt.properties.SecurityGroups) ?? [undefined])
        .map((g) => ctx.assembly.resolveResource(g, mt.stack)));
      if (mts.length === 0 || groups.some((g) => g?.type !== SECURITY_GROUP)) continue;
      const rules = ingressOfAll(index, new Set(groups as TemplateResource[]));
      const taskRanges = () => taskSubnetRanges(service, ctx);
      if (!rules || rulesVerdict(rules, 'tcp', NFS_PORT, ingressSource, taskGroups, NFS_PORT, taskRanges) !== 'no') continue;
      const mtGroups = [...new Set(groups as TemplateResource[])].map((g) => shortPath(g, service.stack)).join(', ');
      const taskLabel = tasks.groups.map((g) => shortPath(g, service.stack)).join(', ');
      issues.push({
        property: 'Properties/NetworkConfiguration/AwsvpcConfiguration/SecurityGroups',
        value: tasks.value,
        problem: `the tasks (${taskLabel}) cannot reach EFS file system ${shortPath(fs, service.stack)}: no ingress rule of its mount targets' security groups (${mtGroups}) admits them on ${NFS_PORT}/tcp`
          + missedRangesNote(rules, 'tcp', NFS_PORT, ingressSource, taskRanges(), 'the tasks\' subnets'),
        allowed: `ingress on ${NFS_PORT}/tcp to ${mtGroups} from ${taskLabel} (or a CIDR covering the tasks)`,
        fix: 'Use fileSystem.connections.allowDefaultPortFrom(service) (a kit task: task.connectVolumes(service)), or add an ingress rule on 2049/tcp from the tasks\' security group.',
      });
    }
    return issues;
  },
};
