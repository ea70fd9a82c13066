import { Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as patterns from 'aws-cdk-lib/aws-ecs-patterns';
import { complianceApp, PACKS, runCompliance } from './harness';

describe('compliance harness', () => {
  test('reports real findings from every pack on a plain ApplicationLoadBalancedFargateService', () => {
    const app = complianceApp();
    const stack = new Stack(app, 'Plain');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    new patterns.ApplicationLoadBalancedFargateService(stack, 'Svc', {
      vpc,
      taskImageOptions: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') },
    });
    Validations.of(stack).acknowledge({ id: 'AwsSolutions-VPC7', reason: 'probe: flow logs are out of scope here' });

    const result = runCompliance(app);

    for (const pack of PACKS) {
      expect(result.countByPack[pack]).toBeGreaterThan(0);
    }
    // Findings are structured data with rule ids and construct paths.
    expect(result.findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ pack: 'AwsSolutions', ruleId: 'AwsSolutions-ECS4', path: expect.stringMatching(/^Plain\/EcsDefaultCluster.*\/Resource$/) }),
      expect.objectContaining({ pack: 'AwsSolutions', ruleId: 'AwsSolutions-EC23', path: 'Plain/Svc/LB/SecurityGroup/Resource' }),
    ]));
    // The acknowledged rule is gone from the findings and listed with its reason.
    expect(result.findings.filter((f) => f.ruleId === 'AwsSolutions-VPC7')).toEqual([]);
    expect(result.acknowledged).toContainEqual({ id: 'AwsSolutions-VPC7', reason: 'probe: flow logs are out of scope here', path: 'Plain' });
  });
});
