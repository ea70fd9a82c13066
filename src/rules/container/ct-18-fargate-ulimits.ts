import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isWindows, requiresFargate, TASK_DEFINITION } from '../task/task-facts';
import { toArray, toNumber, toObject, toStr } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

const MAX_NOFILE = 1_048_576;
const LIMITS = ['SoftLimit', 'HardLimit'] as const;

export const CT18_FARGATE_ULIMITS: ResourceRule = {
  id: 'ECS-CT-18',
  title: 'Fargate ulimits: none for Windows, nofile at most 1,048,576 for Linux',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks Ulimits of containers in Fargate task definitions: Windows on Fargate does not support ulimits, and Linux containers can raise nofile (soft and hard) up to 1,048,576.',
  deployError: 'RegisterTaskDefinition fails for ulimits on Windows Fargate; a nofile limit above 1,048,576 cannot be applied and the container fails to start.',
  fix: 'Remove ulimits for Windows; keep nofile at or below 1048576 on Linux.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-resource-limits',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/Ulimits'],
  check(task): RuleIssue[] {
    const windows = isWindows(task);
    if (requiresFargate(task) !== true || windows === undefined) return [];
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      const list = toArray(def.Ulimits);
      if (!list || list.length === 0) continue;
      const label = containerLabel(def, index);
      if (windows) {
        issues.push({
          property: containerPath(index, 'Ulimits'),
          value: def.Ulimits,
          problem: `Windows Fargate ${label} sets Ulimits`,
          allowed: 'no Ulimits for Windows containers on Fargate',
          fix: `Remove Ulimits from ${label}.`,
        });
        continue;
      }
      for (let i = 0; i < list.length; i++) {
        const obj = toObject(list[i]);
        if (toStr(obj?.Name) !== 'nofile') continue;
        for (const field of LIMITS) {
          const n = toNumber(obj?.[field]);
          if (n === undefined || n <= MAX_NOFILE) continue;
          issues.push({
            property: containerPath(index, 'Ulimits', i, field),
            value: obj?.[field],
            problem: `Fargate ${label} nofile ${field} ${n} is above the Fargate maximum`,
            allowed: `at most ${MAX_NOFILE}`,
            fix: `Set the nofile ${field} of ${label} to ${MAX_NOFILE} or less.`,
          });
        }
      }
    }
    return issues;
  },
};
