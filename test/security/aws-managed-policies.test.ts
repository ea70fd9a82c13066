/**
 * Every AWS managed policy the kit attaches exists under the path AWS
 * publishes: a wrong path (for example `service-role/` where AWS has none)
 * synthesizes and passes every pack, and fails only at deploy time when IAM
 * rejects the role. The table pins each ARN path to the AWS Managed Policy
 * Reference; the test fails on an ARN not in the table, and on a table row
 * no construct attaches any more.
 */
import { App, Size, Stack } from 'aws-cdk-lib';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { exampleApps } from './example-apps';
import { BackendService, EcsCluster, FargateTask, NetworkLoadBalancedService, ServiceDeployment, WebService, WorkerService } from '../../src';
import { certificate, IMAGE } from '../service/helpers';

const REFERENCE = 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/';

/** Path below `arn:<partition>:iam::aws:policy/`, as the AWS Managed Policy Reference gives each ARN. */
const KNOWN: Record<string, string> = {
  'AmazonECSInfrastructureRolePolicyForLoadBalancers': `${REFERENCE}AmazonECSInfrastructureRolePolicyForLoadBalancers.html`,
  'AmazonECSInfrastructureRolePolicyForVpcLattice': `${REFERENCE}AmazonECSInfrastructureRolePolicyForVpcLattice.html`,
  'AmazonECSInfrastructureRolePolicyForManagedInstances': `${REFERENCE}AmazonECSInfrastructureRolePolicyForManagedInstances.html`,
  'AmazonECSInstanceRolePolicyForManagedInstances': `${REFERENCE}AmazonECSInstanceRolePolicyForManagedInstances.html`,
  'service-role/AmazonECSInfrastructureRoleforExpressGatewayServices': `${REFERENCE}AmazonECSInfrastructureRoleforExpressGatewayServices.html`,
  'service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity':
    `${REFERENCE}AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity.html`,
  'service-role/AmazonECSInfrastructureRolePolicyForVolumes': `${REFERENCE}AmazonECSInfrastructureRolePolicyForVolumes.html`,
  'service-role/AmazonEC2ContainerServiceforEC2Role': `${REFERENCE}AmazonEC2ContainerServiceforEC2Role.html`,
  'AmazonSSMManagedInstanceCore': `${REFERENCE}AmazonSSMManagedInstanceCore.html`,
};

/** The options that attach managed policies and that the example apps do not use. */
function optionsApp(): App {
  const app = new App();
  const stack = new Stack(app, 'Options');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc'), defaultCloudMapNamespace: { name: 'internal' } });
  const task = (id: string) => new FargateTask(stack, id, { container: { image: IMAGE, portMappings: [{ containerPort: 8080, name: 'http' }] } });
  new WorkerService(stack, 'Lattice', { cluster, task: task('LatticeTask'), vpcLattice: { portMappingName: 'http' } });
  const withVolume = task('VolumeTask');
  withVolume.addEbsVolume('data', { containerPath: '/data', size: Size.gibibytes(20) });
  new WorkerService(stack, 'Volume', { cluster, task: withVolume });
  const cert = certificate(stack);
  new WebService(stack, 'BlueGreen', { cluster, task: task('WebTask'), certificate: cert, deployment: ServiceDeployment.blueGreen() });
  new NetworkLoadBalancedService(stack, 'Nlb', { cluster, task: task('NlbTask'), certificate: cert, deployment: ServiceDeployment.canary() });
  const ca = acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'Ca', 'arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/1');
  new BackendService(stack, 'Tls', { cluster, task: task('TlsTask'), serviceConnect: { tls: { certificateAuthority: ca } } });
  cluster.addEc2Capacity('Ec2', { instanceTypes: [new ec2.InstanceType('m7g.large')] });
  return app;
}

function attachedPolicyPaths(templates: readonly Record<string, any>[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const template of templates) {
    for (const [id, resource] of Object.entries<any>(template.Resources ?? {})) {
      const text = JSON.stringify(resource.Properties ?? {});
      for (const m of text.matchAll(/:iam::aws:policy\/([A-Za-z0-9+=,.@_\-/]+)/g)) {
        found.set(m[1], [...found.get(m[1]) ?? [], id]);
      }
    }
  }
  return found;
}

test('every AWS managed policy the constructs attach has the ARN path AWS publishes', () => {
  // GIVEN the example apps and the options they leave out
  const templates = [
    ...exampleApps().flatMap((a) => a.app.synth().stacks.map((s) => s.template)),
    ...optionsApp().synth().stacks.map((s) => s.template),
  ];

  // WHEN
  const attached = attachedPolicyPaths(templates);

  // THEN every attached policy is a known ARN path, and every known one is still attached somewhere
  expect([...attached.keys()].filter((p) => !(p in KNOWN)).map((p) => `${p} (${attached.get(p)!.slice(0, 3).join(', ')})`)).toEqual([]);
  expect(Object.keys(KNOWN).filter((p) => !attached.has(p))).toEqual([]);
});
