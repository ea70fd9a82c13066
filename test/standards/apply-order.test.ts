/** DeploymentStandard.apply() after kit constructs: they missed its construct-time defaults, and the app is told. */
import { App, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { DeploymentStandard, EncryptionRequirement, SecureRepository } from '../../src';

const STANDARD = new DeploymentStandard({ requiredEncryption: EncryptionRequirement.KMS });
const LATE = 'cdk-ecs-kit:standard-applied-late';

describe('DeploymentStandard.apply() order', () => {
  test('applied after a kit construct: a warning on it names apply() as the cause (synth then fails on the ORG rule the default would have met)', () => {
    const app = new App();
    const stack = new Stack(app, 'Registry');
    const early = new SecureRepository(stack, 'Early');
    const other = new SecureRepository(stack, 'Other');
    STANDARD.apply(app);
    const warnings = (c: SecureRepository) => c.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
    expect(warnings(early)).toEqual([expect.stringMatching(new RegExp(
      '^DeploymentStandard\\.apply\\(\\) ran after Registry/Early and 1 other kit construct were created: they did not get the standard\'s '
      + 'construct-time defaults .* Call standard\\.apply\\(app\\) right after new App\\(\\), before creating stacks\\. \\[ack: ' + LATE + '\\]$'))]);
    expect(warnings(other)).toEqual([]);
    expect(() => Template.fromStack(stack)).toThrow(/ORG-ENC-01/);
  });

  test('applied first: no warning, and the kit construct gets the standard\'s default (a KMS key)', () => {
    const app = new App();
    STANDARD.apply(app);
    const stack = new Stack(app, 'Registry');
    new SecureRepository(stack, 'Repo');
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('apply\\(\\) ran after'))).toEqual([]);
    Template.fromStack(stack).hasResourceProperties('AWS::ECR::Repository', { EncryptionConfiguration: { EncryptionType: 'KMS' } });
  });

  test('a construct in another stage does not count against a stage the standard applies to', () => {
    const app = new App();
    const other = new Stage(app, 'Other');
    new SecureRepository(new Stack(other, 'Registry'), 'Repo');
    const prod = new Stage(app, 'Prod');
    STANDARD.apply(prod);
    const stack = new Stack(prod, 'Registry');
    new SecureRepository(stack, 'Repo');
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('apply\\(\\) ran after'))).toEqual([]);
  });
});
