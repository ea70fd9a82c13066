import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toStr } from '../values';
import { EXPRESS_SERVICE, usesOwnTaskDefinition } from './express-facts';

const IAM_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+/;

export const XM09_ROLES: ResourceRule = {
  id: 'ECS-XM-09',
  title: 'Express service has an infrastructure role and (without its own task definition) an execution role, as IAM role ARNs',
  area: 'service',
  severity: Severity.ERROR,
  description: 'InfrastructureRoleArn is required; ExecutionRoleArn is required unless TaskDefinitionArn is set. Literal values must be IAM role ARNs (arn:<partition>:iam::<account>:role/...).',
  deployError: 'CreateExpressGatewayService fails: missing or invalid infrastructureRoleArn / executionRoleArn.',
  fix: 'Pass IAM role ARNs (ExpressService creates both roles when they are not given).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-getting-started.html',
  resourceTypes: [EXPRESS_SERVICE],
  check(service): RuleIssue[] {
    const issues: RuleIssue[] = [];
    const roles: [string, boolean][] = [['InfrastructureRoleArn', true], ['ExecutionRoleArn', !usesOwnTaskDefinition(service)], ['TaskRoleArn', false]];
    for (const [key, required] of roles) {
      const raw = service.properties[key];
      if (raw === undefined) {
        if (required) issues.push({ property: `Properties/${key}`, value: undefined, problem: `${key} is missing`, allowed: 'an IAM role ARN', fix: `Set ${key}.` });
        continue;
      }
      const arn = toStr(raw);
      if (arn !== undefined && !IAM_ROLE_ARN.test(arn)) {
        issues.push({ property: `Properties/${key}`, value: arn, problem: `${key} ${JSON.stringify(arn)} is not an IAM role ARN`, allowed: 'arn:<partition>:iam::<account>:role/<name>', fix: 'Use the role\'s ARN, not its name.' });
      }
    }
    return issues;
  },
};
