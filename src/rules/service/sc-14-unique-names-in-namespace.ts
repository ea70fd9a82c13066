import { AssemblyModel, TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { toArray, toNumber, toObject, toStr } from '../values';
import { resolveCluster } from './cluster-providers';
import { serviceConnectServices } from './service-connect';
import { SERVICE } from './service-facts';

export const SC14_UNIQUE_NAMES_IN_NAMESPACE: ResourceRule = {
  id: 'ECS-SC-14',
  title: 'Service Connect discovery names and client aliases are unique in their namespace',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Across the services of the assembly that publish Service Connect endpoints in the same namespace (the service\'s Namespace, else its '
    + 'cluster\'s ServiceConnectDefaults namespace, by reference or literal), flags a discovery name (DiscoveryName, else the PortName) or a client alias '
    + '(DnsName and Port) that an earlier service already publishes. Services with a Condition, and unresolved names or namespaces, are skipped. '
    + 'aws-cdk-lib checks only within one service.',
  deployError: 'CreateService fails for the second service: the discovery name (the Cloud Map service ECS creates) or the client alias already exists '
    + 'in the namespace; with the port mapping name as the default discovery name, two services whose port mappings are both named "http" clash.',
  fix: 'Give each service its own discovery name and alias: name its port mapping after the service, or set DiscoveryName and the alias DnsName.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration/Services'],
  check(service, ctx): RuleIssue[] {
    const index = publishedNames(ctx);
    const issues: RuleIssue[] = [];
    for (const e of index.endpoints.get(service) ?? []) {
      const first = index.first.get(e.key);
      if (!first || first.service === service) continue;
      const name = JSON.stringify(suggestion(service, first.service, e.value));
      const setDiscoveryName = 'set a DiscoveryName of its own (the kit: discoveryName, or serviceConnect.discoveryName; aws-cdk-lib: '
        + 'serviceConnectConfiguration.services[].discoveryName)';
      issues.push({
        property: e.pointer,
        value: e.value,
        problem: `${e.what} ${e.value} is already published by ${first.service.path} in Service Connect namespace ${e.namespace.label}`,
        allowed: 'discovery names and client aliases (name and port) unique within a namespace',
        fix: e.what === 'client alias'
          ? `Set a client alias dnsName of its own (the kit: dnsName, or serviceConnect.dnsName), e.g. ${name}.`
          // A DiscoveryName already set wins over the port name: renaming the port mapping would change nothing.
          : e.pointer.endsWith('/DiscoveryName') ? `Change the DiscoveryName to one of its own, e.g. ${name} (the kit: discoveryName).`
            : `Name the port mapping after the service, e.g. ${name} (kit services publish the port mapping's name), or ${setDiscoveryName}.`,
      });
    }
    return issues;
  },
};

interface Endpoint {
  readonly key: string;
  readonly what: 'discovery name' | 'client alias';
  readonly value: string;
  readonly pointer: string;
  /** The namespace; its label names a resource by path, read only for a finding. */
  readonly namespace: { readonly label: string };
}

/**
 * The endpoints of each service of the assembly without a Condition, and the first service to publish each endpoint
 * key; built once per assembly, so each service's namespace and names are read once.
 */
function publishedNames(ctx: RuleContext): { endpoints: Map<TemplateResource, Endpoint[]>; first: Map<string, { service: TemplateResource }> } {
  return ctx.assembly.derived(publishedNames, (a: AssemblyModel) => {
    const endpoints = new Map<TemplateResource, Endpoint[]>();
    const first = new Map<string, { service: TemplateResource }>();
    for (const stack of a.stacks) {
      for (const s of stack.ofType(SERVICE)) {
        // A service with a Condition may not exist (blue and green often share names): neither reported nor compared.
        if (s.json.Condition !== undefined) continue;
        const own = endpointsOf(s, ctx);
        endpoints.set(s, own);
        for (const e of own) if (!first.has(e.key)) first.set(e.key, { service: s });
      }
    }
    return { endpoints, first };
  });
}

/** Discovery names and client aliases a service publishes, keyed by namespace; none when the namespace is unresolved. */
function endpointsOf(service: TemplateResource, ctx: RuleContext): Endpoint[] {
  const entries = serviceConnectServices(service);
  if (entries.length === 0) return [];
  const namespace = namespaceOf(service, ctx);
  if (!namespace) return [];
  const out: Endpoint[] = [];
  for (const { pointer, def } of entries) {
    const port = toStr(def.PortName);
    const discovery = def.DiscoveryName === undefined ? port : toStr(def.DiscoveryName);
    if (discovery !== undefined) {
      out.push({
        key: `${namespace.key}|d|${discovery}`,
        what: 'discovery name',
        value: discovery,
        namespace,
        pointer: `${pointer}/${def.DiscoveryName === undefined ? 'PortName' : 'DiscoveryName'}`,
      });
    }
    (toArray(def.ClientAliases) ?? []).forEach((raw, i) => {
      const alias = toObject(raw);
      const aliasPort = toNumber(alias?.Port);
      const dns = alias?.DnsName === undefined ? discovery : toStr(alias.DnsName);
      if (dns === undefined || aliasPort === undefined) return;
      out.push({
        key: `${namespace.key}|a|${dns}:${aliasPort}`,
        what: 'client alias',
        value: `${dns}:${aliasPort}`,
        namespace,
        pointer: `${pointer}/ClientAliases/${i}`,
      });
    });
  }
  return out;
}

/** The namespace a service publishes in: its own, else its cluster's default; by resource when referenced, else by literal. */
function namespaceOf(service: TemplateResource, ctx: RuleContext): { key: string; label: string } | undefined {
  const own = toObject(service.properties.ServiceConnectConfiguration)?.Namespace;
  if (own !== undefined) return namespaceKey(own, service, ctx);
  const cluster = resolveCluster(service.properties.Cluster, service, ctx);
  const defaults = cluster ? toObject(cluster.properties.ServiceConnectDefaults)?.Namespace : undefined;
  return cluster && defaults !== undefined ? namespaceKey(defaults, cluster, ctx) : undefined;
}

function namespaceKey(value: unknown, from: TemplateResource, ctx: RuleContext): { key: string; label: string } | undefined {
  const ref = ctx.assembly.resolveReference(value, from.stack);
  // The path is looked up only when a finding names the namespace.
  if (ref) return { key: `res:${ref.resource.stack.name}/${ref.resource.logicalId}`, get label() { return ref.resource.path; } };
  const name = ctx.assembly.resolveString(value, from.stack);
  return name === undefined ? undefined : { key: `name:${name}`, label: name };
}

/**
 * A name from the service's construct path: its last meaningful segment, lowercased; prefixed with the segment
 * before it (its stack, in most apps) when that would clash again with the name taken or the first service's own.
 */
function suggestion(service: TemplateResource, first: TemplateResource, taken: string): string {
  const parts = (s: TemplateResource) => s.path.split('/').filter((p) => p !== 'Service' && p !== 'Resource').map(nameOf);
  const own = parts(service);
  const plain = own[own.length - 1] || 'api';
  const other = parts(first);
  if (plain !== taken && plain !== other[other.length - 1]) return plain;
  return own.length > 1 ? `${own[own.length - 2]}-${plain}`.slice(0, 64) : `${plain}-2`;
}

function nameOf(segment: string): string {
  return segment.toLowerCase().replace(/[^a-z0-9_-]/g, '-').replace(/^-+/, '').slice(0, 64);
}
