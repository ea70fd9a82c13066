import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { isUnresolved, toArray, toObject, toStr } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

const PREFIXES = ['CMD', 'CMD-SHELL', 'NONE'];

export const CT09_HEALTH_CHECK_COMMAND: ResourceRule = {
  id: 'ECS-CT-09',
  title: 'A container health check needs a command starting with CMD or CMD-SHELL',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks HealthCheck.Command: present, not empty, and its first item CMD, CMD-SHELL (or NONE). aws-cdk-lib L2 containers prepend the prefix themselves.',
  deployError: 'RegisterTaskDefinition fails: the health check command is required, and a command without CMD/CMD-SHELL is not run by the container runtime.',
  fix: 'Use ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] or ["CMD", "executable", "arg"].',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/HealthCheck'],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      if (def.HealthCheck === undefined) continue;
      const hc = toObject(def.HealthCheck);
      if (!hc || isUnresolved(hc.Command)) continue;
      const command = hc.Command === undefined ? [] : toArray(hc.Command);
      if (!command) continue;
      const first = command.length > 0 ? toStr(command[0]) : '';
      if (first === undefined || PREFIXES.includes(first)) continue;
      const label = containerLabel(def, index);
      issues.push({
        property: containerPath(index, 'HealthCheck', 'Command'),
        value: hc.Command,
        problem: command.length === 0 ? `${label} HealthCheck has no Command` : `${label} HealthCheck.Command starts with ${JSON.stringify(first)}`,
        allowed: 'a command whose first item is CMD, CMD-SHELL or NONE',
        fix: `Start the command with CMD-SHELL (shell form) or CMD (exec form), e.g. ["CMD-SHELL", ${JSON.stringify(command.map(String).join(' ') || 'curl -f http://localhost/ || exit 1')}].`,
      });
    }
    return issues;
  },
};
