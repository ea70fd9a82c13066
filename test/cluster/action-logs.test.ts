import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { EcsCluster } from '../../src/cluster';

describe('EcsCluster.enableActionLogs', () => {
  const stack = new Stack();
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new EcsCluster(stack, 'Cluster', { vpc });
  const actionLogs = cluster.enableActionLogs();
  const t = Template.fromStack(stack);
  const clusterId = stack.getLogicalId(cluster.cfnCluster);

  test('delivery source ACTION_LOGS on the cluster ARN, destination on the log group, and the delivery between them', () => {
    t.hasResourceProperties('AWS::Logs::DeliverySource', { LogType: 'ACTION_LOGS', ResourceArn: { 'Fn::GetAtt': [clusterId, 'Arn'] } });
    t.hasResourceProperties('AWS::Logs::DeliveryDestination', { DestinationResourceArn: { 'Fn::GetAtt': [stack.getLogicalId(actionLogs.logGroup.node.defaultChild as logs.CfnLogGroup), 'Arn'] } });
    t.hasResourceProperties('AWS::Logs::Delivery', {
      DeliverySourceName: { Ref: stack.getLogicalId(actionLogs.deliverySource) },
      DeliveryDestinationArn: { 'Fn::GetAtt': [stack.getLogicalId(actionLogs.deliveryDestination), 'Arn'] },
    });
  });

  test('log group under /aws/vendedlogs/, one-year retention, KMS-encrypted, retained', () => {
    t.hasResource('AWS::Logs::LogGroup', {
      Properties: { LogGroupName: Match.stringLikeRegexp('^/aws/vendedlogs/ecs/action-logs/'), RetentionInDays: 365, KmsKeyId: Match.anyValue() },
      DeletionPolicy: 'Retain',
    });
    const name = (Object.values(t.findResources('AWS::Logs::DeliverySource'))[0].Properties.Name as string);
    expect(name.length).toBeLessThanOrEqual(60);
    expect(name).toMatch(/^[\w-]+$/);
  });

  test('snapshot', () => {
    expect({ ...t.findResources('AWS::Logs::DeliverySource'), ...t.findResources('AWS::Logs::DeliveryDestination'), ...t.findResources('AWS::Logs::Delivery') }).toMatchSnapshot();
  });
});
