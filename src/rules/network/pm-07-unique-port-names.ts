import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { toStr } from '../values';
import { portMappings } from './port-mappings';

export const PM07_UNIQUE_PORT_NAMES: ResourceRule = {
  id: 'ECS-PM-07',
  title: 'Port mapping names must be unique in a task definition',
  area: 'network',
  severity: Severity.ERROR,
  description: 'Flags a port mapping Name used twice across the containers of one task definition.',
  deployError: 'RegisterTaskDefinition fails: port mapping names must be unique within a task definition.',
  fix: 'Give every named port mapping its own name.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html#ECS-Type-PortMapping-name',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/PortMappings/*/Name'],
  check(task): RuleIssue[] {
    const seen = new Map<string, string>();
    const issues: RuleIssue[] = [];
    for (const { container, pointer, mapping } of portMappings(task)) {
      const name = toStr(mapping.Name);
      if (name === undefined) continue;
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, container);
        continue;
      }
      issues.push({
        property: `${pointer}/Name`,
        value: mapping.Name,
        problem: `port mapping name ${name} of ${container} is already used by ${first}`,
        allowed: 'unique port mapping names per task definition',
        fix: `Rename one of them, e.g. ${name}-2.`,
      });
    }
    return issues;
  },
};
