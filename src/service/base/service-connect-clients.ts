/**
 * KIT-SERVICE-CONNECT-CLIENT: a Service Connect server opened to a service that is not a Service Connect client.
 * Only a client's tasks get the Envoy proxy that resolves `http://<dnsName>:<port>`; any other service reaches the
 * open port only by task IP, which changes with every deployment. ECS deploys both and the calls fail at run time.
 */
import { Annotations, CfnElement, IResolvable, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct, IConstruct } from 'constructs';
import { formatMessage } from '../../rules/engine';

/** Peers given to allowFrom, by server: checked once, at synth, when every service has its final settings. */
const PEERS = new WeakMap<Construct, Set<ecs.BaseService>>();

/**
 * Record that `peer` may reach the Service Connect server `server` (its ECS service: `serverService`).
 * Peers that are not ECS services (load balancers, security groups, CIDRs) are not checked.
 */
export function checkServiceConnectClient(server: Construct, serverService: ecs.BaseService, peer: ec2.IConnectable): void {
  const client = ecsServiceOf(peer);
  if (!client || client === serverService) return;
  let peers = PEERS.get(server);
  if (!peers) {
    PEERS.set(server, peers = new Set());
    // At synth, not now: enableServiceConnect() or enableCloudMap() may still be called on either service.
    server.node.addValidation({ validate: () => warnNonClients(server, serverService, peers!) });
  }
  peers.add(client);
}

/** The ECS service behind a connectable: an aws-cdk-lib service, or a kit service's `service`. */
function ecsServiceOf(peer: ec2.IConnectable): ecs.BaseService | undefined {
  if (peer instanceof ecs.BaseService) return peer;
  const inner = (peer as { service?: unknown }).service;
  return inner instanceof ecs.BaseService ? inner : undefined;
}

function warnNonClients(server: Construct, serverService: ecs.BaseService, peers: ReadonlySet<ecs.BaseService>): string[] {
  const serverConfig = serviceConnect(serverService);
  // Reached another way as well: Cloud Map DNS records or VPC Lattice.
  if (!serverConfig?.services || reachedOtherwise(serverService)) return [];
  for (const client of peers) {
    const config = serviceConnect(client);
    const problem = !config ? 'is not a Service Connect client'
      : namespacesDiffer(serverConfig, config) ? `is a Service Connect client of another namespace (${describe(config)}, not ${describe(serverConfig)})` : undefined;
    if (!problem) continue;
    Annotations.of(server).addWarningV2('KIT-SERVICE-CONNECT-CLIENT', formatMessage('KIT-SERVICE-CONNECT-CLIENT', server.node.path, {
      problem: `allowFrom opens this Service Connect server to service ${displayPath(client)}, which ${problem}, so its tasks cannot resolve the server's Service Connect name`,
      allowed: `a client with Service Connect enabled in the server's namespace (${describe(serverConfig)})`,
      fix: 'Give the client serviceConnect: {} (kit services) or call enableServiceConnect() on it (aws-cdk-lib services)',
    }));
  }
  return [];
}

interface RenderedServiceConnect {
  /** The namespace as resolved in the service's stack: a name, an ARN or a reference. */
  readonly namespace: unknown;
  readonly stack: Stack;
  readonly services?: unknown[];
}

/** The service's Service Connect configuration as it will render, when enabled. */
function serviceConnect(service: ecs.BaseService): RenderedServiceConnect | undefined {
  const cfn = service.node.defaultChild as ecs.CfnService | undefined;
  if (!cfn) return undefined;
  const stack = Stack.of(cfn);
  const value = stack.resolve(cfn.serviceConnectConfiguration as IResolvable | undefined);
  if (!value || typeof value !== 'object' || value.enabled === false) return undefined;
  const services = value.services;
  return { namespace: value.namespace, stack, services: Array.isArray(services) && services.length > 0 ? services : undefined };
}

/**
 * Two names, two ARNs, or two references within one stack. Anything else (a name and an ARN, an import from another
 * stack, an unresolved value) may be the same namespace: not compared.
 */
function namespacesDiffer(a: RenderedServiceConnect, b: RenderedServiceConnect): boolean {
  if (typeof a.namespace === 'string' && typeof b.namespace === 'string') {
    return a.namespace.startsWith('arn:') === b.namespace.startsWith('arn:') && a.namespace !== b.namespace;
  }
  const isRef = (v: unknown) => !!v && typeof v === 'object' && ('Ref' in v || 'Fn::GetAtt' in v);
  return a.stack === b.stack && isRef(a.namespace) && isRef(b.namespace) && JSON.stringify(a.namespace) !== JSON.stringify(b.namespace);
}

/** A namespace for the message: its name or ARN, or the construct path of the namespace it refers to (only for a warning). */
function describe(config: RenderedServiceConnect): string {
  const ns = config.namespace as { 'Ref'?: unknown; 'Fn::GetAtt'?: unknown[] } | string | undefined;
  if (typeof ns === 'string') return `'${ns}'`;
  const id = ns?.Ref ?? ns?.['Fn::GetAtt']?.[0];
  if (typeof id !== 'string') return 'the namespace it names';
  const element = config.stack.node.findAll().find((c) => CfnElement.isCfnElement(c) && config.stack.resolve(c.logicalId) === id);
  return `namespace ${element?.node.scope?.node.path ?? id}`;
}

/** Clients without Service Connect can still reach a service with Cloud Map DNS records or VPC Lattice targets. */
function reachedOtherwise(service: ecs.BaseService): boolean {
  const cfn = service.node.defaultChild as ecs.CfnService | undefined;
  if (!cfn) return true;
  const stack = Stack.of(cfn);
  const listed = (v: unknown) => {
    const resolved = stack.resolve(v);
    return Array.isArray(resolved) ? resolved.length > 0 : resolved !== undefined;
  };
  return listed(cfn.serviceRegistries) || listed(cfn.vpcLatticeConfigurations);
}

/** A kit service by its own path (its ECS service is `<path>/Service`). */
function displayPath(service: IConstruct): string {
  const parent = service.node.scope;
  return service.node.id === 'Service' && parent && (parent as { service?: unknown }).service === service ? parent.node.path : service.node.path;
}
