import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isWindows, TASK_DEFINITION } from '../task/task-facts';
import { isRootUser, toArray, toBool, toObject, toStr } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

const FILE_SYSTEM = 'AWS::EFS::FileSystem';

export const CT26_EFS_ROOT_NON_ROOT_USER: ResourceRule = {
  id: 'ECS-CT-26',
  title: 'A non-root container cannot write to the root of a new EFS file system',
  area: 'container',
  severity: Severity.WARNING,
  description: 'For a Linux task definition volume whose EFSVolumeConfiguration names an AWS::EFS::FileSystem of the app (a new file system) with no '
    + 'AccessPointId and RootDirectory unset or "/": warns for each container that mounts it read-write and sets a User other than root or 0. The '
    + 'root directory of a new file system belongs to root (UID 0) with mode 755. Skipped for imported file systems (their directories may have '
    + 'been prepared), containers without User (the image decides), read-only mounts and unresolved values.',
  deployError: 'None at deploy: the task starts, but every write under the mount path fails with "Permission denied".',
  fix: 'Mount through an access point that gives the user a directory it owns (fileSystem.addAccessPoint with posixUser and createAcl), or mount it read-only.',
  source: 'https://docs.aws.amazon.com/efs/latest/ug/accessing-fs-nfs-permissions.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['Volumes/*/EFSVolumeConfiguration'],
  check(task, ctx): RuleIssue[] {
    if (isWindows(task) !== false) return [];
    const rootVolumes = new Map<string, string>();
    for (const v of toArray(task.properties.Volumes) ?? []) {
      const volume = toObject(v);
      const efs = toObject(volume?.EFSVolumeConfiguration);
      const name = toStr(volume?.Name);
      if (!efs || name === undefined || toObject(efs.AuthorizationConfig)?.AccessPointId !== undefined) continue;
      if (efs.RootDirectory !== undefined && toStr(efs.RootDirectory) !== '/') continue;
      const fileSystem = ctx.assembly.resolveResource(efs.FilesystemId, task.stack);
      if (fileSystem?.type === FILE_SYSTEM) rootVolumes.set(name, fileSystem.path);
    }
    if (rootVolumes.size === 0) return [];
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      const user = toStr(def.User);
      if (user === undefined || isRootUser(user)) continue;
      const [uid, gid = uid] = user.split(':');
      (toArray(def.MountPoints) ?? []).forEach((m, j) => {
        const mount = toObject(m);
        const volume = toStr(mount?.SourceVolume);
        const fileSystem = volume === undefined ? undefined : rootVolumes.get(volume);
        const readOnly = mount?.ReadOnly === undefined ? false : toBool(mount.ReadOnly);
        if (!fileSystem || readOnly !== false) return;
        issues.push({
          property: containerPath(index, 'MountPoints', j),
          value: mount,
          problem: `${containerLabel(def, index)} runs as user ${user} and mounts EFS volume '${volume}' read-write at ${toStr(mount?.ContainerPath) ?? '?'}: `
            + `the root of file system ${fileSystem}, which a new file system gives to root (mode 755), without an access point`,
          allowed: 'an access point that gives the user a directory it owns, a read-only mount, or user root',
          fix: `Mount through an access point: fileSystem.addAccessPoint('Data', { path: '/data', createAcl: { ownerUid: '${uid}', ownerGid: '${gid}', `
            + `permissions: '750' }, posixUser: { uid: '${uid}', gid: '${gid}' } }), passed as accessPoint (the kit's addEfsVolume) or `
            + 'authorizationConfig.accessPointId',
        });
      });
    }
    return issues;
  },
};
