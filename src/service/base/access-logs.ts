/**
 * ELB access logs in a stack whose Region is only known at deploy time (the
 * env-agnostic stack `cdk init` creates). aws-cdk-lib's logAccessLogs needs
 * the Region at synth to choose the bucket policy's principal: the Region's
 * ELB account in Regions opened before August 2022, the
 * logdelivery.elasticloadbalancing.amazonaws.com service principal in later
 * ones (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html).
 * Here the template makes that choice: a mapping of every known Region to its
 * ELB account ('none' for the newer Regions) and a condition on it.
 */
import { Aws, CfnCondition, CfnMapping, Fn, Lazy, Stack } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';

/** The service principal ELB writes access logs with in the Regions opened since August 2022. */
export const ELB_LOG_DELIVERY = 'logdelivery.elasticloadbalancing.amazonaws.com';
/** The CloudWatch vended-logs principal Network Load Balancers deliver access logs with. */
const VENDED_LOG_DELIVERY = 'delivery.logs.amazonaws.com';
const NO_ACCOUNT = 'none';
const MAPPING_ID = 'EcsKitElbAccounts';
const CONDITION_ID = 'EcsKitElbAccountRegion';

/** Every Region aws-cdk-lib knows, with its ELB account or 'none'. */
export function elbAccountsByRegion(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const region of RegionInfo.regions) out[region.name] = region.elbv2Account ?? NO_ACCOUNT;
  return out;
}

/** The stack's mapping and condition (one of each per stack). */
function regionLookup(stack: Stack): { account: string; hasAccount: CfnCondition } {
  let mapping = stack.node.tryFindChild(MAPPING_ID) as CfnMapping | undefined;
  if (!mapping) {
    mapping = new CfnMapping(stack, MAPPING_ID);
    for (const [region, account] of Object.entries(elbAccountsByRegion())) mapping.setValue(region, 'account', account);
  }
  const account = mapping.findInMap(Aws.REGION, 'account');
  const hasAccount = (stack.node.tryFindChild(CONDITION_ID) as CfnCondition | undefined)
    ?? new CfnCondition(stack, CONDITION_ID, { expression: Fn.conditionNot(Fn.conditionEquals(account, NO_ACCOUNT)) });
  return { account, hasAccount };
}

/** Prefixes each kit log bucket already admits, in order: several load balancers (a ServiceFleet's) share one bucket. */
const PREFIXES = new WeakMap<s3.Bucket, string[]>();

/**
 * Turn on access logs to the kit's own `bucket` when the Region is a token:
 * the service principal always, the Region's ELB account where it has one.
 */
export function logAccessLogsInAnyRegion(scope: Construct, loadBalancer: elbv2.BaseLoadBalancer, bucket: s3.Bucket, prefix: string): void {
  const prefixes = PREFIXES.get(bucket) ?? [];
  PREFIXES.set(bucket, prefixes);
  // One set of statements per prefix: a bucket policy's Sids must be unique.
  if (!prefixes.includes(prefix)) admit(Stack.of(scope), bucket, prefix, prefixes);
  loadBalancer.setAttribute('access_logs.s3.enabled', 'true');
  loadBalancer.setAttribute('access_logs.s3.bucket', bucket.bucketName);
  loadBalancer.setAttribute('access_logs.s3.prefix', prefix);
  // ELB checks it can write when the attribute is set.
  loadBalancer.node.addDependency(bucket.policy!);
}

function admit(stack: Stack, bucket: s3.Bucket, prefix: string, prefixes: string[]): void {
  const { account, hasAccount } = regionLookup(stack);
  const objectsOf = (p: string) => bucket.arnForObjects(`${p ? `${p}/` : ''}AWSLogs/${stack.account}/*`);
  // The first prefix's statements keep their names (ElbLogDelivery); later ones are numbered from 2.
  const sidSuffix = (n: number) => (n === 0 ? '' : String(n + 1));
  const suffix = sidSuffix(prefixes.length);
  prefixes.push(prefix);
  const objects = objectsOf(prefix);
  bucket.addToResourcePolicy(new iam.PolicyStatement({
    sid: `ElbLogDelivery${suffix}`,
    actions: ['s3:PutObject'],
    principals: [new iam.ServicePrincipal(ELB_LOG_DELIVERY)],
    resources: [objects],
  }));
  // Network Load Balancers deliver through CloudWatch vended logs, which check the bucket ACL and write as
  // delivery.logs.amazonaws.com (network/enable-access-logs.html); without these ELB refuses the attribute at deploy.
  // aws-cdk-lib's logAccessLogs adds the same two statements for every load balancer type.
  const vendedLogs = new iam.ServicePrincipal(VENDED_LOG_DELIVERY);
  bucket.addToResourcePolicy(new iam.PolicyStatement({
    sid: `LogDeliveryWrite${suffix}`,
    actions: ['s3:PutObject'],
    principals: [vendedLogs],
    resources: [objects],
    conditions: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
  }));
  if (suffix === '') {
    bucket.addToResourcePolicy(new iam.PolicyStatement({ sid: 'LogDeliveryAclCheck', actions: ['s3:GetBucketAcl'], principals: [vendedLogs], resources: [bucket.bucketArn] }));
  }
  const policy = bucket.policy!;
  // A statement per prefix for the Region's ELB account, present only where the Region has one; after every other statement.
  const elbAccounts = prefixes.map((p, n) => Fn.conditionIf(hasAccount.logicalId, {
    Sid: `ElbAccountLogDelivery${sidSuffix(n)}`,
    Effect: 'Allow',
    Action: 's3:PutObject',
    Principal: { AWS: Fn.join('', ['arn:', Aws.PARTITION, ':iam::', account, ':root']) },
    Resource: objectsOf(p),
  }, Aws.NO_VALUE));
  (policy.node.defaultChild as s3.CfnBucketPolicy).addPropertyOverride('PolicyDocument.Statement', Lazy.any({
    produce: () => [...stack.resolve(policy.document.toJSON()).Statement, ...elbAccounts],
  }));
}
