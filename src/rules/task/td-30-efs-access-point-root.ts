import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toObject, toStr } from '../values';
import { efsVolumes, TASK_DEFINITION } from './task-facts';

export const TD30_EFS_ACCESS_POINT_ROOT: ResourceRule = {
  id: 'ECS-TD-30',
  title: 'An EFS volume with an access point takes no root directory but "/"',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Flags an EFSVolumeConfiguration that sets AuthorizationConfig.AccessPointId and a RootDirectory other than "/": the access point '
    + 'sets the directory. aws-cdk-lib does not check it (aws-cdk#10683). Unresolved values are skipped.',
  deployError: 'RegisterTaskDefinition fails: "Invalid request provided: Create TaskDefinition: When using an EFS access point, the root directory '
    + 'must either be set to "/" or be omitted".',
  fix: 'Remove RootDirectory (or set it to "/") and give the access point the directory (fileSystem.addAccessPoint({ path })).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['Volumes/*/EFSVolumeConfiguration/RootDirectory'],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const { index, name, efs } of efsVolumes(task)) {
      const root = toStr(efs.RootDirectory);
      if (root === undefined || root === '/' || toObject(efs.AuthorizationConfig)?.AccessPointId === undefined) continue;
      issues.push({
        property: `Properties/Volumes/${index}/EFSVolumeConfiguration/RootDirectory`,
        value: root,
        problem: `EFS volume '${name}' sets both an access point and RootDirectory ${JSON.stringify(root)}`,
        allowed: 'RootDirectory omitted or "/" with an access point',
        fix: `Remove RootDirectory from volume '${name}' and set the directory on the access point (fileSystem.addAccessPoint('Data', { path: ${JSON.stringify(root)} })).`,
      });
    }
    return issues;
  },
};
