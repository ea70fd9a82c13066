/**
 * Whether an interface endpoint's security groups admit a task's HTTPS. An endpoint created with `open: false` (aws-cdk-lib)
 * and no ingress rule for the tasks is present but unreachable: tasks time out exactly as without it.
 */
import { coversPort, loadBalancingIndex, SECURITY_GROUP } from './load-balancing-index';
import { EndpointService, NetworkIndex } from './network-index';
import { AssemblyModel, TemplateResource } from '../model';
import { toArray } from '../values';

/** Whether something in a VPC reaches an interface endpoint service: none there, none whose security groups admit it, or one. */
export type EndpointReach = 'absent' | 'closed' | 'reachable';

/**
 * The reach of `service` from a VPC (`vpcKey`) for resources in `groups` (read only when the VPC has such an endpoint:
 * undefined, unknown groups). `open: false` without an ingress rule for them is 'closed': they time out as without it.
 */
export function endpointReach(index: NetworkIndex, vpcKey: string, service: EndpointService,
  groups: () => ReadonlySet<TemplateResource> | undefined, assembly: AssemblyModel): EndpointReach {
  if (!index.endpoints(vpcKey)?.has(service)) return 'absent';
  const set = groups();
  return index.interfaceEndpoints(vpcKey, service).some((e) => endpointAdmits(e, set, assembly)) ? 'reachable' : 'closed';
}

/**
 * False only when every security group of the endpoint is in the assembly with all its ingress rules known, and no rule
 * covers TCP 443 from an address range, from one of `taskGroups`, or from a source the template does not decide.
 * `taskGroups` undefined: the tasks' groups are unknown (the VPC default group, or outside the app), so any group may be one.
 */
export function endpointAdmits(endpoint: TemplateResource, taskGroups: ReadonlySet<TemplateResource> | undefined, assembly: AssemblyModel): boolean {
  const refs = toArray(endpoint.properties.SecurityGroupIds);
  // No groups: the VPC's default group, whose rules the template does not show.
  if (!refs || refs.length === 0) return true;
  const index = loadBalancingIndex(assembly);
  for (const ref of refs) {
    const group = assembly.resolveResource(ref, endpoint.stack);
    if (group?.type !== SECURITY_GROUP) return true;
    const rules = index.ingressOf(group);
    if (rules === undefined) return true;
    for (const rule of rules) {
      if (coversPort(rule, 'tcp', 443) === 'no') continue;
      const source = rule.source;
      if (source.kind !== 'group' || !taskGroups || taskGroups.has(source.group)) return true;
    }
  }
  return false;
}

/** The security groups a list names, in order, when all are in the assembly; undefined otherwise (none named: the VPC's default group). */
export function securityGroupList(value: unknown, from: TemplateResource, assembly: AssemblyModel): readonly TemplateResource[] | undefined {
  const refs = toArray(value);
  if (!refs || refs.length === 0) return undefined;
  const groups = refs.map((r) => assembly.resolveResource(r, from.stack));
  return groups.every((g) => g?.type === SECURITY_GROUP) ? groups as TemplateResource[] : undefined;
}

/** `securityGroupList` as a set, for membership. */
export function securityGroupsOf(value: unknown, from: TemplateResource, assembly: AssemblyModel): ReadonlySet<TemplateResource> | undefined {
  const list = securityGroupList(value, from, assembly);
  return list && new Set(list);
}
