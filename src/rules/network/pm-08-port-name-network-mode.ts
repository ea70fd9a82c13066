import { ResourceRule, RuleIssue, Severity } from '../rule';
import { portMappings } from './port-mappings';
import { networkMode, TASK_DEFINITION } from '../task/task-facts';

const FIELDS = ['Name', 'AppProtocol'] as const;

export const PM08_PORT_NAME_NETWORK_MODE: ResourceRule = {
  id: 'ECS-PM-08',
  title: 'Port mapping Name and AppProtocol need awsvpc or bridge, and AppProtocol needs a Name',
  area: 'network',
  severity: Severity.ERROR,
  description: 'Flags Name / AppProtocol on port mappings in host or none mode, and AppProtocol without Name.',
  deployError: 'RegisterTaskDefinition fails: name and appProtocol are only supported in awsvpc and bridge modes; appProtocol requires a port mapping name.',
  fix: 'Use the awsvpc or bridge network mode for Service Connect, and name every port mapping that sets AppProtocol.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html#ECS-Type-PortMapping-appProtocol',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/PortMappings/*/Name', 'ContainerDefinitions/*/PortMappings/*/AppProtocol'],
  check(task): RuleIssue[] {
    const mappings = portMappings(task);
    if (mappings.length === 0) return [];
    const mode = networkMode(task);
    const otherMode = mode !== undefined && mode !== 'awsvpc' && mode !== 'bridge';
    const issues: RuleIssue[] = [];
    for (const { container, pointer, mapping } of mappings) {
      if (otherMode) {
        for (const p of FIELDS) {
          if (mapping[p] === undefined) continue;
          issues.push({ property: `${pointer}/${p}`, value: mapping[p], problem: `${container} port mapping sets ${p} in network mode ${mode}`, allowed: `${p} only in awsvpc or bridge mode`, fix: `Remove ${p}, or use the awsvpc or bridge network mode.` });
        }
      }
      if (mapping.AppProtocol !== undefined && mapping.Name === undefined) {
        issues.push({ property: `${pointer}/AppProtocol`, value: mapping.AppProtocol, problem: `${container} port mapping sets AppProtocol without Name`, allowed: 'AppProtocol on named port mappings', fix: 'Add a Name (e.g. "web") to the port mapping.' });
      }
    }
    return issues;
  },
};
