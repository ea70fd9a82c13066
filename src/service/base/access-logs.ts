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

/**
 * Turn on access logs to the kit's own `bucket` when the Region is a token:
 * the service principal always, the Region's ELB account where it has one.
 */
export function logAccessLogsInAnyRegion(scope: Construct, loadBalancer: elbv2.BaseLoadBalancer, bucket: s3.Bucket, prefix: string): void {
  const stack = Stack.of(scope);
  const { account, hasAccount } = regionLookup(stack);
  const objects = bucket.arnForObjects(`${prefix ? `${prefix}/` : ''}AWSLogs/${stack.account}/*`);
  bucket.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'ElbLogDelivery',
    actions: ['s3:PutObject'],
    principals: [new iam.ServicePrincipal(ELB_LOG_DELIVERY)],
    resources: [objects],
  }));
  const policy = bucket.policy!;
  // A statement for the Region's ELB account, present only where the Region has one; after every other statement.
  const elbAccount = Fn.conditionIf(hasAccount.logicalId, {
    Sid: 'ElbAccountLogDelivery',
    Effect: 'Allow',
    Action: 's3:PutObject',
    Principal: { AWS: Fn.join('', ['arn:', Aws.PARTITION, ':iam::', account, ':root']) },
    Resource: objects,
  }, Aws.NO_VALUE);
  (policy.node.defaultChild as s3.CfnBucketPolicy).addPropertyOverride('PolicyDocument.Statement', Lazy.any({
    produce: () => [...stack.resolve(policy.document.toJSON()).Statement, elbAccount],
  }));
  loadBalancer.setAttribute('access_logs.s3.enabled', 'true');
  loadBalancer.setAttribute('access_logs.s3.bucket', bucket.bucketName);
  loadBalancer.setAttribute('access_logs.s3.prefix', prefix);
  // ELB checks it can write when the attribute is set.
  loadBalancer.node.addDependency(bucket.policy!);
}
