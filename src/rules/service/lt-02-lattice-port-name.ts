import { ResourceRule, RuleIssue, Severity } from '../rule';
import { containers } from '../task/task-facts';
import { toArray, toObject, toStr } from '../values';
import { LATTICE_SOURCE, latticeConfigurations } from './lattice-facts';
import { SERVICE, serviceTask } from './service-facts';

export const LT02_LATTICE_PORT_NAME: ResourceRule = {
  id: 'ECS-LT-02',
  title: 'VPC Lattice port name is a named port mapping of the task definition',
  area: 'service',
  severity: Severity.ERROR,
  description: 'PortName of each VpcLatticeConfigurations entry must be the name of a port mapping in the service\'s task definition (checked when the task definition is in the assembly and its containers resolve).',
  deployError: 'CreateService fails: the port name in vpcLatticeConfigurations does not match a port mapping in the task definition.',
  fix: 'Name the container port mapping (portMappings: [{ containerPort, name }]) and use that name.',
  source: LATTICE_SOURCE,
  resourceTypes: [SERVICE],
  onlyWith: ['VpcLatticeConfigurations'],
  check(service, ctx): RuleIssue[] {
    const entries = latticeConfigurations(service);
    if (entries.length === 0) return [];
    const task = serviceTask(service, ctx);
    if (!task) return [];
    const defs = containers(task);
    if (defs.length === 0) return [];
    const names = new Set<string>();
    for (const { def } of defs) {
      const mappings = toArray(def.PortMappings);
      if (def.PortMappings !== undefined && !mappings) return []; // unresolved list: cannot decide
      for (const m of mappings ?? []) {
        const raw = toObject(m)?.Name;
        if (raw === undefined) continue;
        const name = toStr(raw);
        if (name === undefined) return [];
        names.add(name);
      }
    }
    return entries.flatMap(({ pointer, def }) => {
      const port = toStr(def.PortName);
      if (port === undefined || names.has(port)) return [];
      return [{ property: `${pointer}/PortName`, value: port, problem: `VPC Lattice PortName '${port}' is not a port mapping name of the task definition`, allowed: names.size ? [...names].join(', ') : 'none: no port mapping has a name', fix: 'Use the name of a port mapping, or name the port mapping.' }];
    });
  },
};
