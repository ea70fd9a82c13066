import { TemplateResource } from '../model';
import { portMappings } from './port-mappings';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { serviceTask } from '../service/service-facts';
import { containers } from '../task/task-facts';
import { toArray, toNumber, toObject, toStr } from '../values';

const SERVICE = 'AWS::ECS::Service';
const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';

/** True when the named container maps containerPort to a dynamic host port (HostPort 0). */
function dynamicHostPort(task: TemplateResource, name: string, port: number): boolean {
  for (const { def } of containers(task)) {
    if (toStr(def.Name) !== name) continue;
    const list = toArray(def.PortMappings);
    if (!list) continue;
    for (const pm of list) {
      const m = toObject(pm);
      if (m && m.HostPort !== undefined && toNumber(m.HostPort) === 0 && toNumber(m.ContainerPort) === port) return true;
    }
  }
  return false;
}

/** True when a container of the task maps a fixed host port equal to `port`: the instance answers there. */
function staticHostPort(task: TemplateResource, port: number): boolean {
  return portMappings(task).some((m) => toNumber(m.mapping.HostPort) === port);
}

export const PM10_DYNAMIC_PORT_HEALTH_CHECK: ResourceRule = {
  id: 'ECS-PM-10',
  title: 'Containers on dynamic host ports need a traffic-port target group health check',
  area: 'network',
  severity: Severity.ERROR,
  description: 'Flags a service load balancer entry whose container maps its port to HostPort 0 (dynamic, bridge mode) while the target group health-checks a fixed HealthCheckPort that no container of the task maps as a fixed host port. Same check as cfn-lint E3049, which does not look for such a mapping.',
  deployError: 'Health checks hit a port no task listens on: every task is marked unhealthy and replaced, so the service never reaches a steady state and the stack update fails.',
  fix: 'Set the target group HealthCheckPort to traffic-port (or omit it).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_portmappings',
  resourceTypes: [SERVICE],
  check(service, ctx: RuleContext): RuleIssue[] {
    const entries = toArray(service.properties.LoadBalancers);
    if (!entries || entries.length === 0) return [];
    const task = serviceTask(service, ctx);
    if (!task) return [];
    const issues: RuleIssue[] = [];
    for (let i = 0; i < entries.length; i++) {
      const lb = toObject(entries[i]);
      const name = toStr(lb?.ContainerName);
      const port = toNumber(lb?.ContainerPort);
      if (name === undefined || port === undefined || !dynamicHostPort(task, name, port)) continue;
      const tg = ctx.assembly.resolveReference(lb?.TargetGroupArn, service.stack)?.resource;
      if (tg?.type !== TARGET_GROUP) continue;
      const hcPort = tg.properties.HealthCheckPort;
      const literal = toStr(hcPort);
      if (hcPort === undefined || literal === undefined || literal === 'traffic-port') continue;
      // A fixed health port the task maps itself (8081:8081 next to the dynamic port) is answered on every instance it runs on.
      if (staticHostPort(task, Number(literal))) continue;
      issues.push({
        property: `Properties/LoadBalancers/${i}`,
        value: hcPort,
        problem: `container '${name}' port ${port} uses a dynamic host port, but target group ${tg.path} health-checks fixed port ${literal}`,
        allowed: 'HealthCheckPort traffic-port (the default) with dynamic host ports',
        fix: `Set HealthCheckPort of ${tg.path} to traffic-port, or remove it.`,
      });
    }
    return issues;
  },
};
