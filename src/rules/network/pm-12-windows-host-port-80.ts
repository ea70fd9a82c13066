import { portMappings, protocolOf } from './port-mappings';
import { TemplateResource } from '../model';
import { launchOf } from '../reach/instance-room';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { requiresFargate, TASK_DEFINITION } from '../task/task-facts';
import { runsWindows, taskRunnerGroups } from '../task/task-os';
import { toNumber, toStr } from '../values';

export const PM12_WINDOWS_HOST_PORT_80: ResourceRule = {
  id: 'ECS-PM-12',
  title: 'Windows tasks on instances with IAM roles for tasks cannot map host port 80',
  area: 'network',
  severity: Severity.ERROR,
  description: 'Flags a TCP port mapping with HostPort 80 in a Windows EC2 task definition in the default (NAT) network mode when a service or '
    + 'scheduled target places it on an Auto Scaling group whose user data turns on IAM roles for tasks (Initialize-ECSAgent -EnableTaskIAMRole, '
    + 'as the kit\'s Windows capacity does, or ECS_ENABLE_TASK_IAM_ROLE true): the task credential provider uses port 80 on the instance. '
    + 'The task is Windows when RuntimePlatform declares it or every runner uses Windows capacity. awsvpc tasks, and instances without '
    + 'the feature (aws-cdk-lib\'s own Windows user data), are left alone.',
  deployError: 'The container cannot get host port 80, which the instance\'s task credential provider holds: its tasks are not placed or do not start, '
    + 'so a service never reaches a steady state.',
  fix: 'Map another host port (or a dynamic one, hostPort 0) and put a load balancer listener on port 80, or use the awsvpc network mode.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/windows_task_IAM_roles.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/PortMappings/*/HostPort'],
  check(task, ctx): RuleIssue[] {
    // Omitted is NAT on Windows; Fargate tasks are awsvpc.
    const mode = task.properties.NetworkMode === undefined ? 'nat' : toStr(task.properties.NetworkMode);
    if (mode !== 'nat' || requiresFargate(task) !== false) return [];
    const port80 = portMappings(task).filter((m) => toNumber(m.mapping.HostPort) === 80 && protocolOf(m.mapping) === 'tcp');
    if (port80.length === 0 || !runsWindows(task, ctx)) return [];
    const proxy = proxyGroup(task, ctx);
    if (!proxy) return [];
    return port80.map((m) => ({
      property: `${m.pointer}/HostPort`,
      value: 80,
      problem: `Windows ${m.container} maps HostPort 80 in NAT network mode, but the instances of ${proxy.path} turn on IAM roles for tasks, `
        + 'whose credential provider uses port 80 on the instance',
      allowed: 'a host port other than 80 (or a dynamic one) on Windows instances with IAM roles for tasks',
      fix: `Map ${m.container} to another host port, or leave hostPort unset for a dynamic one behind a load balancer listening on 80, or use awsvpc.`,
    }));
  },
};

/** The first Auto Scaling group a runner places the task on whose user data turns on IAM roles for tasks. */
function proxyGroup(task: TemplateResource, ctx: RuleContext): TemplateResource | undefined {
  for (const groups of taskRunnerGroups(task, ctx)) {
    const found = (groups ?? []).find((asg) => {
      const userData = JSON.stringify(launchOf(asg, ctx).userData ?? '');
      return userData.includes('-EnableTaskIAMRole') || /ECS_ENABLE_TASK_IAM_ROLE\W{1,12}true/i.test(userData);
    });
    if (found) return found;
  }
  return undefined;
}
