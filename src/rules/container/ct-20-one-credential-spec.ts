import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { toArray } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

export const CT20_ONE_CREDENTIAL_SPEC: ResourceRule = {
  id: 'ECS-CT-20',
  title: 'A container can have only one credential spec',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Flags containers whose CredentialSpecs (gMSA) list more than one entry.',
  deployError: 'RegisterTaskDefinition fails: only one credentialspec is allowed per container definition.',
  fix: 'Keep one credential spec per container.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-credentialSpecs',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/CredentialSpecs'],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      const specs = toArray(def.CredentialSpecs);
      if (!specs || specs.length <= 1) continue;
      issues.push({
        property: containerPath(index, 'CredentialSpecs'),
        value: def.CredentialSpecs,
        problem: `${containerLabel(def, index)} has ${specs.length} CredentialSpecs`,
        allowed: 'one credential spec per container',
        fix: 'Keep a single credentialspec: (or credentialspecdomainless:) entry.',
      });
    }
    return issues;
  },
};
