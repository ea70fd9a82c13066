import { portMappings, portMappingsComplete } from '../network/port-mappings';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toStr } from '../values';
import { serviceConnectServices } from './service-connect';
import { SERVICE, serviceTask } from './service-facts';

export const SC02_PORT_NAME: ResourceRule = {
  id: 'ECS-SC-02',
  title: 'Service Connect PortName must name a port mapping of the task definition',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks each ServiceConnectConfiguration.Services PortName against the port mapping names of the task definition (when every container, port mapping and name is literal).',
  deployError: 'CreateService fails: the portName does not match any named port mapping of the task definition.',
  fix: 'Use the Name of a port mapping of the task definition, or add that Name to the port mapping.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html#ECS-Type-ServiceConnectService-portName',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration'],
  check(service, ctx): RuleIssue[] {
    const scServices = serviceConnectServices(service);
    if (scServices.length === 0) return [];
    const task = serviceTask(service, ctx);
    // An Fn::If over the containers or their port mappings may hold the name: skipped, not guessed.
    if (!task || !portMappingsComplete(task)) return [];
    const mappings = portMappings(task);
    const names = mappings.map((m) => (m.mapping.Name === undefined ? null : toStr(m.mapping.Name)));
    if (names.some((n) => n === undefined)) return [];
    const known = names.filter((n): n is string => n !== null);
    return scServices.flatMap(({ pointer, def }) => {
      const portName = toStr(def.PortName);
      if (portName === undefined || known.includes(portName)) return [];
      return [{
        property: `${pointer}/PortName`,
        value: def.PortName,
        problem: `Service Connect PortName ${portName} is not a port mapping name of task definition ${task.path}`,
        allowed: known.length > 0 ? known.join(', ') : 'a named port mapping (the task definition has none)',
        fix: known.length > 0 ? `Use one of ${known.join(', ')}.` : 'Add Name to the container port mapping Service Connect should use.',
      }];
    });
  },
};
