import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toObject, toStr } from '../values';
import { efsVolumes, TASK_DEFINITION } from './task-facts';

export const TD28_EFS_TRANSIT_ENCRYPTION: ResourceRule = {
  id: 'ECS-TD-28',
  title: 'EFS volumes with IAM authorization or an access point need transit encryption',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Checks EFSVolumeConfiguration of every volume: AuthorizationConfig IAM ENABLED or an AccessPointId requires TransitEncryption ENABLED (DISABLED when omitted). Unresolved values are skipped.',
  deployError: 'RegisterTaskDefinition fails (ClientException): transit encryption must be enabled in the EFSVolumeConfiguration when IAM authorization or an access point is used.',
  fix: 'Set TransitEncryption: ENABLED on the EFS volume (aws-cdk-lib: efsVolumeConfiguration.transitEncryption: \'ENABLED\').',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSAuthorizationConfig.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['Volumes'],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const { index, name, efs } of efsVolumes(task)) {
      const transit = efs.TransitEncryption === undefined ? 'DISABLED' : toStr(efs.TransitEncryption);
      if (transit !== 'DISABLED') continue; // ENABLED, or unresolved
      const auth = toObject(efs.AuthorizationConfig);
      const uses = [
        ...toStr(auth?.IAM) === 'ENABLED' ? ['IAM authorization'] : [],
        ...auth?.AccessPointId !== undefined ? ['an access point'] : [],
      ];
      if (uses.length === 0) continue;
      issues.push({
        property: `Properties/Volumes/${index}/EFSVolumeConfiguration/TransitEncryption`,
        value: efs.TransitEncryption ?? 'DISABLED (default)',
        problem: `EFS volume '${name}' uses ${uses.join(' and ')} with TransitEncryption ${efs.TransitEncryption === undefined ? 'omitted (DISABLED)' : 'DISABLED'}`,
        allowed: 'TransitEncryption ENABLED whenever IAM authorization or an access point is used',
        fix: `Set TransitEncryption: ENABLED on volume '${name}'.`,
      });
    }
    return issues;
  },
};
