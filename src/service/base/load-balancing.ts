/** Props and helpers shared by the ALB and NLB services. */
import { Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { logAccessLogsInAnyRegion } from './access-logs';
import { CONTROL_TOWER } from './encrypted-queue';
import { acknowledgeListenerIngress, defaultListenerPeer, hasVpcCidr } from './load-balancer-defaults';
import { privateSubnets } from './service-checks';
import { mainContainerOf, ServiceTask } from './service-inputs';
import { ReplicaServiceProps } from './service-props';
import { fail } from '../../errors';

/** Props of services behind a load balancer. */
export interface LoadBalancedServiceProps extends ReplicaServiceProps {
  /**
   * Certificate of the TLS listener (yours, for example from acm.Certificate.fromCertificateArn).
   * @default - none; required unless a shared listener is given
   */
  readonly certificate?: acm.ICertificate;
  /** Port the main container listens on. @default - the main container's first port mapping */
  readonly containerPort?: number;
  /** Port of the TLS listener. @default 443 */
  readonly listenerPort?: number;
  /** Internet-facing load balancer in public subnets (opt-in). @default false: internal */
  readonly internetFacing?: boolean;
  /**
   * Who may reach the listener. Required for an internal load balancer on a VPC imported without vpcCidrBlock.
   * @default - anyone (0.0.0.0/0) when internet-facing; the VPC's CIDR when internal, as a literal where the VPC construct holds one
   */
  readonly listenerPeer?: ec2.IPeer;
  /** Subnets of the load balancer. @default - public when internet-facing, private otherwise */
  readonly loadBalancerSubnets?: ec2.SubnetSelection;
  /**
   * Bucket for access logs. Application Load Balancers write with SSE-S3 only, so a KMS-encrypted bucket does not
   * work for them (Network Load Balancers also take SSE-KMS with a customer managed key that admits delivery.logs).
   * @default - a new bucket: SSE-S3, TLS only, versioned, object lock, 1-year lifecycle, public access blocked, retained
   */
  readonly accessLogsBucket?: s3.IBucket;
  /** Prefix of the access logs. @default - the construct id */
  readonly accessLogsPrefix?: string;
  /**
   * Access logs of the load balancer, to accessLogsBucket or a new bucket
   * (in env-agnostic stacks its policy picks the Region's ELB principal at
   * deploy time). Set false to turn them off.
   * @default true
   */
  readonly accessLogs?: boolean;
  /** Deletion protection of the load balancer. @default true */
  readonly deletionProtection?: boolean;
  /** Time for in-flight requests to finish when a task deregisters. @default Duration.seconds(60) */
  readonly deregistrationDelay?: Duration;
  /**
   * Target group health check. The fields you set replace the kit's; the others keep them (a path alone keeps
   * 2 healthy / 3 unhealthy checks every 30 s, not Elastic Load Balancing's 5 / 2).
   * @default - HTTP GET / (ALB) or TCP (NLB), 2 healthy / 3 unhealthy, every 30 s
   */
  readonly healthCheck?: elbv2.HealthCheck;
  /** Create alarms that roll back a deployment: unhealthy hosts, and target 5xx on an ALB. @default false */
  readonly enableDeploymentAlarms?: boolean;
}

/**
 * A target group's health check: the kit's (2 healthy / 3 unhealthy checks every 30 s, and `base` when nothing is
 * given) with the fields given on top, so `{ path: '/health' }` keeps the kit's timing.
 */
export function targetHealthCheck(given: elbv2.HealthCheck | undefined, base: elbv2.HealthCheck): elbv2.HealthCheck {
  const set = Object.fromEntries(Object.entries(given ?? base).filter(([, v]) => v !== undefined));
  return { healthyThresholdCount: 2, unhealthyThresholdCount: 3, interval: Duration.seconds(30), ...set };
}

/** The main container's port: given, or its first port mapping. */
export function resolveContainerPort(path: string, task: ServiceTask, port?: number): number {
  const main = mainContainerOf(path, task);
  // Kit load balancers (HTTPS, TLS) reach the container over TCP: a UDP-only mapping cannot take their traffic.
  const tcp = main.portMappings.filter((pm) => pm.protocol === undefined || pm.protocol === ecs.Protocol.TCP);
  const value = port ?? tcp[0]?.containerPort ?? main.portMappings[0]?.containerPort;
  if (value === undefined) {
    fail({
      code: 'KIT-SERVICE-PORT',
      path,
      problem: `the main container of ${task.path} has no port mapping and containerPort is not set`,
      allowed: 'a port mapping on the main container (containerPort picks one of its mapped ports)',
      fix: 'Add portMappings: [{ containerPort: 8080 }] to the container, using the port the application listens on.',
    });
  }
  const mapped = main.portMappings.some((pm) => pm.containerPort === value);
  if (mapped && !tcp.some((pm) => pm.containerPort === value)) {
    fail({
      code: 'KIT-SERVICE-PORT',
      path,
      problem: `containerPort ${value} of the main container of ${task.path} is mapped for UDP only, and the load balancer reaches it over TCP`,
      allowed: `a TCP port the main container maps: ${tcp.map((pm) => pm.containerPort).join(', ') || 'none'}`,
      fix: `Map ${value} for TCP too (portMappings: [{ containerPort: ${value}, protocol: ecs.Protocol.TCP }]), or serve UDP through your own `
        + 'Network Load Balancer with a UDP listener on a plain ecs.FargateService.',
    });
  }
  if (!mapped) {
    fail({
      code: 'KIT-SERVICE-PORT',
      path,
      problem: `containerPort ${value} is not mapped by the main container of ${task.path}`,
      allowed: `a port the main container maps: ${main.portMappings.map((pm) => pm.containerPort).join(', ') || 'none'}`,
      fix: main.portMappings.length > 0
        ? `Use containerPort ${main.portMappings[0].containerPort}, or add { containerPort: ${value} } to the container's portMappings.`
        : `Add portMappings: [{ containerPort: ${value} }] to the container.`,
    });
  }
  return value;
}

/** Why the kit's access-log bucket keeps SSE-S3: ALB access logs support no other encryption. */
const SSE_S3_REASON = 'Application Load Balancers write access logs only to buckets encrypted with SSE-S3 (AES256), and SSE-KMS makes their log '
  + 'delivery fail; the kit\'s bucket serves Network Load Balancers (which also accept a customer managed key) the same way.';
const LOGGING_REASON = 'This bucket is the access-log destination; server access logs for it would need another log bucket, which then needs its own. Pass accessLogsBucket to use your central log bucket.';
const REPLICATION_REASON = 'Cross-Region replication needs a destination bucket in another Region that the kit cannot create in this stack. Pass accessLogsBucket to use a replicated log bucket.';
const NOTIFICATION_REASON = 'Event notifications would need aws-cdk-lib\'s notifications custom-resource Lambda; nothing consumes events of access-log objects. Pass accessLogsBucket to use your own.';

/** The access log bucket: the user's, or a new one that the packs accept for ELB logs. */
export function accessLogsBucket(scope: Construct, given?: s3.IBucket): s3.IBucket {
  if (given) return given;
  const bucket = new s3.Bucket(scope, 'AccessLogs', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    objectLockEnabled: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.RETAIN,
    lifecycleRules: [{ expiration: Duration.days(365), noncurrentVersionExpiration: Duration.days(30) }],
  });
  const packs = ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'];
  Validations.of(bucket).acknowledge(
    ...packs.map((p) => ({ id: `${p}::${p}-S3DefaultEncryptionKMS`, reason: SSE_S3_REASON })),
    { id: `${CONTROL_TOWER}::s3_bucket_default_encryption_kms_check`, reason: SSE_S3_REASON },
    { id: 'AwsSolutions::AwsSolutions-S1', reason: LOGGING_REASON },
    ...packs.map((p) => ({ id: `${p}::${p}-S3BucketLoggingEnabled`, reason: LOGGING_REASON })),
    { id: `${CONTROL_TOWER}::s3_bucket_logging_enabled_check`, reason: LOGGING_REASON },
    ...packs.map((p) => ({ id: `${p}::${p}-S3BucketReplicationEnabled`, reason: REPLICATION_REASON })),
    { id: `${CONTROL_TOWER}::s3_event_notifications_enabled_check`, reason: NOTIFICATION_REASON },
  );
  return bucket;
}

