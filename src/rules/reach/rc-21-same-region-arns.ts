import { TemplateResource } from '../model';
import { ResourceRule, RuleContext, RuleIssue, Severity } from '../rule';
import { toArray, toObject } from '../values';
import { LISTENER } from './load-balancing-index';

const LISTENER_CERTIFICATE = 'AWS::ElasticLoadBalancingV2::ListenerCertificate';
const SERVICE = 'AWS::ECS::Service';

/** What an ARN property names, for the message and the fix. */
interface NamedArn {
  readonly property: string;
  readonly value: unknown;
  readonly noun: string;
  readonly fix: (arnRegion: string, region: string) => string;
}

const certificateFix = (arnRegion: string, region: string) =>
  `Request or import the certificate in ACM in ${region} (ACM certificates are regional; a certificate of ${arnRegion} cannot be used there) and use that ARN.`;

function namedArns(res: TemplateResource): NamedArn[] {
  if (res.type === SERVICE) {
    const fix = (what: string) => (arnRegion: string, region: string) =>
      `Use a ${what} of ${region}, or deploy the service's stack to ${arnRegion} (env: { region: '${arnRegion}' }).`;
    return [
      { property: 'Properties/Cluster', value: res.properties.Cluster, noun: 'cluster', fix: fix('cluster') },
      { property: 'Properties/TaskDefinition', value: res.properties.TaskDefinition, noun: 'task definition', fix: fix('task definition') },
    ];
  }
  return (toArray(res.properties.Certificates) ?? []).map((c, i) => ({
    property: `Properties/Certificates/${i}/CertificateArn`, value: toObject(c)?.CertificateArn, noun: 'certificate', fix: certificateFix,
  }));
}

export const RC21_SAME_REGION_ARNS: ResourceRule = {
  id: 'ECS-RC-21',
  title: 'Certificates, clusters and task definitions named by ARN must be in the stack\'s Region',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'In a stack with a literal Region: flags an HTTPS listener or listener certificate whose CertificateArn, and an ECS service whose '
    + 'Cluster or TaskDefinition, is an ARN of another Region (a literal, or an Fn::Sub / Fn::Join the template decides). Typical source: a '
    + 'certificate or cluster ARN copied from one stage to another stage in another Region. A cluster named by its name (as aws-cdk-lib writes '
    + 'an imported cluster) names no Region and is not judged. Skipped for env-agnostic stacks and unresolved values.',
  deployError: 'CreateListener fails with CertificateNotFound (ACM certificates are regional); CreateService fails: the cluster or task definition '
    + 'is not found in the stack\'s Region.',
  fix: 'Use the certificate, cluster or task definition of the stack\'s own Region.',
  source: 'https://docs.aws.amazon.com/acm/latest/userguide/acm-regions.html',
  resourceTypes: [LISTENER, LISTENER_CERTIFICATE, SERVICE],
  onlyWith: ['Certificates', 'Cluster', 'TaskDefinition'],
  check(res, ctx: RuleContext): RuleIssue[] {
    const region = res.stack.region;
    if (!region) return [];
    const issues: RuleIssue[] = [];
    for (const named of namedArns(res)) {
      const text = ctx.assembly.resolveString(named.value, res.stack);
      const arnRegion = text === undefined ? undefined : /^arn:[^:]+:[^:]+:([a-z]{2}(?:-[a-z]+)+-\d+):/.exec(text)?.[1];
      if (!arnRegion || arnRegion === region) continue;
      issues.push({
        property: named.property,
        value: text,
        problem: `${named.noun} ${text} is in ${arnRegion}, but the stack deploys to ${region}`,
        allowed: `a ${named.noun} of ${region}`,
        fix: named.fix(arnRegion, region),
      });
    }
    return issues;
  },
};
