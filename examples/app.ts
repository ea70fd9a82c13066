/**
 * The example app `npm run demo` synthesizes: a hardened network, one
 * cluster with Fargate and EC2 (mixed instance types, Spot) capacity, an ECR
 * repository, and every service shape. Every acknowledgement it makes is
 * listed by the demo with its reason.
 */
import { App, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { Construct } from 'constructs';
import { addModernServices } from './express';
import { hardenedVpc, VPC_CIDR } from './hardened-vpc';
import { addManagedInstancesExample } from './managed-instances';
import {
  BackendService, DaemonService, EcsCluster, Ec2Task, FargateCapacity, FargateSize, FargateTask, KmsKeys, PullThroughCacheRule, ScheduledJob,
  SecureRepository, UpstreamRegistry, WebService, WorkerService,
} from '../src';

const ENV = { account: '111111111111', region: 'eu-west-1' };
const CERTIFICATE_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
const WEB_ACL_ARN = 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/services/11111111-2222-3333-4444-555555555555';

/** A stack in a literal account and Region with literal AZs: no lookups, no credentials. */
class ExampleStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, { env: ENV, ...props });
  }

  get availabilityZones(): string[] {
    return ['eu-west-1a', 'eu-west-1b'];
  }
}


export function buildExampleApp(app: App): void {
  const network = new ExampleStack(app, 'EcsKitNetwork');
  const stack = new ExampleStack(app, 'EcsKitServices');
  for (const s of [network, stack]) {
    // Literal AZs keep the example free of lookups and credentials.
    Validations.of(s).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason: 'The example pins literal AZs (eu-west-1a/b) so it synthesizes offline without context lookups; real apps take them from the environment.',
    });
  }
  const vpc = hardenedVpc(network, 'Vpc');

  // One cluster, Fargate + Fargate Spot + EC2 (mixed Graviton types, Spot above an on-demand base).
  const cluster = new EcsCluster(stack, 'Cluster', { vpc });
  cluster.cluster.addDefaultCloudMapNamespace({ name: 'internal', type: servicediscovery.NamespaceType.HTTP, useForServiceConnect: true });
  const capacity = cluster.addEc2Capacity('Ec2', {
    instanceTypes: [new ec2.InstanceType('m7g.large'), new ec2.InstanceType('c7g.large'), new ec2.InstanceType('r7g.large')],
    onDemandBaseCapacity: 1,
    onDemandPercentageAboveBaseCapacity: 25,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
  });

  const repository = new SecureRepository(stack, 'Repository', { repositoryName: 'ecs-kit/web' });
  const key = KmsKeys.create(stack, 'LogKey', { description: 'Container logs', forCloudWatchLogs: true });
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Certificate', CERTIFICATE_ARN);
  // The subnets have no route out of the VPC: public images come through an ECR pull-through cache.
  const ecrPublic = new PullThroughCacheRule(stack, 'EcrPublicCache', { upstream: UpstreamRegistry.ECR_PUBLIC });
  // Listens on 8080 and writes only to /tmp as uid 101: runs with a read-only root and scratchPaths ['/tmp'].
  const PUBLIC_IMAGE = ecrPublic.containerImage('nginx/nginx-unprivileged', '1.27');
  // Control Tower's log-retention rule asks for at least a year; scratch-init's busybox also comes through the cache.
  const logging = {
    logEncryptionKey: key,
    logRetention: logs.RetentionDays.ONE_YEAR,
    scratchInitImage: ecrPublic.containerImage('docker/library/busybox', '1.37'),
  };

  // Fargate web service from the ECR repository, Spot with an on-demand base.
  const webTask = new FargateTask(stack, 'WebTask', {
    ...logging,
    size: FargateSize.of(512, 1024),
    cpuArchitecture: ecs.CpuArchitecture.ARM64,
    container: { image: repository.imageForTag('1.0.0'), portMappings: [{ containerPort: 8080 }], scratchPaths: ['/tmp'] },
  });
  new WebService(stack, 'Web', {
    cluster,
    task: webTask,
    certificate,
    listenerPeer: ec2.Peer.ipv4(VPC_CIDR),
    webAclArn: WEB_ACL_ARN,
    fargateCapacity: FargateCapacity.spotWithOnDemandBase(),
    autoScaling: { maxCapacity: 6 },
    requestsPerTarget: 500,
  });

  // The same shape on the EC2 capacity.
  const ec2WebTask = new Ec2Task(stack, 'Ec2WebTask', {
    ...logging,
    networkMode: ecs.NetworkMode.AWS_VPC,
    cpuArchitecture: ecs.CpuArchitecture.ARM64,
    container: { image: PUBLIC_IMAGE, portMappings: [{ containerPort: 8080 }], scratchPaths: ['/tmp'] },
  });
  new WebService(stack, 'WebOnEc2', { cluster, task: ec2WebTask, capacity, certificate, listenerPeer: ec2.Peer.ipv4(VPC_CIDR), webAclArn: WEB_ACL_ARN });

  // Internal API through Service Connect, a queue worker, a nightly job and a per-instance agent.
  const apiTask = new FargateTask(stack, 'ApiTask', {
    ...logging, container: { image: PUBLIC_IMAGE, portMappings: [{ containerPort: 9090, name: 'api' }], scratchPaths: ['/tmp'] },
  });
  const api = new BackendService(stack, 'Api', { cluster, task: apiTask });
  const worker = new WorkerService(stack, 'Worker', {
    cluster,
    task: new FargateTask(stack, 'WorkerTask', { ...logging, container: { image: PUBLIC_IMAGE, scratchPaths: ['/tmp'] } }),
    autoScaling: { maxCapacity: 10 },
    // A Service Connect client: its tasks resolve http://api:9090 (KIT-SERVICE-CONNECT-CLIENT warns otherwise).
    serviceConnect: {},
  });
  api.allowFrom(worker, 9090);
  new ScheduledJob(stack, 'Nightly', {
    cluster,
    task: new FargateTask(stack, 'JobTask', { ...logging, container: { image: PUBLIC_IMAGE, scratchPaths: ['/tmp'] } }),
    schedule: scheduler.ScheduleExpression.cron({ hour: '2', minute: '30' }),
    maxRetryAttempts: 2,
  });
  const agentTask = new Ec2Task(stack, 'AgentTask', {
    ...logging,
    networkMode: ecs.NetworkMode.AWS_VPC,
    cpuArchitecture: ecs.CpuArchitecture.ARM64,
    container: { image: PUBLIC_IMAGE, scratchPaths: ['/tmp'] },
  });
  new DaemonService(stack, 'Agent', { cluster, task: agentTask });
  addManagedInstancesExample(stack, cluster, { ...logging, image: PUBLIC_IMAGE });
  const ledger = addModernServices(stack, { cluster, image: PUBLIC_IMAGE, ...logging });
  // The worker calls the ledger through Service Connect (ECS-RC-17 warns while no client may reach it).
  ledger.allowFrom(worker, 8080);
}
