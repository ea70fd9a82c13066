/** KMS-encrypted SQS queues for workers and dead letters. */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { KmsKeys } from '../../security/kms-keys';

/** Namespace of the Control Tower rules (the cfn-guard validator plugin) in acknowledgement ids. */
export const CONTROL_TOWER = 'cdk-validator-cfnguard';

/** A key with rotation whose policy keeps grants to AWS services (Control Tower CT.KMS.PR.3). */
export function queueKey(scope: Construct, id: string): kms.Key {
  return KmsKeys.create(scope, id, { description: `SQS queues of ${scope.node.path}` });
}

/**
 * A TLS-only queue encrypted with `key`, 14 days retention. Retained on stack
 * deletion and replacement, like every stateful resource the kit creates: its
 * messages (dead letters above all) are data. `queue.applyRemovalPolicy()` changes it.
 */
export function encryptedQueue(scope: Construct, id: string, key: kms.IKey, props: Partial<sqs.QueueProps> = {}): sqs.Queue {
  return new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.KMS,
    encryptionMasterKey: key,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
    removalPolicy: RemovalPolicy.RETAIN,
    ...props,
  });
}

/** A dead-letter queue: the packs' "queue needs a DLQ" rules do not apply to the DLQ itself. */
export function deadLetterQueue(scope: Construct, id: string, key: kms.IKey, usedBy: string): sqs.Queue {
  const queue = encryptedQueue(scope, id, key);
  const reason = `This queue is the dead-letter queue of ${usedBy}; a dead-letter queue of a dead-letter queue would only move the same messages again.`;
  Validations.of(queue).acknowledge({ id: `${CONTROL_TOWER}::sqs_dlq_check`, reason }, { id: 'AwsSolutions::AwsSolutions-SQS3', reason });
  return queue;
}
