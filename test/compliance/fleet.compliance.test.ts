/**
 * A ServiceFleet with required props only, in an env-agnostic base stack
 * with the user's plain VPC: zero findings in the five packs and the
 * built-in validator, in the base stack and every shard stack; the kit's own
 * checks see the fleet across stacks and find nothing. Acknowledgements are
 * pinned with their reasons.
 */
import { Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { complianceApp, describeFindings, PACKS, runCompliance } from './harness';
import { EcsChecks, EcsCluster, FargateTask, ServiceFleet } from '../../src';
import { DEFAULTS_CERTIFICATE_ARN, DEFAULTS_IMAGE } from '../fixtures/default-props-app';

test('a fleet with default props has zero findings in all five packs, in the base and shard stacks', () => {
  // GIVEN a base stack with a plain VPC and cluster, and a fleet of four services over two shards
  const app = complianceApp();
  const base = new Stack(app, 'Platform');
  const vpc = new ec2.Vpc(base, 'Vpc');
  const cluster = new EcsCluster(base, 'Cluster', { vpc });
  const certificate = acm.Certificate.fromCertificateArn(base, 'Certificate', DEFAULTS_CERTIFICATE_ARN);
  const fleet = new ServiceFleet(base, 'Fleet', { cluster, certificate, shards: 2 });
  for (const key of ['orders', 'billing', 'search', 'catalog']) {
    const task = new FargateTask(fleet.serviceScope(key), 'Task', {
      container: { image: DEFAULTS_IMAGE, portMappings: [{ containerPort: 8080 }], scratchPaths: ['/tmp'] },
    });
    fleet.addWebService(key, { task, hostHeaders: [`${key}.example.com`] });
  }
  expect(fleet.shardStacks).toHaveLength(2);

  // WHEN
  const result = runCompliance(app, { extraPlugins: [new EcsChecks()] });

  // THEN
  const ours = result.findings.filter((f) => !f.path.startsWith('Platform/Vpc/'));
  expect(ours.filter((f) => f.pack === 'cdk-ecs-kit').map((f) => `${f.ruleId} ${f.severity} ${f.message}`)).toEqual([]);
  expect(describeFindings(ours.filter((f) => f.pack !== 'cdk-ecs-kit'))).toBe('');
  for (const pack of PACKS) expect(ours.filter((f) => f.pack === pack)).toEqual([]);
  expect(result.findings.filter((f) => f.pack === 'CloudFormation Validate' && f.severity === 'error')).toEqual([]);
  const acks = result.acknowledged
    .filter((a) => !a.path.startsWith('Platform/Vpc'))
    .map((a) => `${a.path} ${a.id}: ${a.reason}`)
    .sort();
  expect(acks).toMatchSnapshot();
});
