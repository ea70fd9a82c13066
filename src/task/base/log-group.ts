/** The task's log group: a retention that meets Control Tower, always KMS-encrypted. */
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { KmsKeys } from '../../security/kms-keys';

/** Control Tower CT.CLOUDWATCH.PR.2 asks for at least a year. */
export const DEFAULT_LOG_RETENTION = logs.RetentionDays.ONE_YEAR;

export function createLogGroup(scope: Construct, retention: logs.RetentionDays, key?: kms.IKey): logs.LogGroup {
  if (key) KmsKeys.allowCloudWatchLogs(key);
  return new logs.LogGroup(scope, 'Logs', { retention, encryptionKey: key ?? KmsKeys.containerLogsKey(scope) });
}
