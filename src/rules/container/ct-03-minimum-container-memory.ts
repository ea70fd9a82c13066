import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { toNumber } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

/** Docker 20.10 and later refuses less (19.03 refused less than 4 MiB). */
const MIN_MIB = 6;
const PROPS = ['Memory', 'MemoryReservation'] as const;

export const CT03_MINIMUM_CONTAINER_MEMORY: ResourceRule = {
  id: 'ECS-CT-03',
  title: 'Container Memory and MemoryReservation must be at least 6 MiB',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks container Memory and MemoryReservation against the 6 MiB minimum of the Docker 20.10+ daemon.',
  deployError: 'The container cannot be created ("Minimum memory limit allowed is 6MB"), so the task never starts.',
  fix: 'Give the container at least 6 MiB (realistically far more).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-memory',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/Memory', 'ContainerDefinitions/*/MemoryReservation'],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      for (const prop of PROPS) {
        if (def[prop] === undefined) continue;
        const mib = toNumber(def[prop]);
        if (mib === undefined || mib >= MIN_MIB) continue;
        issues.push({
          property: containerPath(index, prop),
          value: def[prop],
          problem: `${containerLabel(def, index)} ${prop} ${mib} MiB is below the Docker minimum`,
          allowed: `${MIN_MIB} MiB or more`,
          fix: `Set ${prop} to at least ${MIN_MIB} MiB.`,
        });
      }
    }
    return issues;
  },
};
