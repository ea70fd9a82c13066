import { ResourceRule, RuleIssue, Severity } from '../rule';
import { containerLabel, containers, networkMode, TASK_DEFINITION } from '../task/task-facts';
import { toArray } from '../values';

export const PM02_NONE_NO_PORTS: ResourceRule = {
  id: 'ECS-PM-02',
  title: 'Network mode none allows no port mappings',
  area: 'network',
  severity: Severity.ERROR,
  description: 'Flags containers with PortMappings in a task definition whose NetworkMode is none.',
  deployError: "RegisterTaskDefinition fails: with network mode none, port mappings can't be specified.",
  fix: 'Remove the port mappings, or use the bridge, host or awsvpc network mode.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#network_mode',
  resourceTypes: [TASK_DEFINITION],
  check(task): RuleIssue[] {
    if (networkMode(task) !== 'none') return [];
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      const list = toArray(def.PortMappings);
      if (!list || list.length === 0) continue;
      issues.push({
        property: `Properties/ContainerDefinitions/${index}/PortMappings`,
        value: list,
        problem: `${containerLabel(def, index)} has ${list.length} port mapping(s) in network mode none`,
        allowed: 'no PortMappings with NetworkMode none',
        fix: 'Remove PortMappings, or switch the task to bridge, host or awsvpc networking if the container must listen.',
      });
    }
    return issues;
  },
};
