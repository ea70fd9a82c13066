import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { toStr } from '../values';
import { containerPath, containers } from './container-facts';

const NAME = /^[A-Za-z0-9_-]{1,255}$/;

export const CT01_CONTAINER_NAME: ResourceRule = {
  id: 'ECS-CT-01',
  title: 'Container names: 1-255 letters, digits, hyphens and underscores, unique in the task',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks the format of literal container Names and that no two containers of a task definition share a name. aws-cdk-lib checks neither.',
  deployError: 'RegisterTaskDefinition fails: invalid container name, or duplicate container names in the task definition.',
  fix: 'Give every container a unique name made of A-Z, a-z, 0-9, "-" and "_".',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-name',
  resourceTypes: [TASK_DEFINITION],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    const list = containers(task);
    // Duplicates need two containers; most tasks have one.
    const seen = list.length > 1 ? new Map<string, number>() : undefined;
    for (const { index, def } of list) {
      const name = toStr(def.Name);
      if (name === undefined) continue;
      if (!NAME.test(name)) {
        const bad = [...new Set(name.replace(/[A-Za-z0-9_-]/g, ''))].map((ch) => JSON.stringify(ch));
        issues.push({
          property: containerPath(index, 'Name'),
          value: def.Name,
          problem: name.length === 0 ? `container #${index} Name is empty`
            : name.length > 255 ? `container #${index} Name is ${name.length} characters long`
              : `container '${name}' Name contains ${bad.join(', ')}`,
          allowed: '1-255 characters: A-Z, a-z, 0-9, "-" and "_"',
          fix: name.length > 255 ? 'Shorten the container name to 255 characters or fewer.' : 'Replace the other characters with "-" or "_".',
        });
      }
      const first = seen?.get(name);
      if (first !== undefined) {
        issues.push({
          property: containerPath(index, 'Name'),
          value: def.Name,
          problem: `container #${index} Name '${name}' is already used by container #${first}`,
          allowed: 'a name used by one container only',
          fix: `Rename one of the two '${name}' containers.`,
        });
      } else {
        seen?.set(name, index);
      }
    }
    return issues;
  },
};
