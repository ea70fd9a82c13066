import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { toArray, toNumber, toObject } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

const MAX_EXIT_CODES = 50;
const PERIOD = { min: 60, max: 1800 };

export const CT19_RESTART_POLICY: ResourceRule = {
  id: 'ECS-CT-19',
  title: 'Container restart policy: at most 50 ignored exit codes, attempt period 60-1800 s',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks RestartPolicy.IgnoredExitCodes (at most 50) and RestartPolicy.RestartAttemptPeriod (60 to 1800 seconds) of every container.',
  deployError: 'RegisterTaskDefinition fails: restartAttemptPeriod must be between 60 and 1800 seconds / too many ignoredExitCodes.',
  fix: 'Keep up to 50 ignored exit codes and a restart attempt period of 60 to 1800 seconds.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerRestartPolicy.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/RestartPolicy'],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      if (def.RestartPolicy === undefined) continue;
      const policy = toObject(def.RestartPolicy);
      if (!policy) continue;
      const label = containerLabel(def, index);
      const codes = toArray(policy.IgnoredExitCodes);
      if (codes && codes.length > MAX_EXIT_CODES) {
        issues.push({
          property: containerPath(index, 'RestartPolicy', 'IgnoredExitCodes'),
          value: `${codes.length} codes`,
          problem: `${label} RestartPolicy lists ${codes.length} IgnoredExitCodes`,
          allowed: `at most ${MAX_EXIT_CODES}`,
          fix: 'Keep only the exit codes that must not trigger a restart.',
        });
      }
      const period = toNumber(policy.RestartAttemptPeriod);
      if (period !== undefined && (period < PERIOD.min || period > PERIOD.max || !Number.isInteger(period))) {
        issues.push({
          property: containerPath(index, 'RestartPolicy', 'RestartAttemptPeriod'),
          value: policy.RestartAttemptPeriod,
          problem: `${label} RestartPolicy.RestartAttemptPeriod ${period} is out of range`,
          allowed: `whole seconds from ${PERIOD.min} to ${PERIOD.max}`,
          fix: `Set RestartAttemptPeriod to ${period < PERIOD.min ? PERIOD.min : PERIOD.max} or a value in between.`,
        });
      }
    }
    return issues;
  },
};
