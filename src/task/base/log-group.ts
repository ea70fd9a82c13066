/** The task's log group: explicit retention, optional KMS key. */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export function createLogGroup(scope: Construct, retention: logs.RetentionDays, key?: kms.IKey): logs.LogGroup {
  if (key) {
    // CloudWatch Logs needs the key policy to allow it. The condition names the
    // account's log groups rather than this one: naming it would make a cycle.
    const stack = Stack.of(scope);
    key.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*` },
      },
    }), true);
  }
  return new logs.LogGroup(scope, 'Logs', { retention, encryptionKey: key });
}
