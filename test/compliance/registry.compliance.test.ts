import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { complianceApp, describeFindings, PACKS, runCompliance } from './harness';
import { SecureRepository } from '../../src/registry';

describe('registry compliance', () => {
  test('a SecureRepository with grantPull passes every pack with the single GetAuthorizationToken acknowledgement', () => {
    const app = complianceApp();
    const stack = new Stack(app, 'Registry');
    const repo = new SecureRepository(stack, 'Repo');
    const role = new iam.Role(stack, 'TaskExecutionRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    repo.grantPull(role);

    const result = runCompliance(app);

    expect(describeFindings(result.findings)).toBe('');
    for (const pack of PACKS) expect(result.countByPack[pack]).toBe(0);
    expect(result.acknowledged).toEqual([{
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: expect.stringMatching(/ecr:GetAuthorizationToken/),
      path: 'Registry/TaskExecutionRole/EcrImagesPolicy',
    }]);
  });
});

test('mutableTags (IMMUTABLE_WITH_EXCLUSION) trips exactly the Control Tower tag immutability rule, as documented', () => {
  const app = complianceApp();
  const stack = new Stack(app, 'Registry');
  new SecureRepository(stack, 'Repo', { mutableTags: ['latest'] });

  const result = runCompliance(app);

  expect(result.findings.map((f) => [f.pack, f.ruleId, f.path])).toEqual([
    ['ControlTower', 'ecr_private_tag_immutability_enabled_check', 'Registry/Repo/Resource/Resource'],
  ]);
});
