/**
 * Managed Instances capacity, a ManagedInstancesTask and services on it,
 * with default props in an env-agnostic stack: zero findings in the five
 * packs, the kit's own checks and the built-in validator's errors. The VPC is
 * the user's own, so findings on it are left out. The cluster also has ECS
 * action logs on.
 */
import { Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { complianceApp, describeFindings, PACKS, runCompliance } from './harness';
import { EcsChecks, EcsCluster, ManagedInstancesTask, WebService, WorkerService } from '../../src';
import { DEFAULTS_CERTIFICATE_ARN, DEFAULTS_IMAGE } from '../fixtures/default-props-app';

test('Managed Instances capacity, task and services, and action logs, with default props have zero findings in every pack', () => {
  // GIVEN an env-agnostic stack with the user's plain VPC, a cluster, Managed Instances capacity and two services on it
  const app = complianceApp();
  const stack = new Stack(app, 'Mi');
  const vpc = new ec2.Vpc(stack, 'Vpc');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc });
  cluster.addManagedInstancesCapacity('ManagedInstances');
  cluster.enableActionLogs();
  const task = (id: string) => new ManagedInstancesTask(stack, id, { container: { image: DEFAULTS_IMAGE, portMappings: [{ containerPort: 8080 }] } });
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Certificate', DEFAULTS_CERTIFICATE_ARN);
  new WebService(stack, 'Web', { cluster, task: task('WebTask'), certificate });
  new WorkerService(stack, 'Worker', { cluster, task: task('WorkerTask') });

  // WHEN
  const result = runCompliance(app, { extraPlugins: [new EcsChecks()] });

  // THEN
  const ours = result.findings.filter((f) => !f.path.startsWith('Mi/Vpc/'));
  expect(describeFindings(ours)).toBe('');
  for (const pack of PACKS) expect(ours.filter((f) => f.pack === pack)).toEqual([]);
  expect(result.findings.filter((f) => f.pack === 'CloudFormation Validate' && f.severity === 'error')).toEqual([]);
  const acks = result.acknowledged
    .filter((a) => !a.path.startsWith('Mi/Vpc') && !a.id.startsWith('CloudFormation-Validate'))
    .map((a) => `${a.path} ${a.id}`)
    .sort();
  expect(acks).toMatchSnapshot();
  for (const a of result.acknowledged.filter((x) => x.path.startsWith('Mi/Cluster/ManagedInstances'))) expect(a.reason.length).toBeGreaterThan(40);
});
