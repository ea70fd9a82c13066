import { ResourceRule, RuleIssue, Severity } from '../rule';
import { toObject, toStr } from '../values';
import { serviceConnectServices } from './service-connect';
import { SERVICE } from './service-facts';

const IAM_ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+/;
const KMS_KEY = /^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|alias\/.+)$/;

export const SC11_TLS_ROLE_AND_KEY: ResourceRule = {
  id: 'ECS-SC-11',
  title: 'Service Connect TLS role is an IAM role ARN and its KMS key a key id, ARN or alias',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Checks literal Tls.RoleArn (the ECS infrastructure role that calls AWS Private CA and Secrets Manager) is an IAM role ARN, and literal Tls.KmsKey is a KMS key id, key ARN, alias name or alias ARN.',
  deployError: 'CreateService fails: invalid Service Connect TLS roleArn / kmsKey.',
  fix: 'Pass the role and key as constructs (their ARNs are rendered), not names.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-tls.html',
  resourceTypes: [SERVICE],
  onlyWith: ['ServiceConnectConfiguration'],
  check(service): RuleIssue[] {
    return serviceConnectServices(service).flatMap(({ pointer, def }) => {
      const tls = toObject(def.Tls);
      if (!tls) return [];
      const issues: RuleIssue[] = [];
      const role = toStr(tls.RoleArn);
      if (role !== undefined && !IAM_ROLE_ARN.test(role)) {
        issues.push({ property: `${pointer}/Tls/RoleArn`, value: role, problem: `Service Connect Tls.RoleArn ${JSON.stringify(role)} is not an IAM role ARN`, allowed: 'arn:<partition>:iam::<account>:role/<name>', fix: 'Use the infrastructure role\'s ARN.' });
      }
      const key = toStr(tls.KmsKey);
      if (key !== undefined && !KMS_KEY.test(key)) {
        issues.push({ property: `${pointer}/Tls/KmsKey`, value: key, problem: `Service Connect Tls.KmsKey ${JSON.stringify(key)} is not a KMS key id, ARN or alias`, allowed: 'a key id, key ARN, alias/<name> or alias ARN', fix: 'Use the key\'s ARN.' });
      }
      return issues;
    });
  },
};
