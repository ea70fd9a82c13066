import { AssemblyModel, TemplateResource } from '../model';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toStr } from '../values';
import { resolveCluster } from './cluster-providers';
import { ecsNameProblem, suggestEcsName } from './name-format';
import { SERVICE } from './service-facts';

export const SV24_SERVICE_NAME: ResourceRule = {
  id: 'ECS-SV-24',
  title: 'Service name: 1-255 letters, digits, hyphens, underscores; unique in its cluster',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks a literal ServiceName against the 1-255 [a-zA-Z0-9_-] format, and flags two services of the assembly with the same literal ServiceName on the same (resolved) cluster; services with a Condition may not exist and are not compared.',
  deployError: 'CreateService fails with an invalid service name, or the second service with the same name cannot be created in the cluster.',
  fix: 'Use a unique ServiceName of letters, digits, hyphens and underscores, or omit it and let CloudFormation generate one.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceName'],
  check(service, ctx): RuleIssue[] {
    const name = toStr(service.properties.ServiceName);
    if (name === undefined) return [];
    const problem = ecsNameProblem(name);
    if (problem) {
      return [{
        property: 'Properties/ServiceName',
        value: service.properties.ServiceName,
        problem: `ServiceName ${JSON.stringify(name)} ${problem}`,
        allowed: '1 to 255 letters, digits, hyphens (-) and underscores (_)',
        fix: `Rename the service, for example to ${JSON.stringify(suggestEcsName(name))}.`,
      }];
    }
    // A service with a Condition may not exist (two with opposite conditions often share a name).
    if (service.json.Condition !== undefined) return [];
    const cluster = resolveCluster(service.properties.Cluster, service, ctx);
    if (!cluster) return [];
    // Report on every service after the first one with the same name in the cluster.
    const same = servicesNamed(ctx.assembly, name).filter((s) => resolveCluster(s.properties.Cluster, s, ctx) === cluster);
    if (same.length < 2 || same[0] === service) return [];
    return [{
      property: 'Properties/ServiceName',
      value: service.properties.ServiceName,
      problem: `ServiceName ${JSON.stringify(name)} is also used by ${same[0].path} in cluster ${cluster.path}`,
      allowed: 'service names unique within a cluster',
      fix: `Rename one of the services (for example ${JSON.stringify(`${name}-2`.slice(0, 255))}) or omit ServiceName.`,
    }];
  },
};

/** Services without a Condition by literal ServiceName, in assembly order; one index per assembly instead of a scan per service. */
function servicesNamed(assembly: AssemblyModel, name: string): readonly TemplateResource[] {
  const byName = assembly.derived(servicesNamed, (a) => {
    const index = new Map<string, TemplateResource[]>();
    for (const stack of a.stacks) {
      for (const s of stack.ofType(SERVICE)) {
        const own = toStr(s.properties.ServiceName);
        if (own === undefined || s.json.Condition !== undefined) continue;
        const list = index.get(own);
        if (list) list.push(s);
        else index.set(own, [s]);
      }
    }
    return index;
  });
  return byName.get(name) ?? [];
}
