import { ECS_EXPRESS, ECS_TASK, OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { parseCpuUnits, parseMemoryMiB, toArray, toStr } from '../../rules/values';

export const ORG_FG_01_FARGATE_SIZE: OrgRule = {
  id: 'ORG-FG-01',
  title: 'Fargate task sizes are on the allowed list',
  area: 'org',
  severity: Severity.ERROR,
  description: 'Fargate task definitions and Express services (when they set Cpu and Memory) use a cpu/memory pair from the standard\'s allowed sizes.',
  deployError: 'Deploys, but costs more than the organization allows for one task.',
  fix: 'Use an allowed size, e.g. FargateSize.of(cpu, memoryMiB) with a pair from the list.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size',
  resourceTypes: [ECS_TASK, ECS_EXPRESS],
  appliesTo: (s) => (s.allowedFargateSizes?.length ?? 0) > 0,
  check(resource, _context, standard) {
    // Express services always run on Fargate; their size is judged where the template sets it.
    const compat = toArray(resource.properties.RequiresCompatibilities)?.map(toStr);
    if (resource.type !== ECS_EXPRESS && !compat?.includes('FARGATE')) return [];
    const cpu = parseCpuUnits(resource.properties.Cpu);
    const memory = parseMemoryMiB(resource.properties.Memory);
    if (cpu === undefined || memory === undefined) return [];
    const allowed = (standard.allowedFargateSizes ?? []).map((s) => s.replace(/\s/g, ''));
    if (allowed.includes(`${cpu}/${memory}`)) return [];
    return [{
      property: 'Properties/Cpu',
      value: `${cpu}/${memory}`,
      problem: `Fargate task size cpu ${cpu} / memory ${memory} MiB is not allowed by ${standardLabel(standard)}`,
      allowed: allowed.map((s) => `${s.replace('/', ' cpu / ')} MiB`).join(', '),
      fix: `Use one of the allowed sizes, e.g. cpu ${allowed[0]?.split('/')[0]} with memory ${allowed[0]?.split('/')[1]} MiB`,
    }];
  },
};
