import { ResourceRule, RuleIssue, Severity } from '../rule';
import { networkMode, TASK_DEFINITION } from '../task/task-facts';
import { toArray } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

export const CT14_LINKS_BRIDGE_ONLY: ResourceRule = {
  id: 'ECS-CT-14',
  title: 'Container links work only in the bridge network mode',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Flags Links on containers of task definitions whose network mode is awsvpc, host or none (Fargate included).',
  deployError: 'RegisterTaskDefinition fails: links are only supported when the network mode is bridge.',
  fix: 'Remove Links: in awsvpc mode containers of a task reach each other on localhost.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-links',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/Links'],
  check(task): RuleIssue[] {
    const mode = networkMode(task);
    if (mode === undefined || mode === 'bridge') return [];
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      const links = toArray(def.Links);
      if (!links || links.length === 0) continue;
      issues.push({
        property: containerPath(index, 'Links'),
        value: def.Links,
        problem: `${containerLabel(def, index)} sets Links in network mode ${mode}`,
        allowed: 'Links only in the bridge network mode',
        fix: mode === 'awsvpc' ? 'Remove Links; reach the other container on localhost.' : 'Remove Links, or use the bridge network mode.',
      });
    }
    return issues;
  },
};
