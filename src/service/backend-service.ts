import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { Construct } from 'constructs';
import { ServiceBase } from './base/service-base';
import { ReplicaServiceProps } from './base/service-props';

/** Props of a BackendService. */
export interface BackendServiceProps extends ReplicaServiceProps {
  /**
   * Cloud Map namespace for Service Connect.
   * @default - serviceConnect.cloudMapNamespace, else the cluster's default namespace (EcsCluster defaultCloudMapNamespace)
   */
  readonly cloudMapNamespace?: servicediscovery.INamespace;
  /**
   * Named port mapping to publish: of the main container, or of a sidecar such as a proxy.
   * @default - the main container's first named port mapping, else a sidecar's
   */
  readonly portMappingName?: string;
  /** Name clients use (`http://<dnsName>:<port>`). @default - the port mapping name */
  readonly dnsName?: string;
  /**
   * Name the service is registered under in the Cloud Map namespace, which must be unique there (ECS-SC-14).
   * Set it when two services publish port mappings of the same name.
   * @default - the port mapping name
   */
  readonly discoveryName?: string;
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
    const sc = props.serviceConnect;
    super(scope, id, {
      ...props,
      serviceConnect: {
        ...sc,
        cloudMapNamespace: props.cloudMapNamespace ?? sc?.cloudMapNamespace,
        portMappingName: props.portMappingName ?? sc?.portMappingName,
        dnsName: props.dnsName ?? sc?.dnsName,
        discoveryName: props.discoveryName ?? sc?.discoveryName,
        clientPort: props.clientPort ?? sc?.clientPort,
      },
    }, { serviceConnectServer: true });
    this.portMappingName = this.serviceConnectPortName!;
  }
}
