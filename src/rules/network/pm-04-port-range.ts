import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { toNumber } from '../values';
import { portMappings } from './port-mappings';

const MAX_PORT = 65535;
const KEYS = ['ContainerPort', 'HostPort'] as const;

export const PM04_PORT_RANGE: ResourceRule = {
  id: 'ECS-PM-04',
  title: 'Port mapping ports must be 0-65535',
  area: 'network',
  severity: Severity.ERROR,
  description: 'Checks ContainerPort and HostPort of every port mapping: whole numbers from 0 to 65535. ContainerPort 0 is not judged.',
  deployError: 'RegisterTaskDefinition or the task launch fails: invalid port.',
  fix: 'Use ports between 1 and 65535.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html',
  resourceTypes: [TASK_DEFINITION],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const pm of portMappings(task)) {
      for (const key of KEYS) {
        if (pm.mapping[key] === undefined) continue;
        const port = toNumber(pm.mapping[key]);
        if (port === undefined || (port >= 0 && port <= MAX_PORT && Number.isInteger(port))) continue;
        issues.push({
          property: `${pm.pointer}/${key}`,
          value: pm.mapping[key],
          problem: `${pm.container} port mapping ${key} ${port} is not a valid port`,
          allowed: `a whole number from ${key === 'HostPort' ? 0 : 1} to ${MAX_PORT}`,
          fix: `Set ${key} to the port the container listens on, between 1 and ${MAX_PORT}.`,
        });
      }
    }
    return issues;
  },
};
