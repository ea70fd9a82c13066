import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IMAGE } from './helpers';
import { EcsCluster } from '../../src/cluster';
import { EcsKitErrors } from '../../src/errors';
import { WorkerService } from '../../src/service';
import { FargateTask } from '../../src/task';

function setup() {
  const app = new App();
  const stack = new Stack(app, 'S');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc') });
  const task = new FargateTask(stack, 'Task', { container: { image: IMAGE, portMappings: [{ containerPort: 8080, name: 'http' }] } });
  return { app, stack, cluster, task };
}

test('vpcLattice: a new IP target group on the container port, the infrastructure role, and the configuration on the service', () => {
  // GIVEN
  const { stack, cluster, task } = setup();

  // WHEN
  const svc = new WorkerService(stack, 'Api', { cluster, task, vpcLattice: { portMappingName: 'http' } });

  // THEN
  const t = Template.fromStack(stack);
  t.hasResourceProperties('AWS::VpcLattice::TargetGroup', {
    Type: 'IP',
    Config: { Port: 8080, Protocol: 'HTTP', ProtocolVersion: 'HTTP1', VpcIdentifier: { Ref: Match.stringLikeRegexp('Vpc') }, IpAddressType: 'IPV4' },
  });
  t.hasResourceProperties('AWS::ECS::Service', {
    VpcLatticeConfigurations: [{
      PortName: 'http',
      RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ApiLatticeRole'), 'Arn'] },
      TargetGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ApiLatticeTargetGroup'), 'Arn'] },
    }],
  });
  t.hasResourceProperties('AWS::IAM::Role', {
    ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonECSInfrastructureRolePolicyForVpcLattice']] }],
  });
  expect(stack.resolve(svc.vpcLatticeTargetGroupArn)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^ApiLatticeTargetGroup/), 'Arn'] });
  expect(t.toJSON()).toMatchSnapshot();
});

test('vpcLattice with an existing target group: no new target group', () => {
  const { stack, cluster, task } = setup();
  const arn = 'arn:aws:vpc-lattice:eu-west-1:111111111111:targetgroup/tg-0123456789abcdef0';
  new WorkerService(stack, 'Api', { cluster, task, vpcLattice: { portMappingName: 'http', targetGroupArn: arn } });
  const t = Template.fromStack(stack);
  t.resourceCountIs('AWS::VpcLattice::TargetGroup', 0);
  t.hasResourceProperties('AWS::ECS::Service', { VpcLatticeConfigurations: [Match.objectLike({ TargetGroupArn: arn })] });
});

test('vpcLattice with a port name the container does not have throws ECS-LT-02', () => {
  const { stack, cluster, task } = setup();
  let err: unknown;
  try {
    new WorkerService(stack, 'Api', { cluster, task, vpcLattice: { portMappingName: 'api' } });
  } catch (e) {
    err = e;
  }
  expect(EcsKitErrors.codeOf(err)).toBe('ECS-LT-02');
  expect(String(err)).toContain("'api'");
});

test('a target group ARN of the wrong service fails synth with ECS-LT-01', () => {
  const { app, stack, cluster, task } = setup();
  new WorkerService(stack, 'Api', { cluster, task, vpcLattice: { portMappingName: 'http', targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/a/b' } });
  expect(() => app.synth()).toThrow(/ECS-LT-01/);
});
