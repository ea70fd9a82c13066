/**
 * Issue 13, item 1: every construct synthesizes in an env-agnostic stack with
 * only its required props, and needs no lookups (no context, no credentials).
 * Access logs never throw: on by default (in env-agnostic stacks the bucket
 * policy picks the Region's ELB principal at deploy time), off by prop.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { IMAGE, synthOnce } from './helpers';
import {
  BackendService, DaemonService, Ec2Task, EcsCluster, FargateTask, NetworkLoadBalancedService, PullThroughCacheRule,
  RegistryScanning, ScheduledJob, SecureRepository, UpstreamRegistry, WebService, WorkerService,
} from '../../src';
import { logAccessLogsInAnyRegion } from '../../src/service/base/access-logs';

function agnostic() {
  const app = new App();
  const stack = new Stack(app, 'Agnostic'); // no env: Region and account are tokens
  const vpc = new ec2.Vpc(stack, 'Vpc'); // no AZ lookup in an env-agnostic stack
  const cluster = new EcsCluster(stack, 'Cluster', { vpc, defaultCloudMapNamespace: { name: 'internal' } });
  const cert = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:123456789012:certificate/abc');
  const task = (id: string) => new FargateTask(stack, id, { container: { image: IMAGE, portMappings: [{ containerPort: 8080, name: 'http' }] } });
  return { app, stack, vpc, cluster, cert, task };
}

describe('env-agnostic stacks', () => {
  test('every construct synthesizes with only its required props and no lookups', () => {
    const { app, stack, cluster, cert, task } = agnostic();
    new WebService(stack, 'Web', { cluster, task: task('WebTask'), certificate: cert });
    new NetworkLoadBalancedService(stack, 'Nlb', { cluster, task: task('NlbTask'), certificate: cert });
    new BackendService(stack, 'Backend', { cluster, task: task('BackendTask') });
    new WorkerService(stack, 'Worker', { cluster, task: task('WorkerTask') });
    new ScheduledJob(stack, 'Job', { cluster, task: task('JobTask'), schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)) });
    cluster.addEc2Capacity('Capacity');
    new DaemonService(stack, 'Daemon', { cluster, task: new Ec2Task(stack, 'DaemonTask', { networkMode: ecs.NetworkMode.BRIDGE, container: { image: IMAGE } }) });
    new SecureRepository(stack, 'Repo');
    new RegistryScanning(stack, 'Scanning');
    new PullThroughCacheRule(stack, 'Cache', { upstream: UpstreamRegistry.ECR_PUBLIC });

    const { t, warnings } = synthOnce(app, stack);
    expect(app.synth().manifest.missing ?? []).toEqual([]); // no context lookups, so no credentials
    t.resourceCountIs('AWS::ECS::Service', 5);
    // Access logs on for both load balancers instead of the old "Region is required" exception.
    t.resourcePropertiesCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'access_logs.s3.enabled', Value: 'true' }]),
    }, 2);
    expect(warnings.filter((w) => /Region is required|lookup/i.test(w.text))).toEqual([]);
  });

  test('the kit\'s log bucket admits the vended-logs principal Network Load Balancers deliver with (ACL check and bucket-owner writes)', () => {
    const { app, stack, cluster, cert, task } = agnostic();
    new NetworkLoadBalancedService(stack, 'Nlb', { cluster, task: task('NlbTask'), certificate: cert });
    const { t } = synthOnce(app, stack);
    const statements = Object.values(t.findResources('AWS::S3::BucketPolicy')).flatMap((p) => p.Properties.PolicyDocument.Statement) as Record<string, any>[];
    const vended = statements.filter((st) => st.Principal?.Service === 'delivery.logs.amazonaws.com');
    expect(vended.map((st) => st.Action).sort()).toEqual(['s3:GetBucketAcl', 's3:PutObject']);
    expect(vended.find((st) => st.Action === 's3:PutObject')!.Condition).toEqual({ StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } });
    // And the ALB principals, as before.
    expect(statements.some((st) => st.Principal?.Service === 'logdelivery.elasticloadbalancing.amazonaws.com')).toBe(true);
  });

  test('load balancers sharing one kit log bucket get one set of statements per prefix, with unique Sids (S3 rejects repeats)', () => {
    const { stack } = agnostic();
    const bucket = new s3.Bucket(stack, 'Logs');
    const vpc = new ec2.Vpc(stack, 'Vpc2', { natGateways: 0 });
    const lb = (id: string) => new elbv2.ApplicationLoadBalancer(stack, id, { vpc });
    logAccessLogsInAnyRegion(stack, lb('A'), bucket, 'shared');
    logAccessLogsInAnyRegion(stack, lb('B'), bucket, 'shared');
    logAccessLogsInAnyRegion(stack, lb('C'), bucket, 'other');
    const policy = Object.values(Template.fromStack(stack).findResources('AWS::S3::BucketPolicy'))[0];
    const sids = (policy.Properties.PolicyDocument.Statement as any[]).map((st) => st.Sid ?? st['Fn::If']?.[1]?.Sid);
    expect(sids).toEqual(['ElbLogDelivery', 'LogDeliveryWrite', 'LogDeliveryAclCheck', 'ElbLogDelivery2', 'LogDeliveryWrite2',
      'ElbAccountLogDelivery', 'ElbAccountLogDelivery2']);
  });

  test('accessLogs: false switches them off', () => {
    const { app, stack, cluster, cert, task } = agnostic();
    new WebService(stack, 'Web', { cluster, task: task('T'), certificate: cert, accessLogs: false });
    const { t } = synthOnce(app, stack);
    t.resourceCountIs('AWS::S3::Bucket', 0);
    t.resourcePropertiesCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'access_logs.s3.enabled', Value: 'true' }]),
    }, 0);
  });

  test('a given bucket turns them on in an env-agnostic stack (attributes only; the policy is the bucket owner\'s)', () => {
    const { app, stack, cluster, cert, task } = agnostic();
    const bucket = s3.Bucket.fromBucketName(stack, 'Logs', 'central-elb-logs');
    new WebService(stack, 'Web', { cluster, task: task('T'), certificate: cert, accessLogsBucket: bucket, accessLogsPrefix: 'web' });
    const { t } = synthOnce(app, stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.bucket', Value: 'central-elb-logs' },
        { Key: 'access_logs.s3.prefix', Value: 'web' },
      ]),
    });
  });

  test('with a Region the kit creates the log bucket and turns logs on', () => {
    const app = new App();
    const stack = new Stack(app, 'Regional', { env: { region: 'eu-west-1' } });
    const vpc = new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'] });
    const cluster = new EcsCluster(stack, 'Cluster', { vpc });
    new NetworkLoadBalancedService(stack, 'Nlb', {
      cluster,
      task: new FargateTask(stack, 'T', { container: { image: IMAGE, portMappings: [{ containerPort: 8080 }] } }),
      certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:123456789012:certificate/abc'),
    });
    const { t } = synthOnce(app, stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'access_logs.s3.enabled', Value: 'true' }]),
    });
    t.resourceCountIs('AWS::S3::Bucket', 1);
  });
});
