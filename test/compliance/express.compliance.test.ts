/**
 * ExpressService, Service Connect TLS + access logs and VPC Lattice with
 * required props only, in an env-agnostic stack: zero findings in every pack
 * and the built-in validator; their acknowledgements pinned with reasons.
 */
import { Stack } from 'aws-cdk-lib';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { complianceApp, describeFindings, PACKS, runCompliance } from './harness';
import { BackendService, EcsChecks, EcsCluster, ExpressService, FargateTask, WorkerService } from '../../src';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27');
const CA_ARN = 'arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/11111111-2222-3333-4444-555555555555';

test('ExpressService, Service Connect TLS/access logs and VPC Lattice with default props: zero findings in all packs', () => {
  // GIVEN an env-agnostic stack with the user's plain VPC and a cluster with a namespace
  const app = complianceApp();
  const stack = new Stack(app, 'Modern');
  const vpc = new ec2.Vpc(stack, 'Vpc');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc, defaultCloudMapNamespace: { name: 'internal' } });
  const task = (id: string) => new FargateTask(stack, `${id}Task`, { container: { image: IMAGE, portMappings: [{ containerPort: 8080, name: 'http' }], scratchPaths: ['/tmp'] } });

  // WHEN
  new ExpressService(stack, 'Express', { cluster, image: IMAGE });
  const ca = acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'Ca', CA_ARN);
  const api = new BackendService(stack, 'Api', { cluster, task: task('Api'), serviceConnect: { tls: { certificateAuthority: ca }, accessLogs: {} } });
  const lattice = new WorkerService(stack, 'Lattice', { cluster, task: task('Lattice'), vpcLattice: { portMappingName: 'http' }, serviceConnect: {} });
  // A Service Connect server nobody may reach is an ECS-RC-17 warning: the worker is its client.
  api.allowFrom(lattice, 8080);
  const result = runCompliance(app, { extraPlugins: [new EcsChecks()] });

  // THEN
  const ours = result.findings.filter((f) => !f.path.startsWith('Modern/Vpc/'));
  expect(describeFindings(ours)).toBe('');
  for (const pack of PACKS) expect(ours.filter((f) => f.pack === pack)).toEqual([]);
  expect(result.findings.filter((f) => f.pack === 'CloudFormation Validate' && f.severity === 'error')).toEqual([]);
  const acks = result.acknowledged
    .filter((a) => !a.path.startsWith('Modern/Vpc'))
    .map((a) => `${a.path.replace(/^Modern\//, '')} ${a.id}: ${a.reason}`)
    .sort();
  expect(acks).toMatchSnapshot();
});
