import { ECS_EXPRESS, ECS_TASK, OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { parseCpuUnits } from '../../rules/values';

export const ORG_FG_02_MAX_TASK_VCPU: OrgRule = {
  id: 'ORG-FG-02',
  title: 'Tasks stay within the maximum vCPU',
  area: 'org',
  severity: Severity.ERROR,
  description: 'Task definitions and Express services with a Cpu ask for at most the standard\'s maximum vCPU per task.',
  deployError: 'Deploys, but one task costs more than the organization allows.',
  fix: 'Lower the task cpu, or split the work across more tasks.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size',
  resourceTypes: [ECS_TASK, ECS_EXPRESS],
  appliesTo: (s) => s.maxTaskVcpu !== undefined,
  check(resource, _context, standard) {
    const cpu = parseCpuUnits(resource.properties.Cpu);
    const max = (standard.maxTaskVcpu ?? 0) * 1024;
    if (cpu === undefined || cpu <= max) return [];
    return [{
      property: 'Properties/Cpu',
      value: cpu,
      problem: `Task cpu ${cpu} (${cpu / 1024} vCPU) is above the ${standard.maxTaskVcpu} vCPU maximum of ${standardLabel(standard)}`,
      allowed: `cpu up to ${max} (${standard.maxTaskVcpu} vCPU)`,
      fix: `Use cpu ${max} or less`,
    }];
  },
};
