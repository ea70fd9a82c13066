import { ResourceRule, RuleIssue, Severity } from '../rule';
import { CLUSTER } from '../service/service-facts';
import { toBool, toObject, toStr } from '../values';

export const EX03_EXEC_LOGGING: ResourceRule = {
  id: 'ECS-EX-03',
  title: 'ECS Exec log configuration only with Logging OVERRIDE; encryption needs its destination',
  area: 'cluster',
  severity: Severity.ERROR,
  description: 'Checks Configuration.ExecuteCommandConfiguration of a cluster: LogConfiguration only when Logging is OVERRIDE (and required then), S3EncryptionEnabled needs S3BucketName, CloudWatchEncryptionEnabled needs CloudWatchLogGroupName.',
  deployError: 'CreateCluster fails: invalid executeCommandConfiguration (log configuration without OVERRIDE, or encryption without a destination).',
  fix: 'Set Logging OVERRIDE with a LogConfiguration naming the S3 bucket and/or log group, or Logging DEFAULT without LogConfiguration.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExecuteCommandConfiguration.html',
  resourceTypes: [CLUSTER],
  check(cluster): RuleIssue[] {
    const exec = toObject(toObject(cluster.properties.Configuration)?.ExecuteCommandConfiguration);
    if (!exec) return [];
    const pointer = 'Properties/Configuration/ExecuteCommandConfiguration';
    const logging = exec.Logging === undefined ? 'DEFAULT' : toStr(exec.Logging);
    const issues: RuleIssue[] = [];
    if (logging !== undefined && logging !== 'OVERRIDE' && exec.LogConfiguration !== undefined) {
      issues.push({ property: `${pointer}/LogConfiguration`, value: exec.LogConfiguration, problem: `ExecuteCommandConfiguration has a LogConfiguration with Logging ${logging}`, allowed: 'LogConfiguration only with Logging OVERRIDE', fix: 'Set Logging to OVERRIDE, or remove LogConfiguration.' });
    }
    if (logging === 'OVERRIDE' && exec.LogConfiguration === undefined) {
      issues.push({ property: `${pointer}/Logging`, value: exec.Logging, problem: 'ExecuteCommandConfiguration Logging OVERRIDE without LogConfiguration', allowed: 'Logging OVERRIDE with a LogConfiguration', fix: 'Add LogConfiguration with S3BucketName and/or CloudWatchLogGroupName.' });
    }
    const log = toObject(exec.LogConfiguration);
    for (const [flag, target] of [['S3EncryptionEnabled', 'S3BucketName'], ['CloudWatchEncryptionEnabled', 'CloudWatchLogGroupName']] as const) {
      if (log && toBool(log[flag]) === true && log[target] === undefined) {
        issues.push({ property: `${pointer}/LogConfiguration/${flag}`, value: log[flag], problem: `${flag} is true without ${target}`, allowed: `${flag} with ${target}`, fix: `Set ${target}, or remove ${flag}.` });
      }
    }
    return issues;
  },
};
