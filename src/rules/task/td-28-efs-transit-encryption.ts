import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toArray, toObject, toStr } from '../values';
import { TASK_DEFINITION } from './task-facts';

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
    (toArray(task.properties.Volumes) ?? []).forEach((v, i) => {
      const volume = toObject(v);
      const efs = toObject(volume?.EFSVolumeConfiguration);
      if (!efs) return;
      const transit = efs.TransitEncryption === undefined ? 'DISABLED' : toStr(efs.TransitEncryption);
      if (transit !== 'DISABLED') return; // ENABLED, or unresolved
      const auth = toObject(efs.AuthorizationConfig);
      const uses = [
        ...toStr(auth?.IAM) === 'ENABLED' ? ['IAM authorization'] : [],
        ...auth?.AccessPointId !== undefined ? ['an access point'] : [],
      ];
      if (uses.length === 0) return;
      const name = toStr(volume?.Name) ?? `#${i}`;
      issues.push({
        property: `Properties/Volumes/${i}/EFSVolumeConfiguration/TransitEncryption`,
        value: efs.TransitEncryption ?? 'DISABLED (default)',
        problem: `EFS volume '${name}' uses ${uses.join(' and ')} with TransitEncryption ${efs.TransitEncryption === undefined ? 'omitted (DISABLED)' : 'DISABLED'}`,
        allowed: 'TransitEncryption ENABLED whenever IAM authorization or an access point is used',
        fix: `Set TransitEncryption: ENABLED on volume '${name}'.`,
      });
    });
    return issues;
  },
};
