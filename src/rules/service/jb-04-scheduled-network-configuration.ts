import { ResourceRule, RuleIssue, Severity } from '../rule';
import { networkMode, TASK_DEFINITION } from '../task/task-facts';
import { toStr } from '../values';
import { ecsTargets, EVENTS_RULE, SCHEDULE } from './schedule-facts';

export const JB04_SCHEDULED_NETWORK_CONFIGURATION: ResourceRule = {
  id: 'ECS-JB-04',
  title: 'A scheduled Fargate or awsvpc task needs a NetworkConfiguration',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags the ECS target of an AWS::Scheduler::Schedule or AWS::Events::Rule without EcsParameters.NetworkConfiguration when its '
    + 'LaunchType is FARGATE or its task definition (in the app) uses the awsvpc network mode. aws-cdk-lib\'s EcsRunTask targets always render it; '
    + 'L1 templates and escape hatches need the check. Skipped when the launch type and the task definition are unresolved.',
  deployError: 'PutTargets or CreateSchedule fails for a FARGATE launch type (the structure is required); for an awsvpc task definition on EC2, '
    + 'every run fails with "Network Configuration must be provided when networkMode \'awsvpc\' is specified" and no task starts.',
  fix: 'Add EcsParameters.NetworkConfiguration with AwsvpcConfiguration Subnets and SecurityGroups (aws-cdk-lib: the subnetSelection and '
    + 'securityGroups of EcsRunTask, or the kit\'s ScheduledJob).',
  source: 'https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_EcsParameters.html',
  resourceTypes: [SCHEDULE, EVENTS_RULE],
  onlyWith: ['Target/EcsParameters', 'Targets/*/EcsParameters'],
  check(resource, ctx): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const { path, ecs } of ecsTargets(resource)) {
      if (ecs.NetworkConfiguration !== undefined) continue;
      const fargate = toStr(ecs.LaunchType) === 'FARGATE';
      const task = ctx.assembly.resolveResource(ecs.TaskDefinitionArn, resource.stack);
      const awsvpc = task?.type === TASK_DEFINITION && networkMode(task) === 'awsvpc';
      if (!fargate && !awsvpc) continue;
      issues.push({
        property: `${path}/EcsParameters/NetworkConfiguration`,
        value: undefined,
        problem: `ECS target runs ${fargate ? 'on FARGATE' : `awsvpc task definition ${task!.path}`} but has no NetworkConfiguration`,
        allowed: 'EcsParameters.NetworkConfiguration.AwsvpcConfiguration with at least one subnet for Fargate and awsvpc tasks',
        fix: 'Add EcsParameters.NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [...], SecurityGroups: [...] } } '
          + '(aws-cdk-lib EcsRunTask: subnetSelection and securityGroups).',
      });
    }
    return issues;
  },
};
