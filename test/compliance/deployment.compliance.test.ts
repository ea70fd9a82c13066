/**
 * The construct paths ECS-native deployments add (alternate target groups,
 * production/test listener rules and listeners, the ECS infrastructure role
 * for load balancers, the lifecycle hook role and policy), with only required
 * props in an env-agnostic stack: zero findings in every pack, the kit's rules
 * and the built-in validator. Acknowledgements are pinned with their reasons.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { complianceApp, describeFindings, PACKS, runCompliance } from './harness';
import { BackendService, EcsChecks, EcsCluster, FargateTask, NetworkLoadBalancedService, ServiceDeployment, WebService, WorkerService } from '../../src';
import { DEFAULTS_CERTIFICATE_ARN, DEFAULTS_IMAGE } from '../fixtures/default-props-app';

function build(app: App): void {
  const stack = new Stack(app, 'Deploy');
  const vpc = new ec2.Vpc(stack, 'Vpc');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc, defaultCloudMapNamespace: { name: 'internal' } });
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Certificate', DEFAULTS_CERTIFICATE_ARN);
  const task = (id: string, name?: string) => new FargateTask(stack, `${id}Task`, {
    container: { image: DEFAULTS_IMAGE, portMappings: [{ containerPort: 8080, name }], scratchPaths: ['/tmp'] },
  });
  const handler = lambda.Function.fromFunctionArn(stack, 'Hook', 'arn:aws:lambda:eu-west-1:111111111111:function:deployment-check');
  const lifecycleHooks = [{ handler, stages: [ecs.DeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT] }];

  new WebService(stack, 'Web', { cluster, task: task('Web'), certificate, deployment: ServiceDeployment.blueGreen({ lifecycleHooks }) });
  new WebService(stack, 'Canary', { cluster, task: task('Canary'), certificate, deployment: ServiceDeployment.canary() });
  new NetworkLoadBalancedService(stack, 'Nlb', { cluster, task: task('Nlb'), certificate, deployment: ServiceDeployment.linear({ testListenerPort: 8443 }) });
  new BackendService(stack, 'Api', { cluster, task: task('Api', 'api'), deployment: ServiceDeployment.linear({ lifecycleHooks }) });
  new WorkerService(stack, 'Worker', { cluster, task: new FargateTask(stack, 'WorkerTask', { container: { image: DEFAULTS_IMAGE } }), deployment: ServiceDeployment.blueGreen() });
}

test('blue/green, linear and canary services with default props have zero findings in all five packs, the kit rules and the built-in validator', () => {
  // GIVEN an env-agnostic stack with every service kind on a traffic-shifting strategy
  const app = complianceApp();
  build(app);

  // WHEN
  const result = runCompliance(app, { extraPlugins: [new EcsChecks()] });

  // THEN
  const ours = result.findings.filter((f) => !f.path.startsWith('Deploy/Vpc/'));
  expect(ours.filter((f) => f.pack === 'cdk-ecs-kit' && f.severity === 'error').map((f) => f.message)).toEqual([]);
  expect(describeFindings(ours.filter((f) => f.pack !== 'cdk-ecs-kit'))).toBe('');
  for (const pack of PACKS) expect(ours.filter((f) => f.pack === pack)).toEqual([]);
  expect(result.findings.filter((f) => f.pack === 'CloudFormation Validate' && f.severity === 'error')).toEqual([]);
  const acks = result.acknowledged
    .filter((a) => !a.path.startsWith('Deploy/Vpc'))
    .map((a) => `${a.path.replace(/^Deploy\//, '')} ${a.id}: ${a.reason}`)
    .sort();
  expect(acks).toMatchSnapshot();
});
