/** The task's log group: a retention that meets Control Tower, always KMS-encrypted. */
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { KmsKeys } from '../../security/kms-keys';
import { appliedStandard } from '../../standards/applied-standard';

/** Control Tower CT.CLOUDWATCH.PR.2 asks for at least a year. */
export const DEFAULT_LOG_RETENTION = logs.RetentionDays.ONE_YEAR;

export function createLogGroup(scope: Construct, retention: logs.RetentionDays, key?: kms.IKey): logs.LogGroup {
  if (key) KmsKeys.allowCloudWatchLogs(key);
  return new logs.LogGroup(scope, 'Logs', { retention, encryptionKey: key ?? KmsKeys.containerLogsKey(scope) });
}

/**
 * The default retention of a task's log group: a year, or longer when the
 * app's deployment standard asks for more (the shortest RetentionDays that
 * meets its minimum).
 */
export function defaultLogRetention(scope: Construct): logs.RetentionDays {
  const min = appliedStandard(scope)?.minLogRetentionDays;
  if (min === undefined || min <= DEFAULT_LOG_RETENTION) return DEFAULT_LOG_RETENTION;
  const days = Object.values(logs.RetentionDays).filter((d): d is number => typeof d === 'number' && d >= min).sort((a, b) => a - b);
  return (days[0] ?? logs.RetentionDays.INFINITE) as logs.RetentionDays;
}
