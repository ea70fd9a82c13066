/** The task's log group: explicit retention, optional KMS key. */
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { KmsKeys } from '../../security/kms-keys';

export function createLogGroup(scope: Construct, retention: logs.RetentionDays, key?: kms.IKey): logs.LogGroup {
  if (key) KmsKeys.allowCloudWatchLogs(key);
  return new logs.LogGroup(scope, 'Logs', { retention, encryptionKey: key });
}
