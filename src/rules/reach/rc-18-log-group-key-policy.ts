import { AssemblyModel, TemplateResource } from '../model';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { intrinsicKey, isUnresolved, matchesWildcard, policyStatements, toArray, toObject, toStr } from '../values';

const LOG_GROUP = 'AWS::Logs::LogGroup';
const KEY = 'AWS::KMS::Key';
/** What CloudWatch Logs calls to write and read an encrypted log group. */
const NEEDED = ['kms:GenerateDataKey', 'kms:Decrypt'];
/** The service principal CloudWatch Logs documents (logs.REGION.amazonaws.com), and the Region-less form. */
const LOGS_PRINCIPAL = /^logs(\.[^.]+)?\.amazonaws\.com(\.cn)?$/;

export const RC18_LOG_GROUP_KEY_POLICY: ResourceRule = {
  id: 'ECS-RC-18',
  title: 'CloudWatch Logs can use the KMS key of an encrypted log group',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'For a log group (container logs, ECS Exec, Service Connect or VPC flow logs) whose KmsKeyId is an AWS::KMS::Key of the app: some Allow '
    + 'statement of the key policy must name the CloudWatch Logs service principal (logs.REGION.amazonaws.com) with kms:GenerateDataKey and kms:Decrypt '
    + '(wildcards count). A key without KeyPolicy has the default policy, which admits only the account. aws-cdk-lib\'s LogGroup does not add the '
    + 'statement (aws-cdk#28304). Skipped when the key is outside the app or imported, or its policy, a principal or an action is unresolved.',
  deployError: 'CreateLogGroup fails and the stack rolls back: "The specified KMS key does not exist or is not allowed to be used with Arn '
    + '\'arn:aws:logs:REGION:ACCOUNT:log-group:NAME\'".',
  fix: 'Use a key that admits CloudWatch Logs: KmsKeys.create(scope, id, { forCloudWatchLogs: true }), or add the statement with key.addToResourcePolicy().',
  source: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html',
  resourceTypes: [LOG_GROUP],
  onlyWith: ['KmsKeyId'],
  check(logGroup, ctx): RuleIssue[] {
    const value = logGroup.properties.KmsKeyId;
    const key = ctx.assembly.resolveResource(value, logGroup.stack);
    if (key?.type !== KEY || admitsLogs(key, ctx.assembly) !== false) return [];
    return [{
      property: 'Properties/KmsKeyId',
      value,
      problem: `log group encryption key ${key.path} has a key policy that does not let CloudWatch Logs use it`,
      allowed: `a key policy statement that allows the service principal logs.REGION.amazonaws.com ${NEEDED.join(' and ')} `
        + '(KmsKeys.create with forCloudWatchLogs writes kms:Encrypt*, kms:Decrypt*, kms:ReEncrypt*, kms:GenerateDataKey*, kms:Describe*)',
      fix: `Create the key with KmsKeys.create(scope, id, { forCloudWatchLogs: true }), or add that statement to ${key.path} with key.addToResourcePolicy(), `
        + 'principal new iam.ServicePrincipal(`logs.${Stack.of(this).region}.amazonaws.com`)',
    }];
  },
};

/** Whether the key policy admits CloudWatch Logs; undefined when it cannot be told. */
function admitsLogs(key: TemplateResource, assembly: AssemblyModel): boolean | undefined {
  const policy = key.properties.KeyPolicy;
  if (policy === undefined) return false; // the default key policy: the account only
  const statements = policyStatements(policy);
  if (!statements) return undefined;
  let unknown = false;
  for (const raw of statements) {
    const s = toObject(raw);
    if (!s) return undefined;
    const effect = toStr(s.Effect);
    if (effect === undefined) return undefined;
    if (effect !== 'Allow') continue;
    // NotPrincipal or NotAction: too broad to judge.
    if (s.NotPrincipal !== undefined || s.NotAction !== undefined) return undefined;
    const service = namesLogs(s.Principal, key, assembly);
    const actions = covers(s.Action);
    if (service === true && actions === true) return true;
    if (service !== false && actions !== false) unknown = true;
  }
  return unknown ? undefined : false;
}

/** Whether a Principal names CloudWatch Logs (or anyone); undefined when part of it is unresolved. */
function namesLogs(principal: unknown, key: TemplateResource, assembly: AssemblyModel): boolean | undefined {
  if (principal === '*') return true;
  const p = toObject(principal);
  if (!p) return undefined;
  if (p.AWS === '*') return true;
  if (p.Service === undefined) return false;
  const services = toArray(p.Service) ?? [p.Service];
  let unknown = false;
  for (const s of services) {
    const name = principalText(s, key, assembly);
    if (name === undefined) unknown = true;
    else if (LOGS_PRINCIPAL.test(name)) return true;
  }
  return unknown ? undefined : false;
}

/**
 * A service principal as text, undefined when unresolved. An env-agnostic stack writes `logs.${AWS::Region}.amazonaws.com`
 * as an Fn::Join: with its unresolved parts as `REGION`, it is read only when it then has the CloudWatch Logs shape.
 */
function principalText(value: unknown, key: TemplateResource, assembly: AssemblyModel): string | undefined {
  const text = assembly.resolveString(value, key.stack);
  if (text !== undefined) return text;
  const join = toArray(toObject(value)?.['Fn::Join']);
  const parts = join && toStr(join[0]) === '' ? toArray(join[1]) : undefined;
  if (!parts) return undefined;
  const shaped = parts.map((part) => assembly.resolveString(part, key.stack)
    ?? (part && typeof part === 'object' && intrinsicKey(part) !== undefined ? 'REGION' : '?')).join('');
  return LOGS_PRINCIPAL.test(shaped) ? shaped : undefined;
}

/** Whether an Action list covers every NEEDED action; undefined when an entry is unresolved. */
function covers(action: unknown): boolean | undefined {
  const list = toArray(action) ?? [action];
  if (list.some((a) => isUnresolved(a) || typeof a !== 'string')) return undefined;
  return NEEDED.every((needed) => list.some((a) => matchesWildcard(a as string, needed, true)));
}
