import { AssemblyModel, TemplateResource } from '../model';
import { AssemblyRule, RuleIssue, Severity } from '../rule';
import { toNumber, toStr } from '../values';
import { LISTENER, loadBalancingIndex, LOAD_BALANCER, shortPath } from './load-balancing-index';

const UDP = ['UDP', 'TCP_UDP'];

/** Listeners or rules without a Condition: they surely exist. */
function unconditional(resources: readonly TemplateResource[]): TemplateResource[] {
  return resources.filter((r) => r.json.Condition === undefined);
}

/** Two NLB listeners on one port where one is UDP and the other TCP/TLS: not judged. */
function mixedTransport(a: TemplateResource, b: TemplateResource): boolean {
  const pa = toStr(a.properties.Protocol)?.toUpperCase();
  const pb = toStr(b.properties.Protocol)?.toUpperCase();
  if (pa === undefined || pb === undefined) return true;
  return UDP.includes(pa) !== UDP.includes(pb);
}

/** Name of what a key refers to, for messages. */
function target(key: string, assembly: AssemblyModel, from: TemplateResource, type: string): string {
  if (key.startsWith('lit:')) return key.slice(4);
  const [stackName, logicalId] = key.slice(4).split('/');
  const res = assembly.stacks.find((s) => s.name === stackName)?.resource(logicalId);
  return res && res.type === type ? shortPath(res, from.stack) : logicalId;
}

export const RC07_DUPLICATE_LISTENER_PORT: AssemblyRule = {
  id: 'ECS-RC-07',
  title: 'One listener per port on a load balancer, one rule per priority on a listener',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'Groups the AWS::ElasticLoadBalancingV2::Listener resources of the assembly by load balancer (a resource of the assembly, or the same literal ARN) and flags two listeners on the same literal Port, and groups ListenerRule resources by listener and flags two rules with the same literal Priority. Resources with a Condition, unresolved ports or priorities, and UDP next to TCP listeners on a Network Load Balancer are not judged.',
  deployError: 'The second listener or rule fails to create and the stack rolls back: "A listener already exists on this port for this load balancer" (DuplicateListener) or "Priority 10 is currently in use" (PriorityInUse).',
  fix: 'Give each listener of a load balancer its own port, and each rule of a listener its own priority.',
  source: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html',
  checkAssembly(assembly): RuleIssue[] {
    const index = loadBalancingIndex(assembly);
    const issues: RuleIssue[] = [];
    for (const [key, listeners] of index.listenersByLoadBalancer) {
      const byPort = new Map<number, TemplateResource[]>();
      for (const l of unconditional(listeners)) {
        const port = toNumber(l.properties.Port);
        if (port === undefined) continue;
        const earlier = byPort.get(port) ?? [];
        const clash = earlier.find((e) => !mixedTransport(e, l));
        if (clash) {
          const lb = target(key, assembly, l, LOAD_BALANCER);
          issues.push({
            resource: l,
            property: 'Properties/Port',
            value: l.properties.Port,
            problem: `listener port ${port} is already used by listener ${shortPath(clash, l.stack)} on load balancer ${lb}`,
            allowed: 'one listener per port on a load balancer',
            fix: `Use another port, or add this listener's actions as rules of ${shortPath(clash, l.stack)}.`,
          });
        }
        earlier.push(l);
        byPort.set(port, earlier);
      }
    }
    for (const [key, rules] of index.rulesByListener) {
      const byPriority = new Map<number, TemplateResource>();
      for (const r of unconditional(rules)) {
        const priority = toNumber(r.properties.Priority);
        if (priority === undefined) continue;
        const clash = byPriority.get(priority);
        if (clash) {
          issues.push({
            resource: r,
            property: 'Properties/Priority',
            value: r.properties.Priority,
            problem: `listener rule priority ${priority} is already used by rule ${shortPath(clash, r.stack)} on listener ${target(key, assembly, r, LISTENER)}`,
            allowed: 'a priority no other rule of the listener uses (1-50000)',
            fix: 'Give the rule a priority of its own.',
          });
        } else {
          byPriority.set(priority, r);
        }
      }
    }
    return issues;
  },
};
