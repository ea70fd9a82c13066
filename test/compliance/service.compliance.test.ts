import { Duration, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { complianceApp, describeFindings, PACKS, runCompliance } from './harness';
import { hardenedVpc } from '../../examples/hardened-vpc';
import { EcsCluster } from '../../src/cluster';
import { KmsKeys } from '../../src/security';
import { BackendService, DaemonService, FargateCapacity, ScheduledJob, WebService, WorkerService } from '../../src/service';
import { Ec2Task, FargateTask } from '../../src/task';

const CIDR = '10.20.0.0/16';
const WEB_ACL = 'arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/services/11111111-2222-3333-4444-555555555555';
const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

function logKey(stack: Stack): kms.Key {
  const key = new kms.Key(stack, 'LogKey', { enableKeyRotation: true });
  KmsKeys.restrictGrantsToAwsServices(key);
  return key;
}

test('the five services (Fargate web, EC2 web, backend, worker, scheduled job, daemon) have zero findings in every pack', () => {
  // GIVEN a literal-env stack with a hardened VPC, a cluster with a namespace and EC2 capacity, and every service shape
  const app = complianceApp();
  const stack = new Stack(app, 'Services', { env: { account: '111111111111', region: 'eu-west-1' } });
  const vpc = hardenedVpc(stack, 'Vpc');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc });
  cluster.cluster.addDefaultCloudMapNamespace({ name: 'internal', type: servicediscovery.NamespaceType.HTTP, useForServiceConnect: true });
  const capacity = cluster.addEc2Capacity('Ec2', {
    instanceTypes: [new ec2.InstanceType('m7i.large'), new ec2.InstanceType('m6i.large')],
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
  });
  const key = logKey(stack);
  const taskProps = (port: number, name?: string) => ({
    logEncryptionKey: key,
    logRetention: logs.RetentionDays.ONE_YEAR,
    container: { image: IMAGE, portMappings: [{ containerPort: port, name }], scratchPaths: ['/tmp'] },
  });
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555');
  const listenerPeer = ec2.Peer.ipv4(CIDR);

  new WebService(stack, 'Web', {
    cluster,
    task: new FargateTask(stack, 'WebTask', taskProps(8080)),
    certificate,
    listenerPeer,
    webAclArn: WEB_ACL,
    fargateCapacity: FargateCapacity.spotWithOnDemandBase(),
    autoScaling: { maxCapacity: 4 },
    requestsPerTarget: 500,
  });
  const ec2WebTask = new Ec2Task(stack, 'Ec2WebTask', { ...taskProps(8080), networkMode: ecs.NetworkMode.AWS_VPC });
  new WebService(stack, 'WebOnEc2', {
    cluster, task: ec2WebTask, capacity, certificate, listenerPeer, webAclArn: WEB_ACL,
  });
  const api = new BackendService(stack, 'Api', { cluster, task: new FargateTask(stack, 'ApiTask', taskProps(9090, 'api')) });
  const worker = new WorkerService(stack, 'Worker', { cluster, task: new FargateTask(stack, 'WorkerTask', taskProps(8080)), autoScaling: { maxCapacity: 10 } });
  api.allowFrom(worker, 9090);
  new ScheduledJob(stack, 'Nightly', {
    cluster, task: new FargateTask(stack, 'JobTask', taskProps(8080)), schedule: scheduler.ScheduleExpression.rate(Duration.hours(24)),
  });
  const agentTask = new Ec2Task(stack, 'AgentTask', { ...taskProps(8125), networkMode: ecs.NetworkMode.AWS_VPC });
  new DaemonService(stack, 'Agent', { cluster, task: agentTask });

  // WHEN
  const result = runCompliance(app);

  // THEN
  expect(describeFindings(result.findings)).toEqual('');
  for (const pack of PACKS) expect(result.countByPack[pack]).toBe(0);
  const ours = result.acknowledged.filter((a) => !a.id.startsWith('CloudFormation-Validate'));
  const bucketAcks = (svc: string) => [
    'AwsSolutions-S1', 'HIPAA.Security-S3BucketLoggingEnabled', 'HIPAA.Security-S3BucketReplicationEnabled', 'HIPAA.Security-S3DefaultEncryptionKMS',
    'NIST.800.53.R5-S3BucketLoggingEnabled', 'NIST.800.53.R5-S3BucketReplicationEnabled', 'NIST.800.53.R5-S3DefaultEncryptionKMS',
    'PCI.DSS.321-S3BucketLoggingEnabled', 'PCI.DSS.321-S3BucketReplicationEnabled', 'PCI.DSS.321-S3DefaultEncryptionKMS',
    'cdk-validator-cfnguard::s3_bucket_default_encryption_kms_check', 'cdk-validator-cfnguard::s3_bucket_logging_enabled_check',
    'cdk-validator-cfnguard::s3_event_notifications_enabled_check',
  ].map((id) => `Services/${svc}/AccessLogs ${id}`);
  const acks = ours.map((a) => `${a.path} ${a.id}`).sort();
  expect(acks).toEqual([
    // Inside the constructs: AWS_REGION on awsvpc EC2 tasks, and the root scratch-init container of tasks with scratch paths.
    ...['AgentTask', 'Ec2WebTask'].map((t) => `Services/${t}/TaskDefinition AwsSolutions-ECS2`),
    ...['AgentTask', 'ApiTask', 'Ec2WebTask', 'JobTask', 'WebTask', 'WorkerTask'].map((t) => `Services/${t}/TaskDefinition cdk-validator-cfnguard::ecs_task_definition_nonroot_user_check`),
    'Services/Cluster/Ec2/AutoScalingGroup AwsSolutions-AS3',
    'Services/Cluster/Ec2/AutoScalingGroup AwsSolutions-EC26',
    'Services/Cluster/Ec2/AutoScalingGroup HIPAA.Security-EC2IMDSv2Enabled',
    'Services/Cluster/Ec2/AutoScalingGroup NIST.800.53.R5-EC2IMDSv2Enabled',
    'Services/Cluster/Ec2/InstanceRole AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore]',
    'Services/Cluster/Ec2/InstanceRole AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role]',
    'Services/Nightly/DeadLetterQueue AwsSolutions-SQS3',
    'Services/Nightly/DeadLetterQueue cdk-validator-cfnguard::sqs_dlq_check',
    // Tags propagate from the task definition: tag on create needs ecs:TagResource on the cluster's tasks.
    'Services/Nightly/TagTasksPolicy AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ecs:eu-west-1:111111111111:task/<ClusterC2E21B66>/*]',
    'Services/Vpc HIPAA.Security-VPCDefaultSecurityGroupClosed',
    'Services/Vpc NIST.800.53.R5-VPCDefaultSecurityGroupClosed',
    'Services/Vpc PCI.DSS.321-VPCDefaultSecurityGroupClosed',
    ...bucketAcks('Web'),
    ...bucketAcks('WebOnEc2'),
    'Services/Worker/DeadLetterQueue AwsSolutions-SQS3',
    'Services/Worker/DeadLetterQueue cdk-validator-cfnguard::sqs_dlq_check',
  ].sort());
  for (const a of ours) expect(a.reason.length).toBeGreaterThan(40);
});

test('an internal WebService opened to 0.0.0.0/0 keeps the WAF findings: peering, VPN and Direct Connect reach it (found by a security review trial)', () => {
  const app = complianceApp();
  const stack = new Stack(app, 'OpenInternal', { env: { account: '111111111111', region: 'eu-west-1' } });
  const cluster = new EcsCluster(stack, 'Cluster', { vpc: hardenedVpc(stack, 'Vpc') });
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555');
  const task = new FargateTask(stack, 'Task', { logEncryptionKey: logKey(stack), container: { image: IMAGE, portMappings: [{ containerPort: 8080 }] } });
  new WebService(stack, 'Web', { cluster, task, certificate, listenerPeer: ec2.Peer.anyIpv4() });

  const result = runCompliance(app);

  const waf = (r: { ruleId?: string; id?: string }) => /ALBWAFEnabled/.test(r.ruleId ?? r.id ?? '');
  expect(result.findings.filter(waf).map((f) => f.ruleId).sort()).toEqual(['NIST.800.53.R5-ALBWAFEnabled', 'PCI.DSS.321-ALBWAFEnabled']);
  expect(result.acknowledged.filter(waf)).toEqual([]);
});
