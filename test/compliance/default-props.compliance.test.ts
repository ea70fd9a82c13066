/**
 * Every construct with only its required props, in an env-agnostic stack
 * (what `cdk init` creates): zero findings in AwsSolutions, HIPAA Security,
 * NIST 800-53 R5, PCI DSS 3.2.1, the Control Tower rules and the built-in
 * validator's error rules. The VPC is the user's own, so findings on it are
 * left out. The acknowledgements the constructs make are pinned with their
 * reasons: a new one fails this test until it is reviewed and added.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { complianceApp, describeFindings, PACKS, runCompliance } from './harness';
import {
  DaemonService, EcsChecks, EcsCluster, Ec2Task, FargateTask, NetworkLoadBalancedService, PullThroughCacheRule, RegistryScanning,
  ScheduledJob, SecureRepository, UpstreamRegistry, WebService, WorkerService,
} from '../../src';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const CERTIFICATE_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';

test('every construct with default props has zero findings in all five packs and the built-in validator', () => {
  // GIVEN an env-agnostic stack, the user's plain VPC and each construct with required props only
  const app = complianceApp();
  const stack = new Stack(app, 'Defaults');
  const vpc = new ec2.Vpc(stack, 'Vpc');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc });
  cluster.addEc2Capacity('Ec2');
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Certificate', CERTIFICATE_ARN);
  const web = (id: string) => new FargateTask(stack, `${id}Task`, { container: { image: IMAGE, portMappings: [{ containerPort: 8080 }], scratchPaths: ['/tmp'] } });

  new WebService(stack, 'Web', { cluster, task: web('Web'), certificate });
  new WebService(stack, 'PublicWeb', { cluster, task: web('PublicWeb'), certificate, internetFacing: true, redirectHttp: true });
  new NetworkLoadBalancedService(stack, 'Nlb', { cluster, task: web('Nlb'), certificate });
  new WorkerService(stack, 'Worker', { cluster, task: new FargateTask(stack, 'WorkerTask', { container: { image: IMAGE } }) });
  new ScheduledJob(stack, 'Job', {
    cluster, task: new FargateTask(stack, 'JobTask', { container: { image: IMAGE } }), schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
  });
  new DaemonService(stack, 'Agent', { cluster, task: new Ec2Task(stack, 'AgentTask', { container: { image: IMAGE, scratchPaths: ['/tmp'] } }) });
  new SecureRepository(stack, 'Repository');
  new PullThroughCacheRule(stack, 'EcrPublicCache', { upstream: UpstreamRegistry.ECR_PUBLIC });
  new RegistryScanning(stack, 'Scanning');

  // WHEN
  const result = runCompliance(app, { extraPlugins: [new EcsChecks()] });

  // THEN
  const ours = result.findings.filter((f) => !f.path.startsWith('Defaults/Vpc/'));
  // The kit's own checks: no error; one warning that is true of this app (repository scan-on-push is ignored under registry scanning).
  const kit = ours.filter((f) => f.pack === 'cdk-ecs-kit');
  expect(kit.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(['ECS-ER-14 warning']);
  expect(describeFindings(ours.filter((f) => f.pack !== 'cdk-ecs-kit'))).toBe('');
  for (const pack of PACKS) expect(result.findings.filter((f) => f.pack === pack && !f.path.startsWith('Defaults/Vpc/'))).toEqual([]);
  expect(result.findings.filter((f) => f.pack === 'CloudFormation Validate' && f.severity === 'error')).toEqual([]);
  // Every acknowledgement the constructs make, with its reason.
  const acks = result.acknowledged
    .filter((a) => !a.path.startsWith('Defaults/Vpc'))
    .map((a) => `${a.path.replace(/^Defaults\//, '')} ${a.id}: ${a.reason}`)
    .sort();
  expect(acks).toMatchSnapshot();
});
