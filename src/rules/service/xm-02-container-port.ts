import { ResourceRule, RuleIssue, Severity } from '../rule';
import { describeRange, inRange, PORT } from '../tables/capacity-limits';
import { toNumber } from '../values';
import { EXPRESS_SERVICE, primaryContainer } from './express-facts';

export const XM02_CONTAINER_PORT: ResourceRule = {
  id: 'ECS-XM-02',
  title: 'Express service container port is a whole number from 1 to 65535',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks PrimaryContainer.ContainerPort (the port the managed load balancer sends traffic to; 80 when absent).',
  deployError: 'CreateExpressGatewayService fails: invalid container port for the port mapping and target group.',
  fix: 'Use the port the application listens on, 1-65535.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ExpressGatewayContainer.html',
  resourceTypes: [EXPRESS_SERVICE],
  check(service): RuleIssue[] {
    const raw = primaryContainer(service)?.ContainerPort;
    const port = toNumber(raw);
    if (port === undefined || (Number.isInteger(port) && inRange(port, PORT))) return [];
    return [{ property: 'Properties/PrimaryContainer/ContainerPort', value: raw, problem: `Express container port ${port} is not valid`, allowed: describeRange(PORT), fix: 'Set containerPort to the port the application listens on.' }];
  },
};
