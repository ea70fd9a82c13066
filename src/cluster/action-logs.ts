/**
 * ECS action logs (service deployment and daemon lifecycle events) of a
 * cluster, delivered to CloudWatch Logs through the CloudWatch Logs delivery
 * resources: aws-cdk-lib 2.276 has no L2 for them (aws-cdk #38528), so the
 * kit wires the three L1s: a delivery source with LogType ACTION_LOGS on the
 * cluster ARN, a delivery destination on the log group, and the delivery.
 */
import { Names, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { KmsKeys } from '../security/kms-keys';
import { defaultLogRetention } from '../task/base/log-group';

/** Options of EcsCluster.enableActionLogs. */
export interface ActionLogsOptions {
  /** Retention of the log group. @default logs.RetentionDays.ONE_YEAR, or the applied DeploymentStandard's minLogRetentionDays when longer */
  readonly retention?: logs.RetentionDays;
  /** KMS key of the log group. @default - the stack's container-log key (KmsKeys.containerLogsKey) */
  readonly encryptionKey?: kms.IKey;
}

/** Props of ActionLogs. */
export interface ActionLogsProps extends ActionLogsOptions {
  /** ARN of the cluster whose actions are logged. */
  readonly clusterArn: string;
}

/** The log group and CloudWatch Logs delivery of a cluster's ECS action logs. */
export class ActionLogs extends Construct {
  /** Log group under /aws/vendedlogs/ (keeps the account's log resource policy small). */
  public readonly logGroup: logs.LogGroup;
  public readonly deliverySource: logs.CfnDeliverySource;
  public readonly deliveryDestination: logs.CfnDeliveryDestination;
  public readonly delivery: logs.CfnDelivery;

  constructor(scope: Construct, id: string, props: ActionLogsProps) {
    super(scope, id);
    // Delivery source and destination names are unique per account and Region: 1-60 characters.
    const name = Names.uniqueResourceName(this, { maxLength: 60, allowedSpecialCharacters: '-_' });
    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      logGroupName: `/aws/vendedlogs/ecs/action-logs/${name}`,
      retention: props.retention ?? defaultLogRetention(this),
      encryptionKey: props.encryptionKey ?? KmsKeys.containerLogsKey(this),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.deliverySource = new logs.CfnDeliverySource(this, 'Source', { name, logType: 'ACTION_LOGS', resourceArn: props.clusterArn });
    this.deliveryDestination = new logs.CfnDeliveryDestination(this, 'Destination', { name, destinationResourceArn: this.logGroup.logGroupArn });
    this.delivery = new logs.CfnDelivery(this, 'Delivery', {
      deliverySourceName: this.deliverySource.deliverySourceRef.deliverySourceName,
      deliveryDestinationArn: this.deliveryDestination.attrArn,
    });
  }
}