type LoggingLoadBalancer = elbv2.BaseLoadBalancer & { logAccessLogs(bucket: s3.IBucket, prefix?: string): void };

/**
 * Access logs to the user's bucket or a new one: through aws-cdk-lib where
 * the Region is known, through a Region mapping in env-agnostic stacks;
 * none with accessLogs: false.
 */
export function enableAccessLogs(scope: Construct, loadBalancer: LoggingLoadBalancer, props: LoadBalancedServiceProps): s3.IBucket | undefined {
  if (props.accessLogs === false) return undefined;
  const prefix = props.accessLogsPrefix ?? scope.node.id;
  const bucket = accessLogsBucket(scope, props.accessLogsBucket);
  if (!Token.isUnresolved(Stack.of(scope).region)) {
    loadBalancer.logAccessLogs(bucket, prefix);
  } else if (props.accessLogsBucket) {
    // The user's bucket: its policy is theirs.
    loadBalancer.setAttribute('access_logs.s3.enabled', 'true');
    loadBalancer.setAttribute('access_logs.s3.bucket', bucket.bucketName);
    loadBalancer.setAttribute('access_logs.s3.prefix', prefix);
  } else {
    logAccessLogsInAnyRegion(scope, loadBalancer, bucket as s3.Bucket, prefix);
  }
  return bucket;
}

