import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { Construct } from 'constructs';
import { ServiceBase } from './base/service-base';
import { ReplicaServiceProps } from './base/service-props';
import { EcsCluster } from '../cluster/ecs-cluster';
import { fail } from '../errors';
import { TaskBase } from '../task/base/task-base';

/** Props of a BackendService. */
export interface BackendServiceProps extends ReplicaServiceProps {
  /**
   * Cloud Map namespace for Service Connect.
   * @default - the cluster's default namespace (cluster.cluster.addDefaultCloudMapNamespace)
   */
  readonly cloudMapNamespace?: servicediscovery.INamespace;
  /** Named port mapping of the main container to publish. @default - its first named port mapping */
  readonly portMappingName?: string;
  /** Name clients use (`http://<dnsName>:<port>`). @default - the port mapping name */
  readonly dnsName?: string;
  /** Port clients use. @default - the container port */
  readonly clientPort?: number;
}

/**
 * An internal service without a load balancer, reached through Service
 * Connect in the cluster's namespace. Its security group takes no ingress
 * until `allowFrom(client, port)` is called for each client service.
 */
export class BackendService extends ServiceBase {
  /** The published port mapping name. */
  public readonly portMappingName: string;

  constructor(scope: Construct, id: string, props: BackendServiceProps) {
    const namespace = props.cloudMapNamespace ?? props.cluster.cluster.defaultCloudMapNamespace;
    const portMappingName = props.portMappingName ?? namedPort(props.task);
    super(scope, id, props, {
      serviceConnectConfiguration: namespace && portMappingName ? {
        namespace: namespace.namespaceArn,
        services: [{ portMappingName, dnsName: props.dnsName, port: props.clientPort }],
        // SC-09: proxy logs go to the task's log group.
        logDriver: ecs.LogDrivers.awsLogs({ logGroup: props.task.logGroup, streamPrefix: 'service-connect' }),
      } : undefined,
    });
    if (!namespace) noNamespace(this.node.path, props.cluster);
    if (!portMappingName) {
      fail({
        code: 'ECS-SC-02',
        path: this.node.path,
        problem: `the main container of ${props.task.node.path} has no named port mapping`,
        allowed: 'a port mapping with a name, e.g. { containerPort: 8080, name: "api" }',
        fix: 'Name the port mapping Service Connect publishes.',
      });
    }
    this.portMappingName = portMappingName;
  }
}

function namedPort(task: TaskBase): string | undefined {
  return task.defaultContainer.portMappings.find((pm) => pm.name)?.name;
}

function noNamespace(path: string, cluster: EcsCluster): never {
  return fail({
    code: 'ECS-SC-01',
    path,
    problem: `cluster ${cluster.node.path} has no default Cloud Map namespace and cloudMapNamespace is not set`,
    allowed: 'a namespace on the service or the cluster',
    fix: 'Call cluster.cluster.addDefaultCloudMapNamespace({ name, useForServiceConnect: true }) or pass cloudMapNamespace.',
  });
}
