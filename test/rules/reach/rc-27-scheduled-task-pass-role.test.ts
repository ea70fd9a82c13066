/** ECS-RC-27: a schedule's or rule's role needs ecs:RunTask and iam:PassRole on the task's roles (CWE_IAM_role.html). */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import { EcsCluster, FargateTask, ScheduledJob } from '../../../src';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { RC27_SCHEDULED_TASK_PASS_ROLE as rule } from '../../../src/rules/reach/rc-27-scheduled-task-pass-role';
import { check, fargateTask, Resources } from '../helpers';

const TRUST = { Statement: [{ Effect: 'Allow', Principal: { Service: 'scheduler.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
const role = (statements: unknown[]) => ({ Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST, Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: statements } }] } });
const TASK_ROLES = {
  TaskRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST } },
  ExecRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: TRUST } },
  Task: fargateTask({ TaskRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] }, ExecutionRoleArn: { 'Fn::GetAtt': ['ExecRole', 'Arn'] } }),
};
const RUN = { Effect: 'Allow', Action: 'ecs:RunTask', Resource: { Ref: 'Task' } };
const PASS = { Effect: 'Allow', Action: 'iam:PassRole', Resource: [{ 'Fn::GetAtt': ['TaskRole', 'Arn'] }, { 'Fn::GetAtt': ['ExecRole', 'Arn'] }] };
const schedule = (roleRef: unknown = { 'Fn::GetAtt': ['Runner', 'Arn'] }): Resources[string] => ({
  Type: 'AWS::Scheduler::Schedule',
  Properties: {
    ScheduleExpression: 'rate(1 hour)',
    FlexibleTimeWindow: { Mode: 'OFF' },
    Target: { Arn: 'arn:aws:ecs:eu-west-1:111111111111:cluster/c', RoleArn: roleRef, EcsParameters: { TaskDefinitionArn: { Ref: 'Task' }, LaunchType: 'FARGATE' } },
  },
});

describe('ECS-RC-27 scheduled task role (L1)', () => {
  test('bad: a role with ecs:RunTask only cannot pass the task\'s roles', () => {
    const [f] = check(rule, { ...TASK_ROLES, Runner: role([RUN]), Job: schedule() });
    expect(f).toMatchObject({ ruleId: 'ECS-RC-27', severity: 'warning', property: 'Properties/Target/RoleArn' });
    expect(f.message).toBe('[ECS-RC-27] role TestStack/Runner that runs task definition TestStack/Task is not allowed iam:PassRole on TestStack/TaskRole '
      + 'or iam:PassRole on TestStack/ExecRole at TestStack/Job; allowed: a role allowed ecs:RunTask on the task definition and iam:PassRole on its task and '
      + 'execution roles. Grant them: taskDefinition.grantRun(role) (ecs:RunTask and iam:PassRole), or add the statements to the role\'s policy.');
  });

  test('bad: an EventBridge rule target whose role may pass the roles but not run the task', () => {
    const rule1: Resources[string] = {
      Type: 'AWS::Events::Rule',
      Properties: { ScheduleExpression: 'rate(1 hour)', Targets: [{ Id: 'a', Arn: 'arn:aws:ecs:eu-west-1:111111111111:cluster/c', RoleArn: { 'Fn::GetAtt': ['Runner', 'Arn'] }, EcsParameters: { TaskDefinitionArn: { Ref: 'Task' } } }] },
    };
    expect(check(rule, { ...TASK_ROLES, Runner: role([PASS]), R: rule1 }).map((f) => [f.property, f.message.includes('ecs:RunTask on task definition TestStack/Task')]))
      .toEqual([['Properties/Targets/0/RoleArn', true]]);
  });

  test('good: both granted, or a wildcard; skipped: a role outside the app, a managed policy whose content is unknown', () => {
    expect(check(rule, { ...TASK_ROLES, Runner: role([RUN, PASS]), Job: schedule() })).toEqual([]);
    expect(check(rule, { ...TASK_ROLES, Runner: role([{ Effect: 'Allow', Action: ['ecs:RunTask', 'iam:PassRole'], Resource: '*' }]), Job: schedule() })).toEqual([]);
    expect(check(rule, { ...TASK_ROLES, Job: schedule('arn:aws:iam::111111111111:role/runner') })).toEqual([]);
    const managed = { ...role([RUN]), Properties: { ...role([RUN]).Properties, ManagedPolicyArns: ['arn:aws:iam::111111111111:policy/ops'] } };
    expect(check(rule, { ...TASK_ROLES, Runner: managed, Job: schedule() })).toEqual([]);
  });
});

describe('ECS-RC-27 on aws-cdk-lib and kit schedulers (they grant both)', () => {
  const model = (stack: Stack) => new AssemblyModel([{ name: stack.stackName, template: Template.fromStack(stack).toJSON() }]);
  const run = (stack: Stack) => runRules(model(stack), { rules: [rule] })
    .map((f) => f.message);
  const base = () => {
    const stack = new Stack(new App(), 'Jobs');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const image = ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36');
    return { stack, vpc, image };
  };

  test('good: events EcsTask, scheduler EcsRunFargateTask, ecs-patterns ScheduledFargateTask, the kit\'s ScheduledJob', () => {
    const { stack, vpc, image } = base();
    const cluster = new ecs.Cluster(stack, 'Plain', { vpc });
    const td = new ecs.FargateTaskDefinition(stack, 'Td', { taskRole: new iam.Role(stack, 'TdRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') }) });
    td.addContainer('app', { image, logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'app' }) });
    new events.Rule(stack, 'Rule', { schedule: events.Schedule.rate(Duration.hours(1)), targets: [new targets.EcsTask({ cluster, taskDefinition: td })] });
    new scheduler.Schedule(stack, 'Sched', { schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)), target: new schedulerTargets.EcsRunFargateTask(cluster, { taskDefinition: td }) });
    new ecsPatterns.ScheduledFargateTask(stack, 'Pattern', { cluster, schedule: events.Schedule.rate(Duration.hours(1)), scheduledFargateTaskDefinitionOptions: { taskDefinition: td } });
    const kitCluster = new EcsCluster(stack, 'Kit', { vpc });
    new ScheduledJob(stack, 'Job', { cluster: kitCluster, task: new FargateTask(stack, 'Task', { container: { image } }), schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)) });
    expect(run(stack)).toEqual([]);
  });

  test('bad: an events rule target given a role without grants (withoutPolicyUpdates, found by a batch-jobs user trial)', () => {
    const { stack, vpc, image } = base();
    const cluster = new ecs.Cluster(stack, 'Plain', { vpc });
    const td = new ecs.FargateTaskDefinition(stack, 'Td');
    td.addContainer('app', { image, logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'app' }) });
    const runner = new iam.Role(stack, 'Runner', { assumedBy: new iam.ServicePrincipal('events.amazonaws.com') });
    runner.addToPolicy(new iam.PolicyStatement({ actions: ['ecs:RunTask'], resources: [td.taskDefinitionArn] }));
    new events.Rule(stack, 'Rule', {
      schedule: events.Schedule.rate(Duration.hours(1)),
      targets: [new targets.EcsTask({ cluster, taskDefinition: td, role: runner.withoutPolicyUpdates() })],
    });
    expect(run(stack)).toEqual([expect.stringMatching(/^\[ECS-RC-27\] role Jobs\/Runner\w* that runs task definition Jobs\/Td\w* is not allowed iam:PassRole on Jobs\/TdTaskRole\w* or iam:PassRole on Jobs\/TdExecutionRole\w* at Jobs\/Rule/)]);
  });
});