/** A listener port the load balancer's security group opens, with the rule's description. */
export interface ListenerIngress {
  readonly port: number;
  readonly description: string;
}

/**
 * The load balancer's security group: no egress but to the targets (added
 * when they attach); each listener port open to one peer, listenerPeer or
 * the default (acknowledged where a pack can't read it).
 */
export function loadBalancerSecurityGroup(
  scope: Construct, vpc: ec2.IVpc, props: LoadBalancedServiceProps, ingress: ListenerIngress[],
): ec2.SecurityGroup {
  const sg = new ec2.SecurityGroup(scope, 'LoadBalancerSecurityGroup', {
    vpc, allowAllOutbound: false, description: `Load balancer of ${scope.node.path}: TLS ${ingress[0].port} in, targets out`,
  });
  let peer = props.listenerPeer;
  if (!peer) {
    const internetFacing = props.internetFacing ?? false;
    if (!internetFacing && !hasVpcCidr(vpc)) {
      fail({
        code: 'KIT-SERVICE-LISTENER-PEER',
        path: scope.node.path,
        problem: `listenerPeer is not set, so the internal load balancer's listener would open to its VPC's CIDR, but VPC ${vpc.node.path} was imported without vpcCidrBlock`,
        allowed: 'listenerPeer, or a VPC whose CIDR block is known',
        fix: 'Pass listenerPeer (e.g. ec2.Peer.ipv4(\'10.0.0.0/16\') or a security group), or vpcCidrBlock to Vpc.fromVpcAttributes.',
      });
    }
    const byDefault = defaultListenerPeer(vpc, internetFacing);
    acknowledgeListenerIngress(sg, byDefault, internetFacing, false, ingress.map((rule) => rule.port));
    peer = byDefault.peer;
  }
  for (const rule of ingress) sg.addIngressRule(peer, ec2.Port.tcp(rule.port), rule.description);
  return sg;
}

/** Subnets of the load balancer. */
export function loadBalancerSubnets(props: LoadBalancedServiceProps, vpc: ec2.IVpc, path: string): ec2.SubnetSelection {
  if (props.loadBalancerSubnets) return props.loadBalancerSubnets;
  if (props.internetFacing && vpc.publicSubnets.length === 0) {
    // aws-cdk-lib's own error ("There are no 'Public' subnet groups in this VPC") names neither the service nor the prop.
    fail({
      code: 'KIT-SERVICE-LB-SUBNETS',
      path,
      problem: `internetFacing is true, but VPC ${vpc.node.path} has no public subnets for the load balancer`,
      allowed: 'public subnets (a route to an internet gateway) for an internet-facing load balancer',
      fix: 'Add a PUBLIC subnet group to the VPC (or publicSubnetIds to Vpc.fromVpcAttributes), pass loadBalancerSubnets, or remove internetFacing for an internal load balancer.',
    });
  }
  return props.internetFacing ? { subnetType: ec2.SubnetType.PUBLIC } : privateSubnets(vpc);
}
