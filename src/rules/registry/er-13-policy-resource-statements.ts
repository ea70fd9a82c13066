import { ResourceRule, RuleIssue, Severity } from '../rule';
import { policyStatements, toObject } from '../values';
import { REPOSITORY } from './lifecycle';

export const ER13_POLICY_RESOURCE_STATEMENTS: ResourceRule = {
  id: 'ECS-ER-13',
  title: 'ECR repository policy statements take no Resource element',
  area: 'registry',
  severity: Severity.ERROR,
  description: 'Flags Resource / NotResource in RepositoryPolicyText statements of AWS::ECR::Repository (the repository is the implicit resource). aws-cdk-lib L2 repositories drop such statements with a warning.',
  deployError: 'SetRepositoryPolicy fails: "Invalid parameter at \'PolicyText\' failed to satisfy constraint: \'Invalid repository policy provided\'".',
  fix: 'Remove Resource from the repository policy statements.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html',
  resourceTypes: [REPOSITORY],
  check(repo, ctx): RuleIssue[] {
    let policy: unknown = repo.properties.RepositoryPolicyText;
    if (typeof policy === 'string') {
      try {
        policy = JSON.parse(policy);
      } catch {
        return [];
      }
    } else if (policy !== undefined && toObject(policy) === undefined) {
      const text = ctx.assembly.resolveString(policy, repo.stack);
      if (text === undefined) return [];
      try {
        policy = JSON.parse(text);
      } catch {
        return [];
      }
    }
    return (policyStatements(policy) ?? []).flatMap((s, i) => {
      const st = toObject(s);
      const key = st && (['Resource', 'NotResource'] as const).find((k) => st[k] !== undefined);
      if (!st || !key) return [];
      return [{
        property: `Properties/RepositoryPolicyText/Statement/${i}/${key}`,
        value: st[key],
        problem: `repository policy statement #${i} sets ${key}`,
        allowed: 'statements without Resource (the policy applies to the repository itself)',
        fix: `Remove ${key} from statement #${i}.`,
      }];
    });
  },
};
