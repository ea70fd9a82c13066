/**
 * The shared HTTPS load balancer of one fleet shard, in the base stack, and
 * the view a shard stack holds of it. The view is an imported listener with
 * an immutable security group: rules that aws-cdk-lib would add to the load
 * balancer's group for a target in another stack are placed in the base
 * stack and reference the target's group, which would make the base stack
 * depend on the shard stack. With the view, the target's ingress rule lives
 * in the shard stack and only the shard refers to the base.
 */
import { Stack, Token } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { logAccessLogsInAnyRegion } from '../service/base/access-logs';
import { literalVpcCidr, protectWithWaf } from '../service/base/load-balancer-defaults';
import { LoadBalancedServiceProps, loadBalancerSecurityGroup, loadBalancerSubnets } from '../service/base/load-balancing';

/** Settings every shard load balancer of a fleet shares. */
export interface ShardLoadBalancerSettings {
  readonly vpc: ec2.IVpc;
  readonly certificate: acm.ICertificate;
  readonly listenerPort: number;
  readonly sslPolicy: elbv2.SslPolicy;
  readonly internetFacing: boolean;
  readonly listenerPeer?: ec2.IPeer;
  readonly loadBalancerSubnets?: ec2.SubnetSelection;
  readonly webAclArn?: string;
  readonly deletionProtection: boolean;
  /** Where access logs go; undefined: off. */
  readonly accessLogs?: { readonly bucket: s3.IBucket; readonly prefix: string; readonly ours: boolean };
}

/** A shard's load balancer in the base stack. */
export class ShardLoadBalancer extends Construct {
  public readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  public readonly listener: elbv2.ApplicationListener;
  public readonly securityGroup: ec2.SecurityGroup;
  private readonly vpcPeer: ec2.IPeer;
  private readonly targetPorts = new Set<number>();

  constructor(scope: Construct, id: string, settings: ShardLoadBalancerSettings) {
    super(scope, id);
    // The helpers read only these load balancer fields.
    const props = {
      internetFacing: settings.internetFacing,
      listenerPeer: settings.listenerPeer,
      loadBalancerSubnets: settings.loadBalancerSubnets,
    } as LoadBalancedServiceProps;
    this.securityGroup = loadBalancerSecurityGroup(this, settings.vpc, props, [{ port: settings.listenerPort, description: `TLS listener ${settings.listenerPort}` }]);
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc: settings.vpc,
      internetFacing: settings.internetFacing,
      vpcSubnets: loadBalancerSubnets(props, settings.vpc, this.node.path),
      securityGroup: this.securityGroup,
      deletionProtection: settings.deletionProtection,
      dropInvalidHeaderFields: true,
    });
    protectWithWaf(this, this.loadBalancer, settings.internetFacing, settings.webAclArn);
    if (settings.accessLogs) this.logTo(settings.accessLogs);
    this.listener = this.loadBalancer.addListener('Https', {
      port: settings.listenerPort,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [elbv2.ListenerCertificate.fromCertificateManager(settings.certificate)],
      sslPolicy: settings.sslPolicy,
      // Requests that match no service's rule.
      defaultAction: elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'Not found' }),
      open: false,
    });
    this.vpcPeer = ec2.Peer.ipv4(literalVpcCidr(settings.vpc) ?? settings.vpc.vpcCidrBlock);
  }

  /**
   * Let the load balancer reach targets on a container port: an egress rule
   * to the VPC's CIDR, a literal port, so the base stack names no shard's
   * security group. Added once per port.
   */
  public allowTargetPort(port: number): void {
    // Once per port: aws-cdk-lib deduplicates the rule, but records every call in the base stack's CDKMetadata, which
    // then changed whenever a service was added or removed.
    if (this.targetPorts.has(port)) return;
    this.targetPorts.add(port);
    this.securityGroup.addEgressRule(this.vpcPeer, ec2.Port.tcp(port), `to fleet targets on port ${port}`);
  }

  /** The listener as a shard stack sees it: imported, with an immutable security group. */
  public viewFrom(scope: Construct, id: string): elbv2.IApplicationListener {
    const view = new Construct(scope, id);
    const securityGroup = ec2.SecurityGroup.fromSecurityGroupId(view, 'SecurityGroup', this.securityGroup.securityGroupId, {
      allowAllOutbound: false,
      mutable: false,
    });
    return elbv2.ApplicationListener.fromApplicationListenerAttributes(view, 'Listener', {
      listenerArn: this.listener.listenerArn,
      securityGroup,
    });
  }

  private logTo(logs: NonNullable<ShardLoadBalancerSettings['accessLogs']>): void {
    if (!Token.isUnresolved(Stack.of(this).region)) {
      this.loadBalancer.logAccessLogs(logs.bucket, logs.prefix);
    } else if (logs.ours) {
      logAccessLogsInAnyRegion(this, this.loadBalancer, logs.bucket as s3.Bucket, logs.prefix);
    } else {
      // The user's bucket: its policy is theirs.
      this.loadBalancer.setAttribute('access_logs.s3.enabled', 'true');
      this.loadBalancer.setAttribute('access_logs.s3.bucket', logs.bucket.bucketName);
      this.loadBalancer.setAttribute('access_logs.s3.prefix', logs.prefix);
    }
  }
}
