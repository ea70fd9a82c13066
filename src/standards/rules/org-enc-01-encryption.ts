import { OrgRule, standardLabel } from './org-rule';
import { Severity } from '../../rules/finding';
import { TemplateResource } from '../../rules/model';
import { RuleIssue } from '../../rules/rule';
import { isUnresolved, toBool, toObject } from '../../rules/values';
import { EncryptionRequirement } from '../standard-props';

const LOG_GROUP = 'AWS::Logs::LogGroup';
const REPOSITORY = 'AWS::ECR::Repository';
const QUEUE = 'AWS::SQS::Queue';
const TOPIC = 'AWS::SNS::Topic';
const FLOW_LOG = 'AWS::EC2::FlowLog';

/** A log group a VPC flow log of the same stack writes to: aws-cdk-lib's FlowLogOptions take no key. */
function flowLogGroup(resource: TemplateResource): boolean {
  if (resource.type !== LOG_GROUP) return false;
  const assembly = resource.stack.assembly;
  return resource.stack.ofType(FLOW_LOG).some((f) => assembly.resolveResource(f.properties.LogGroupName, f.stack) === resource);
}

/** What is found: 'kms', 'aws-owned', 'none', or undefined when it cannot be read. */
function encryptionOf(resource: TemplateResource): { property: string; value: unknown; kind?: string } {
  const p = resource.properties;
  switch (resource.type) {
    case LOG_GROUP: return { property: 'Properties/KmsKeyId', value: p.KmsKeyId, kind: p.KmsKeyId !== undefined ? 'kms' : 'aws-owned' };
    case REPOSITORY: {
      const config = p.EncryptionConfiguration;
      const type = config === undefined ? 'AES256' : toObject(config)?.EncryptionType;
      const kind = isUnresolved(type) || type === undefined ? undefined : String(type).startsWith('KMS') ? 'kms' : 'aws-owned';
      return { property: 'Properties/EncryptionConfiguration/EncryptionType', value: type, kind };
    }
    case QUEUE: {
      if (p.KmsMasterKeyId !== undefined) return { property: 'Properties/KmsMasterKeyId', value: p.KmsMasterKeyId, kind: 'kms' };
      const sse = p.SqsManagedSseEnabled;
      return { property: 'Properties/SqsManagedSseEnabled', value: sse, kind: isUnresolved(sse) ? undefined : toBool(sse) === false ? 'none' : 'aws-owned' };
    }
    default:
      return { property: 'Properties/KmsMasterKeyId', value: p.KmsMasterKeyId, kind: p.KmsMasterKeyId !== undefined ? 'kms' : 'none' };
  }
}

/** CloudWatch Logs can only use a key whose policy admits it, which a plain kms.Key's does not. */
const LOGS_KEY = "KmsKeys.create(scope, 'LogKey', { forCloudWatchLogs: true }) (rotation on, and a key policy that admits CloudWatch Logs)";

function keyAdvice(resource: TemplateResource): string {
  if (resource.type !== LOG_GROUP) return 'Pass an encryptionKey (kms.Key) to the construct';
  if (flowLogGroup(resource)) {
    return `A VPC flow log writes here, and its options take no key: create a logs.LogGroup with encryptionKey: ${LOGS_KEY}, `
      + 'and pass it as destination: ec2.FlowLogDestination.toCloudWatchLogs(logGroup)';
  }
  return `Pass encryptionKey: ${LOGS_KEY} to the log group or the construct that makes it`;
}

export const ORG_ENC_01_ENCRYPTION: OrgRule = {
  id: 'ORG-ENC-01',
  title: 'Data at rest is encrypted as the standard requires',
  area: 'org',
  severity: Severity.ERROR,
  description: 'Log groups, ECR repositories, SQS queues and SNS topics are encrypted with a KMS key (requiredEncryption kms) or at least with an AWS-owned key (aws-owned).',
  deployError: 'Deploys, but data is not encrypted the way the organization requires.',
  fix: 'Pass a KMS key (kit constructs use one per stack by default).',
  source: 'https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-mgmt',
  resourceTypes: [LOG_GROUP, REPOSITORY, QUEUE, TOPIC],
  appliesTo: (s) => s.requiredEncryption === EncryptionRequirement.KMS || s.requiredEncryption === EncryptionRequirement.AWS_OWNED,
  check(resource, _context, standard): RuleIssue[] {
    const found = encryptionOf(resource);
    const kms = standard.requiredEncryption === EncryptionRequirement.KMS;
    if (found.kind === undefined || found.kind === 'kms' || (!kms && found.kind === 'aws-owned')) return [];
    return [{
      property: found.property,
      value: found.value ?? 'not set',
      problem: `${resource.type} is ${found.kind === 'none' ? 'not encrypted' : 'encrypted with an AWS-owned key only'}, but ${standardLabel(standard)} requires ${kms ? 'a KMS key' : 'encryption'}`,
      allowed: kms ? 'a KMS key (KmsKeyId / KmsMasterKeyId / EncryptionType KMS)' : 'any encryption at rest',
      fix: !kms ? 'Enable encryption (e.g. SQS-managed SSE or a KMS key)' : keyAdvice(resource),
    }];
  },
};
