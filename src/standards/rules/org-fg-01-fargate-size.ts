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
      fix: sizeAdvice(cpu, memory, allowed),
    }];
  },
};

/**
 * The cheapest allowed size that holds the task (cpu and memory both at least its own), or, when none does, the
 * largest allowed size. Ordered by Fargate's Linux/x86 price per hour (vCPU $0.04048, GB $0.004445 in us-east-1):
 * only the order matters.
 */
function sizeAdvice(cpu: number, memory: number, allowed: readonly string[]): string {
  const sizes = allowed.map((s) => s.split('/').map(Number)).filter(([c, m]) => c > 0 && m > 0)
    .sort(([c1, m1], [c2, m2]) => (c1 * 0.04048 + m1 * 0.004445) - (c2 * 0.04048 + m2 * 0.004445));
  const fits = sizes.find(([c, m]) => c >= cpu && m >= memory);
  if (fits) return `Use cpu ${fits[0]} with memory ${fits[1]} MiB, the smallest allowed size that holds this task`;
  const largest = sizes[sizes.length - 1];
  if (!largest) return 'Use an allowed size';
  return `No allowed size holds cpu ${cpu} / memory ${memory} MiB: lower the task to at most cpu ${largest[0]} / memory ${largest[1]} MiB `
    + '(the largest allowed), or acknowledge ORG-FG-01 on it with the approval\'s reason';
}
