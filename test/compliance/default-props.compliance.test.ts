/**
 * Every construct with only its required props, in an env-agnostic stack
 * (what `cdk init` creates): zero findings in AwsSolutions, HIPAA Security,
 * NIST 800-53 R5, PCI DSS 3.2.1, the Control Tower rules and the built-in
 * validator's error rules. The VPC is the user's own, so findings on it are
 * left out. The acknowledgements the constructs make are pinned with their
 * reasons: a new one fails this test until it is reviewed and added.
 */
import { complianceApp, describeFindings, PACKS, runCompliance } from './harness';
import { EcsChecks } from '../../src';
import { buildDefaultPropsStack } from '../fixtures/default-props-app';

test('every construct with default props has zero findings in all five packs and the built-in validator', () => {
  // GIVEN an env-agnostic stack, the user's plain VPC and each construct with required props only
  const app = complianceApp();
  buildDefaultPropsStack(app);

  // WHEN
  const result = runCompliance(app, { extraPlugins: [new EcsChecks()] });

  // THEN
  const ours = result.findings.filter((f) => !f.path.startsWith('Defaults/Vpc/'));
  // The kit's own checks: none. Scan-on-push under the app's ENHANCED RegistryScanning (ECS-ER-14) is kept for
  // Control Tower CT.ECR.PR.2 and acknowledged by SecureRepository with that reason.
  const kit = ours.filter((f) => f.pack === 'cdk-ecs-kit');
  expect(kit.map((f) => `${f.ruleId} ${f.severity}`)).toEqual([]);
  expect(describeFindings(ours.filter((f) => f.pack !== 'cdk-ecs-kit'))).toBe('');
  for (const pack of PACKS) expect(result.findings.filter((f) => f.pack === pack && !f.path.startsWith('Defaults/Vpc/'))).toEqual([]);
  expect(result.findings.filter((f) => f.pack === 'CloudFormation Validate' && f.severity === 'error')).toEqual([]);
  // Every acknowledgement the constructs make, with its reason.
  const acks = result.acknowledged
    .filter((a) => !a.path.startsWith('Defaults/Vpc'))
    .map((a) => `${a.path.replace(/^Defaults\//, '')} ${a.id}: ${a.reason}`)
    .sort();
  expect(acks).toMatchSnapshot();
});
