/**
 * KMS key policies the compliance packs ask for, in one place: the cluster,
 * tasks, queues and the examples all use these.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Options for `KmsKeys.create`. */
export interface KitKeyProps {
  /**
   * Key description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Let CloudWatch Logs of this account and Region use the key (for encrypted log groups).
   * @default false
   */
  readonly forCloudWatchLogs?: boolean;
}

/** Construct id of the stack's shared container-log key: changing it replaces the key. */
const CONTAINER_LOGS_KEY_ID = 'EcsKitContainerLogsKey';

/** Helpers for customer-managed KMS keys that pass the Control Tower and cdk-nag key rules. */
export class KmsKeys {
  /**
   * A key with rotation on whose policy lets only AWS services create grants
   * (Control Tower CT.KMS.PR.3); optionally usable by CloudWatch Logs.
   */
  public static create(scope: Construct, id: string, props: KitKeyProps = {}): kms.Key {
    const key = new kms.Key(scope, id, { enableKeyRotation: true, description: props.description });
    if (props.forCloudWatchLogs) KmsKeys.allowCloudWatchLogs(key);
    KmsKeys.restrictGrantsToAwsServices(key);
    return key;
  }

  /**
   * The stack's shared key for container log groups: created once per stack
   * on first use, with rotation and a CloudWatch Logs grant. Kit tasks use it
   * when no logEncryptionKey is given (HIPAA, NIST, PCI and Control Tower ask
   * for KMS-encrypted log groups); one key per stack keeps the cost at one key.
   */
  public static containerLogsKey(scope: Construct): kms.Key {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(CONTAINER_LOGS_KEY_ID);
    if (existing) return existing as kms.Key;
    return KmsKeys.create(stack, CONTAINER_LOGS_KEY_ID, { description: 'cdk-ecs-kit: container log groups of this stack', forCloudWatchLogs: true });
  }

  /** Deny kms:CreateGrant except for grants AWS services create for their resources (CT.KMS.PR.3). */
  public static restrictGrantsToAwsServices(key: kms.IKey): void {
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CreateGrantForAwsServicesOnly',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    }), true);
  }

  /**
   * Let CloudWatch Logs encrypt log groups of this account and Region with
   * the key. The condition names the account's log groups rather than one:
   * naming the log group would make a dependency cycle.
   */
  public static allowCloudWatchLogs(key: kms.IKey): void {
    const stack = Stack.of(key);
    key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'CloudWatchLogs',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: {
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*` },
      },
    }), true);
  }
}
