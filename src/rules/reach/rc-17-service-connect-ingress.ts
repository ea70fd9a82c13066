import { securityGroupList } from './endpoint-admission';
import { coversPort, loadBalancingIndex, port, shortPath } from './load-balancing-index';
import { TemplateResource } from '../model';
import { portMappings } from '../network/port-mappings';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { serviceConnectServices } from '../service/service-connect';
import { SERVICE, serviceTask } from '../service/service-facts';
import { networkMode } from '../task/task-facts';
import { toObject, toStr } from '../values';

export const RC17_SERVICE_CONNECT_INGRESS: ResourceRule = {
  id: 'ECS-RC-17',
  title: 'A Service Connect server\'s security groups must admit clients on its port',
  area: 'reach',
  severity: Severity.WARNING,
  description: 'For an awsvpc service that publishes Service Connect endpoints (ServiceConnectConfiguration Services) with security groups that are all in '
    + 'the app: for each endpoint, some ingress rule of those groups (inline SecurityGroupIngress or a separate AWS::EC2::SecurityGroupIngress, from any '
    + 'source) must cover TCP on the port the server\'s Service Connect proxy listens on: IngressPortOverride, else the container port of the named port '
    + 'mapping. Skipped when the service names no security group, a group, rule, port or port mapping is unresolved or outside the app.',
  deployError: 'CloudFormation and ECS deploy it and the tasks turn healthy, but every call from a client service times out: the server\'s security '
    + 'groups drop the clients\' Service Connect proxies.',
  fix: 'Admit the clients on the port: server.connections.allowFrom(client, ec2.Port.tcp(port)) (the kit: backend.allowFrom(client, port)), or an '
    + 'ingress rule from the VPC CIDR.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration/Services'],
  check(service, ctx): RuleIssue[] {
    const endpoints = serviceConnectServices(service);
    if (endpoints.length === 0) return [];
    const task = serviceTask(service, ctx);
    if (!task || networkMode(task) !== 'awsvpc') return [];
    const index = loadBalancingIndex(ctx.assembly);
    // None named (the VPC's default group), or one outside the app: not judged.
    const awsvpc = toObject(toObject(service.properties.NetworkConfiguration)?.AwsvpcConfiguration);
    const groups = securityGroupList(awsvpc?.SecurityGroups, service, ctx.assembly);
    if (!groups) return [];
    const rules = groups.map((g) => index.ingressOf(g));
    if (rules.some((r) => r === undefined)) return [];
    const issues: RuleIssue[] = [];
    for (const { pointer, def } of endpoints) {
      const listening = proxyPort(def, task);
      if (listening === undefined) continue;
      const verdicts = rules.flatMap((r) => r!).map((rule) => coversPort(rule, 'tcp', listening.port));
      if (verdicts.some((v) => v !== 'no')) continue;
      issues.push({
        property: listening.override ? `${pointer}/IngressPortOverride` : `${pointer}/PortName`,
        value: listening.override ? listening.port : def.PortName,
        problem: `clients of Service Connect endpoint ${listening.name} reach its proxy on TCP ${listening.port}, but no ingress rule of security `
          + `group${groups.length > 1 ? 's' : ''} ${groups.map((g) => shortPath(g, service.stack)).join(', ')} admits that port`,
        allowed: `an ingress rule on TCP ${listening.port} from the client services' security groups (or their addresses)`,
        fix: `Admit the clients: server.connections.allowFrom(client, ec2.Port.tcp(${listening.port})), or backend.allowFrom(client, ${listening.port}) on a kit service.`,
      });
    }
    return issues;
  },
};

/** The port the server's proxy listens on (awsvpc): IngressPortOverride, else the named port mapping's container port. */
function proxyPort(def: Record<string, unknown>, task: TemplateResource): { port: number; name: string; override: boolean } | undefined {
  const name = toStr(def.DiscoveryName) ?? toStr(def.PortName);
  if (name === undefined) return undefined;
  if (def.IngressPortOverride !== undefined) {
    const override = port(def.IngressPortOverride);
    return override === undefined ? undefined : { port: override, name, override: true };
  }
  const portName = toStr(def.PortName);
  const mapping = portMappings(task).find((m) => toStr(m.mapping.Name) === portName);
  const containerPort = mapping ? port(mapping.mapping.ContainerPort) : undefined;
  return containerPort === undefined ? undefined : { port: containerPort, name, override: false };
}
