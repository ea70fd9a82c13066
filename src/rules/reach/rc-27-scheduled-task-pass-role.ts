import { allows, roleOf, rolePermissions } from './role-permissions';
import { TemplateResource } from '../model';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { ecsTargets, EVENTS_RULE, SCHEDULE } from '../service/schedule-facts';
import { TASK_DEFINITION } from '../task/task-facts';
import { orList } from '../values';

export const RC27_SCHEDULED_TASK_PASS_ROLE: ResourceRule = {
  id: 'ECS-RC-27',
  title: 'A schedule\'s or rule\'s role can run the task and pass its roles',
  area: 'reach',
  severity: Severity.WARNING,
  description: 'For each ECS target of an EventBridge Scheduler schedule or EventBridge rule whose RoleArn is a role of the app with all its policies in the '
    + 'template, and whose task definition is in the app: the role must allow ecs:RunTask on the task definition, and iam:PassRole on the task role and '
    + 'the execution role when they are roles of the app. A warning: the stack deploys, but every run fails. Silent when a policy or attachment is '
    + 'unresolved, an AWS managed or external policy is attached, or a role is outside the app. Step Functions state machines that run tasks '
    + '(ecs:runTask in their definition) are not judged.',
  deployError: 'CloudFormation creates the schedule, but each run fails before a task starts: RunTask is denied ("not authorized to perform: '
    + 'iam:PassRole" or "ecs:RunTask"), and the event goes to the dead-letter queue, or is dropped.',
  fix: 'Grant the target\'s role ecs:RunTask on the task definition and iam:PassRole on the task and execution roles (taskDefinition.grantRun(role) does '
    + 'both); the kit\'s ScheduledJob and aws-cdk-lib\'s EcsTask and EcsRunFargateTask targets grant them.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html',
  resourceTypes: [SCHEDULE, EVENTS_RULE],
  onlyWith: ['Target/EcsParameters', 'Targets/*/EcsParameters'],
  check(resource, ctx): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const { path, target, ecs } of ecsTargets(resource)) {
      const role = roleOf(target.RoleArn, resource, ctx.assembly);
      const task = ctx.assembly.resolveResource(ecs.TaskDefinitionArn, resource.stack);
      if (!role || task?.type !== TASK_DEFINITION) continue;
      const perms = rolePermissions(role, ctx.assembly);
      if (!perms.complete) continue;
      const missing: string[] = [];
      if (!allows(perms, 'ecs:RunTask', task, ctx.assembly)) missing.push(`ecs:RunTask on task definition ${task.path}`);
      const passed: TemplateResource[] = [];
      for (const key of ['TaskRoleArn', 'ExecutionRoleArn']) {
        const passedRole = roleOf(task.properties[key], task, ctx.assembly);
        if (passedRole && !passed.includes(passedRole)) passed.push(passedRole);
      }
      for (const r of passed) if (!allows(perms, 'iam:PassRole', r, ctx.assembly)) missing.push(`iam:PassRole on ${r.path}`);
      if (missing.length === 0) continue;
      issues.push({
        property: `${path}/RoleArn`,
        value: role.logicalId,
        problem: `role ${role.path} that runs task definition ${task.path} is not allowed ${orList(missing)}`,
        allowed: 'a role allowed ecs:RunTask on the task definition and iam:PassRole on its task and execution roles',
        fix: 'Grant them: taskDefinition.grantRun(role) (ecs:RunTask and iam:PassRole), or add the statements to the role\'s policy.',
      });
    }
    return issues;
  },
};
