/**
 * A SecureRepository in a tools account, pulled by a kit task of a workload account in the same app (found by a
 * user trial: synth failed with CannotUseCrossEnvironment, as the roles had no physical name to name in the
 * repository policy).
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { EcsChecks, EcsCluster, FargateTask, SecureRepository, WorkerService } from '../../src';

const DIGEST = `sha256:${'a'.repeat(64)}`;

function app(): { app: App; tools: Stack; dev: Stack } {
  const a = new App();
  const tools = new Stack(a, 'Tools', { env: { account: '999999999999', region: 'eu-west-1' } });
  const repo = new SecureRepository(tools, 'Repo', { repositoryName: 'shop/web' });
  const dev = new Stack(a, 'Dev', { env: { account: '111111111111', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(dev, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 1 });
  const cluster = new EcsCluster(dev, 'Cluster', { vpc });
  const task = new FargateTask(dev, 'Task', { container: { image: repo.imageForDigest(DIGEST) } });
  new WorkerService(dev, 'Worker', { cluster, task });
  return { app: a, tools, dev };
}

test('the repository policy names the workload account\'s execution role, which gets the pull in its own policy', () => {
  const { app: a, tools, dev } = app();
  Validations.of(a).addPlugins(new EcsChecks());
  const assembly = a.synth();
  const roleName = Template.fromJSON(assembly.getStackByName('Dev').template)
    .findResources('AWS::IAM::Role', { Properties: { Description: Match.stringLikeRegexp('execution role') } });
  const [execRole] = Object.values(roleName);
  expect(execRole.Properties.RoleName).toMatch(/^[a-z0-9]+$/i);
  Template.fromStack(tools).hasResourceProperties('AWS::ECR::Repository', {
    RepositoryPolicyText: {
      Statement: Match.arrayWith([Match.objectLike({
        Effect: 'Allow',
        Action: Match.arrayWith(['ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage']),
        Principal: { AWS: { 'Fn::Join': ['', Match.arrayWith([`:iam::111111111111:role/${execRole.Properties.RoleName}`])] } },
      })]),
    },
  });
  Template.fromStack(dev).hasResourceProperties('AWS::IAM::ManagedPolicy', {
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({ Action: Match.arrayWith(['ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage']) }),
        Match.objectLike({ Action: 'ecr:GetAuthorizationToken', Resource: '*' }),
      ]),
    },
  });
});

test('roles of a same-account app get no physical name (templates and snapshots stay as they were)', () => {
  const a = new App();
  const stack = new Stack(a, 'One', { env: { account: '111111111111', region: 'eu-west-1' } });
  const repo = new SecureRepository(stack, 'Repo', { repositoryName: 'shop/web' });
  new FargateTask(stack, 'Task', { container: { image: repo.imageForDigest(DIGEST) } });
  const roles = Template.fromStack(stack).findResources('AWS::IAM::Role');
  expect(Object.values(roles).map((r) => r.Properties.RoleName)).toEqual([undefined, undefined]);
});
