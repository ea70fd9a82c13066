import { ResourceRule, RuleIssue, Severity } from '../rule';
import { isUnresolved, toArray, toBool, toObject } from '../values';
import { TASK_DEFINITION } from './task-facts';

export const TD21_ESSENTIAL_CONTAINER: ResourceRule = {
  id: 'ECS-TD-21',
  title: 'A task definition needs at least one container, and one of them essential',
  area: 'task',
  severity: Severity.ERROR,
  description: 'Checks that ContainerDefinitions is not empty and that at least one container is essential (Essential omitted counts as essential). aws-cdk-lib checks this only when an L2 service uses the task definition.',
  deployError: 'RegisterTaskDefinition fails without container definitions; a task with no essential container is rejected.',
  fix: 'Add a container, and leave Essential unset (true) on the main container.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-essential',
  resourceTypes: [TASK_DEFINITION],
  check(task): RuleIssue[] {
    const raw = task.properties.ContainerDefinitions;
    const list = raw === undefined ? [] : toArray(raw);
    if (!list) return [];
    if (list.length === 0) {
      return [{
        property: 'Properties/ContainerDefinitions',
        value: raw,
        problem: 'task definition has no ContainerDefinitions',
        allowed: 'at least one container definition',
        fix: 'Add a container definition with a Name and an Image.',
      }];
    }
    // Quiet unless every container is decidedly non-essential.
    for (const c of list) {
      const def = toObject(c);
      if (!def || def.Essential === undefined || isUnresolved(def.Essential) || toBool(def.Essential) !== false) return [];
    }
    return [{
      property: 'Properties/ContainerDefinitions',
      value: list.map((c) => toObject(c)?.Name),
      problem: `all ${list.length} container(s) set Essential false`,
      allowed: 'at least one essential container',
      fix: 'Set Essential to true (or remove it) on the main container.',
    }];
  },
};
