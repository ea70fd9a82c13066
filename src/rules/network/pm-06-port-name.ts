import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { toStr } from '../values';
import { portMappings } from './port-mappings';

const MAX = 64;
/** Non-empty, allowed characters only, no leading hyphen (length is checked apart). */
const VALID = /^[a-z0-9_][a-z0-9_-]*$/;

export const PM06_PORT_NAME: ResourceRule = {
  id: 'ECS-PM-06',
  title: 'Port mapping name: up to 64 lowercase letters, digits, _ and -',
  area: 'network',
  severity: Severity.ERROR,
  description: 'Checks literal port mapping Name values (used by Service Connect and VPC Lattice): at most 64 characters of lowercase letters, digits, underscores and hyphens, not starting with a hyphen. aws-cdk-lib only rejects empty names.',
  deployError: 'RegisterTaskDefinition fails: invalid port mapping name.',
  fix: 'Use a lowercase name such as "http" or "grpc-api".',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/PortMappings/*/Name'],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const pm of portMappings(task)) {
      const name = toStr(pm.mapping.Name);
      if (name === undefined) continue;
      if (name.length <= MAX && VALID.test(name)) continue;
      let problem: string;
      if (name.length === 0) problem = 'is empty';
      else if (name.length > MAX) problem = `is ${name.length} characters long`;
      else if (name.startsWith('-')) problem = 'starts with a hyphen';
      else problem = `contains ${[...new Set(name.replace(/[a-z0-9_-]/g, ''))].map((c) => JSON.stringify(c)).join(', ')}`;
      const suggestion = name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+/, '').slice(0, MAX) || 'http';
      issues.push({
        property: `${pm.pointer}/Name`,
        value: pm.mapping.Name,
        problem: `${pm.container} port mapping Name ${JSON.stringify(name)} ${problem}`,
        allowed: `up to ${MAX} lowercase letters, digits, underscores (_) and hyphens (-), not starting with a hyphen`,
        fix: `Rename the port mapping to ${JSON.stringify(suggestion)} and use the same name in the Service Connect configuration.`,
      });
    }
    return issues;
  },
};
