import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { JB04_SCHEDULED_NETWORK_CONFIGURATION as rule } from '../../../src/rules/service/jb-04-scheduled-network-configuration';
import { check, fargateTask } from '../helpers';

const bridgeTask = { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [{ Name: 'app', Image: 'x', Memory: 64 }] } };
const eventsRule = (ecsParameters: Record<string, unknown>) => ({
  Type: 'AWS::Events::Rule', Properties: { ScheduleExpression: 'rate(1 day)', Targets: [{ Id: 'T', Arn: 'c', RoleArn: 'r', EcsParameters: { TaskDefinitionArn: { Ref: 'Task' }, ...ecsParameters } }] },
});
const schedule = (ecsParameters: Record<string, unknown>) => ({
  Type: 'AWS::Scheduler::Schedule',
  Properties: { ScheduleExpression: 'rate(1 day)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: { Arn: 'c', RoleArn: 'r', EcsParameters: { TaskDefinitionArn: { Ref: 'Task' }, ...ecsParameters } } },
});
const NETWORK = { NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-1'] } } };

describe('ECS-JB-04 scheduled task network configuration', () => {
  test('bad: an EventBridge rule target on FARGATE without NetworkConfiguration (found by a user trial)', () => {
    const [f, ...rest] = check(rule, { Task: fargateTask(), Job: eventsRule({ LaunchType: 'FARGATE' }) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-JB-04', severity: 'error', property: 'Properties/Targets/0/EcsParameters/NetworkConfiguration' });
    expect(f.message).toBe('[ECS-JB-04] ECS target runs on FARGATE but has no NetworkConfiguration at TestStack/Job; allowed: EcsParameters.NetworkConfiguration.AwsvpcConfiguration '
      + 'with at least one subnet for Fargate and awsvpc tasks. Add EcsParameters.NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [...], SecurityGroups: [...] } } '
      + '(aws-cdk-lib EcsRunTask: subnetSelection and securityGroups).');
  });

  test('bad: a Scheduler schedule of an awsvpc task definition on EC2 capacity', () => {
    const [f] = check(rule, { Task: fargateTask({ RequiresCompatibilities: ['EC2'] }), Job: schedule({ LaunchType: 'EC2' }) });
    expect(f.property).toBe('Properties/Target/EcsParameters/NetworkConfiguration');
    expect(f.message).toContain('ECS target runs awsvpc task definition TestStack/Task but has no NetworkConfiguration');
  });

  test('good: NetworkConfiguration given; a bridge task on EC2', () => {
    expect(check(rule, { Task: fargateTask(), Job: eventsRule({ LaunchType: 'FARGATE', ...NETWORK }) })).toEqual([]);
    expect(check(rule, { Task: fargateTask(), Job: schedule({ LaunchType: 'FARGATE', ...NETWORK }) })).toEqual([]);
    expect(check(rule, { Task: bridgeTask, Job: eventsRule({ LaunchType: 'EC2' }) })).toEqual([]);
  });

  test('skipped: an unresolved launch type and a task definition outside the app', () => {
    expect(check(rule, { Job: { ...eventsRule({ LaunchType: { Ref: 'LaunchType' } }) } })).toEqual([]);
  });

  test('good: aws-cdk-lib EcsTask targets render the network configuration', () => {
    const stack = new Stack(new App(), 'TestStack');
    const vpc = new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 0, subnetConfiguration: [{ name: 'p', subnetType: ec2.SubnetType.PUBLIC }] });
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
    const td = new ecs.FargateTaskDefinition(stack, 'Td');
    td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx') });
    new events.Rule(stack, 'Job', { schedule: events.Schedule.rate(Duration.days(1)), targets: [new targets.EcsTask({ cluster, taskDefinition: td, subnetSelection: { subnetType: ec2.SubnetType.PUBLIC } })] });
    expect(check(rule, Template.fromStack(stack).toJSON().Resources)).toEqual([]);
  });
});
