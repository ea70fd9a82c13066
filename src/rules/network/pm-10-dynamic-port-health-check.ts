import { TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { containers, TASK_DEFINITION } from '../task/task-facts';
import { toArray, toNumber, toObject, toStr } from '../values';

const SERVICE = 'AWS::ECS::Service';
const TARGET_GROUP = 'AWS::ElasticLoadBalancingV2::TargetGroup';

/** True when the named container maps containerPort to a dynamic host port (HostPort 0). */
function dynamicHostPort(task: TemplateResource, name: string, port: number): boolean {
  return containers(task).some(({ def }) => toStr(def.Name) === name && (toArray(def.PortMappings) ?? []).some((pm) => {
    const m = toObject(pm);
    return toNumber(m?.ContainerPort) === port && m?.HostPort !== undefined && toNumber(m.HostPort) === 0;
  }));
}

export const PM10_DYNAMIC_PORT_HEALTH_CHECK: ResourceRule = {
  id: 'ECS-PM-10',
  title: 'Containers on dynamic host ports need a traffic-port target group health check',
  area: 'network',
  severity: Severity.ERROR,
  description: 'Flags a service load balancer entry whose container maps its port to HostPort 0 (dynamic, bridge mode) while the target group health-checks a fixed HealthCheckPort. Same check as cfn-lint E3049.',
  deployError: 'Health checks hit a port no task listens on: every task is marked unhealthy and replaced, so the service never reaches a steady state and the stack update fails.',
  fix: 'Set the target group HealthCheckPort to traffic-port (or omit it).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_portmappings',
  resourceTypes: [SERVICE],
  check(service, ctx: RuleContext): RuleIssue[] {
    const task = ctx.assembly.resolveResource(service.properties.TaskDefinition, service.stack);
    if (task?.type !== TASK_DEFINITION) return [];
    const issues: RuleIssue[] = [];
    (toArray(service.properties.LoadBalancers) ?? []).forEach((entry, i) => {
      const lb = toObject(entry);
      const name = toStr(lb?.ContainerName);
      const port = toNumber(lb?.ContainerPort);
      const ref = ctx.assembly.resolveReference(lb?.TargetGroupArn, service.stack);
      const tg = ref?.resource;
      if (name === undefined || port === undefined || tg?.type !== TARGET_GROUP || !dynamicHostPort(task, name, port)) return;
      const hcPort = tg.properties.HealthCheckPort;
      const literal = toStr(hcPort);
      if (hcPort === undefined || literal === undefined || literal === 'traffic-port') return;
      issues.push({
        property: `Properties/LoadBalancers/${i}`,
        value: hcPort,
        problem: `container '${name}' port ${port} uses a dynamic host port, but target group ${tg.path} health-checks fixed port ${literal}`,
        allowed: 'HealthCheckPort traffic-port (the default) with dynamic host ports',
        fix: `Set HealthCheckPort of ${tg.path} to traffic-port, or remove it.`,
      });
    });
    return issues;
  },
};
