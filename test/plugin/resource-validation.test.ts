import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { validateWithRules } from '../../src/plugin/resource-validation';
import { SecureRepository } from '../../src/registry';
import * as engine from '../../src/rules/engine';
import { ResourceRule, RuleIssue, Severity } from '../../src/rules/rule';

// A stand-in rule: reports every lifecycle rule's countNumber, so the test sees exactly what the engine saw.
function probeRule(id: string, severity: Severity): ResourceRule {
  return {
    id,
    severity,
    title: 'probe',
    area: 'registry',
    description: 'probe',
    deployError: 'probe',
    fix: 'probe',
    source: 'https://example.invalid',
    resourceTypes: ['AWS::ECR::Repository'],
    check(resource): RuleIssue[] {
      const text = (resource.properties.LifecyclePolicy as { LifecyclePolicyText?: unknown } | undefined)?.LifecyclePolicyText;
      if (typeof text !== 'string') return [];
      return (JSON.parse(text).rules as { selection: { countNumber: number } }[]).map((r, i) => ({
        property: `Properties/LifecyclePolicy/LifecyclePolicyText/rules/${i}`,
        value: r.selection.countNumber,
        problem: `countNumber ${r.selection.countNumber}`,
        allowed: 'anything',
        fix: 'Nothing to fix.',
      }));
    },
  };
}

function repository(): { stack: Stack; repo: SecureRepository; cfn: ecr.CfnRepository } {
  const stack = new Stack(new App(), 'Stack');
  const repo = new SecureRepository(stack, 'Repo', { untaggedImageExpiration: undefined, maxTaggedImages: 7 });
  return { stack, repo, cfn: repo.repository.node.defaultChild as ecr.CfnRepository };
}

describe('engine rules on the rendered L1', () => {
  test('only the named rules run, though the catalogue holds others', () => {
    const { stack, repo, cfn } = repository();
    validateWithRules(repo, cfn, ['KIT-WARN'], { rules: [probeRule('KIT-PROBE', Severity.ERROR), probeRule('KIT-WARN', Severity.WARNING)] });
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
    Annotations.fromStack(stack).hasWarning('/Stack/Repo', Match.stringLikeRegexp('^\\[KIT-WARN\\] countNumber 14'));
  });

  test('errors fail synth; warnings become annotations', () => {
    const { stack, repo, cfn } = repository();
    validateWithRules(repo, cfn, ['KIT-PROBE'], { rules: [probeRule('KIT-PROBE', Severity.ERROR)] });
    expect(() => Annotations.fromStack(stack)).toThrow(/\[KIT-PROBE\] countNumber 7 at Stack\/Repo\/Resource/);

    const other = repository();
    validateWithRules(other.repo, other.cfn, ['KIT-WARN'], { rules: [probeRule('KIT-WARN', Severity.WARNING)] });
    Annotations.fromStack(other.stack).hasWarning('/Stack/Repo', Match.stringLikeRegexp('^\\[KIT-WARN\\] countNumber 14'));
  });

  test('an acknowledged error passes, on the construct or a parent; another rule\'s acknowledgement does not', () => {
    const { stack, repo, cfn } = repository();
    validateWithRules(repo, cfn, ['KIT-PROBE'], { rules: [probeRule('KIT-PROBE', Severity.ERROR)] });
    Validations.of(repo).acknowledge({ id: 'KIT-OTHER', reason: 'not this rule' });
    expect(() => Template.fromStack(stack)).toThrow(/\[KIT-PROBE\] countNumber 7/);

    const acked = repository();
    validateWithRules(acked.repo, acked.cfn, ['KIT-PROBE'], { rules: [probeRule('KIT-PROBE', Severity.ERROR)] });
    Validations.of(acked.stack).acknowledge({ id: 'KIT-PROBE', reason: 'the probe is wrong here' });
    expect(Template.fromStack(acked.stack).resourceCountIs('AWS::ECR::Repository', 1)).toBeUndefined();
  });

  test('the rules see the resolved lifecycle policy, including rules added after construction; errors name the construct path in aws-cdk-lib\'s validation text', () => {
    const { stack, repo, cfn } = repository();
    validateWithRules(repo, cfn, ['KIT-PROBE'], { rules: [probeRule('KIT-PROBE', Severity.ERROR)] });
    repo.addLifecycleRule({ tagStatus: ecr.TagStatus.ANY, maxImageCount: 900 });
    expect(() => Template.fromStack(stack)).toThrow(
      'Validation failed with the following errors:\n'
      + '  [Stack/Repo] [KIT-PROBE] countNumber 14 at Stack/Repo/Resource; allowed: anything. Nothing to fix.\n'
      + '  [Stack/Repo] [KIT-PROBE] countNumber 7 at Stack/Repo/Resource; allowed: anything. Nothing to fix.\n'
      + '  [Stack/Repo] [KIT-PROBE] countNumber 900 at Stack/Repo/Resource; allowed: anything. Nothing to fix.',
    );
  });

  test('the resource is rendered no more often than without the checks (no second render per construct)', () => {
    const renders = (withChecks: boolean): number => {
      const { stack, repo, cfn } = repository();
      if (withChecks) validateWithRules(repo, cfn, ['KIT-WARN'], { rules: [probeRule('KIT-WARN', Severity.WARNING)] });
      const render = jest.spyOn(cfn as unknown as { _toCloudFormation: () => unknown }, '_toCloudFormation');
      Template.fromStack(stack);
      return render.mock.calls.length;
    };
    expect(renders(true)).toBe(renders(false));
    expect(renders(false)).toBeGreaterThan(0);
  });

  test('a resource removed from the tree after construction is skipped', () => {
    const { stack, repo, cfn } = repository();
    validateWithRules(repo, cfn, ['KIT-PROBE'], { rules: [probeRule('KIT-PROBE', Severity.ERROR)] });
    repo.repository.node.tryRemoveChild(cfn.node.id);
    expect(Template.fromStack(stack).findResources('AWS::ECR::Repository')).toEqual({});
  });

  test('stacks that need the same rules run the same rule list, so the engine plans it once; another catalogue\'s rules of the same ids stay apart', () => {
    const app = new App();
    const catalogue = [probeRule('KIT-PROBE', Severity.WARNING)];
    const other = [probeRule('KIT-PROBE', Severity.WARNING)];
    for (const [name, rules] of [['A', catalogue], ['B', catalogue], ['C', other]] as const) {
      const repo = new SecureRepository(new Stack(app, name), 'Repo', { maxTaggedImages: 7 });
      validateWithRules(repo, repo.repository.node.defaultChild as ecr.CfnRepository, ['KIT-PROBE'], { rules });
    }
    const run = jest.spyOn(engine, 'runRules');
    try {
      app.synth();
      const lists = run.mock.calls.map(([, options]) => options.rules);
      expect(lists).toHaveLength(3);
      expect(lists[1]).toBe(lists[0]);
      expect(lists[2]).not.toBe(lists[0]);
      expect(lists[2]).toContain(other[0]);
      expect(lists[2]).not.toContain(catalogue[0]);
    } finally {
      run.mockRestore();
    }
  });
});
