/**
 * Load balancer defaults that pass the compliance packs with default props:
 * who may reach the listener, the WAF web ACL of internet-facing ALBs, and
 * the acknowledgements for what a pack cannot judge from the template.
 */
import { Annotations, ArnFormat, CfnElement, Names, Stack, Token, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct, IConstruct } from 'constructs';
import { onRenderedProperties } from '../../internal/cdk-internals';
import { formatMessage } from '../../rules/engine';
import { KmsKeys } from '../../security/kms-keys';
import { defaultLogRetention } from '../../task/base/log-group';

/** The cdk-nag packs, as their rule ids start. */
const NAG_PACKS = ['HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321'];

/** Who may reach the listener when `listenerPeer` is not given. */
export interface DefaultListenerPeer {
  readonly peer: ec2.IPeer;
  /** False when the peer is the VPC's CIDR as an unresolved token (Fn::GetAtt). */
  readonly literal: boolean;
}

/**
 * Anyone for an internet-facing load balancer; otherwise the VPC's CIDR, as
 * a literal where the VPC's template says it (a VPC created with a literal
 * CIDR, or imported with one), so the packs can read the rule.
 */
export function defaultListenerPeer(vpc: ec2.IVpc, internetFacing: boolean): DefaultListenerPeer {
  if (internetFacing) return { peer: ec2.Peer.anyIpv4(), literal: true };
  const cidr = literalVpcCidr(vpc);
  return cidr ? { peer: ec2.Peer.ipv4(cidr), literal: true } : { peer: ec2.Peer.ipv4(vpc.vpcCidrBlock), literal: false };
}

/** Whether the VPC knows its CIDR: Vpc.fromVpcAttributes without vpcCidrBlock throws when asked for it. */
export function hasVpcCidr(vpc: ec2.IVpc): boolean {
  try {
    return vpc.vpcCidrBlock !== undefined;
  } catch {
    return false;
  }
}

/** The VPC's primary CIDR as a literal, when its construct or attributes hold one. */
export function literalVpcCidr(vpc: ec2.IVpc): string | undefined {
  const cfn = vpc.node.defaultChild;
  if (cfn instanceof ec2.CfnVPC && typeof cfn.cidrBlock === 'string' && !Token.isUnresolved(cfn.cidrBlock)) return cfn.cidrBlock;
  return Token.isUnresolved(vpc.vpcCidrBlock) ? undefined : vpc.vpcCidrBlock;
}

const TOKEN_CIDR_REASON = 'Ingress is only from the VPC\'s own CIDR block, referenced as Fn::GetAtt VPC.CidrBlock, which the rule cannot resolve at synth and so reports as an error. Pass listenerPeer to name a narrower source.';
const INTERNET_FACING_REASON = 'internetFacing: true was set: the load balancer is meant for the internet, and only its listener ports are open to 0.0.0.0/0 (targets take traffic from this group only).';

/**
 * Acknowledge the ingress rules a pack cannot judge on the load balancer's security group, judged on the rendered group:
 * only while every rule open to the world (0.0.0.0/0, ::/0) or to an unresolved CIDR is on a listener port, so a rule
 * the app adds later (SSH from anywhere) keeps its findings.
 */
export function acknowledgeListenerIngress(
  sg: IConstruct, peer: DefaultListenerPeer, internetFacing: boolean, userPeer: boolean, listenerPorts: readonly number[] = [],
): void {
  if (userPeer || (!internetFacing && peer.literal)) return;
  const acknowledgements = internetFacing
    ? [{ id: 'AwsSolutions::AwsSolutions-EC23', reason: INTERNET_FACING_REASON }]
    : [
      { id: 'AwsSolutions::AwsSolutions-EC23', reason: TOKEN_CIDR_REASON },
      ...NAG_PACKS.flatMap((p) => ['EC2RestrictedCommonPorts', 'EC2RestrictedSSH'].map((rule) => ({ id: `${p}::${p}-${rule}`, reason: TOKEN_CIDR_REASON }))),
    ];
  const cfn = sg.node.defaultChild;
  if (!(cfn instanceof CfnElement)) {
    Validations.of(sg).acknowledge(...acknowledgements);
    return;
  }
  onRenderedProperties(cfn, (properties) => {
    const open = renderedIngress(properties).filter((r) => openBeyondListener(r, listenerPorts));
    if (open.length === 0) {
      Validations.of(sg).acknowledge(...acknowledgements);
      return;
    }
    // Withheld: say so, since with a token CIDR the packs report a rule error rather than the open port.
    Annotations.of(sg).addWarningV2('KIT-SERVICE-LB-INGRESS', formatMessage('KIT-SERVICE-LB-INGRESS', sg.node.path, {
      problem: `the load balancer security group admits ${open.map(describeRule).join(', ')} beyond its listener ports (${listenerPorts.join(', ')}), `
        + 'so the kit does not acknowledge the compliance packs\' ingress findings on it'
        + (peer.literal ? '' : '; with the VPC CIDR as a token, cdk-nag reports "Rule threw an error" for this group, not the open port'),
      allowed: 'ingress from the world or an unresolved CIDR on the listener ports only',
      fix: 'Remove the rule, or narrow its source to the addresses that need it (an admin CIDR or a security group)',
    }));
  });
}

/** "0.0.0.0/0 on tcp 22" for a message. */
function describeRule(rule: Record<string, unknown>): string {
  const source = typeof rule.CidrIp === 'string' ? rule.CidrIp : typeof rule.CidrIpv6 === 'string' ? rule.CidrIpv6 : 'an unresolved CIDR';
  const ports = rule.FromPort === rule.ToPort ? `${rule.FromPort}` : `${rule.FromPort}-${rule.ToPort}`;
  return String(rule.IpProtocol) === '-1' ? `${source} on all traffic` : `${source} on ${rule.IpProtocol} ${ports}`;
}

/** The inline ingress rules of a security group as it renders. */
function renderedIngress(properties: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(properties.SecurityGroupIngress) ? properties.SecurityGroupIngress as Record<string, unknown>[] : [];
}

/** A rule that admits any IPv4 or IPv6 address. */
function fromAnywhere(rule: Record<string, unknown>): boolean {
  return rule.CidrIp === '0.0.0.0/0' || rule.CidrIpv6 === '::/0';
}

/** A rule open to the world or an unresolved CIDR on anything but one listener port over TCP. */
function openBeyondListener(rule: Record<string, unknown>, listenerPorts: readonly number[]): boolean {
  const wide = fromAnywhere(rule)
    || (rule.CidrIp !== undefined && typeof rule.CidrIp !== 'string') || (rule.CidrIpv6 !== undefined && typeof rule.CidrIpv6 !== 'string');
  if (!wide) return false;
  const listener = String(rule.IpProtocol) === 'tcp' && rule.FromPort === rule.ToPort && listenerPorts.includes(Number(rule.FromPort));
  return !listener;
}

const INTERNAL_WAF_REASON = 'Internal load balancer whose security groups admit no address from anywhere: not reachable from the internet. Internet-facing WebServices get a WAF web ACL by default; pass webAclArn to attach one here too.';

/**
 * The WAF web ACL of an ALB: the user's (webAclArn); a new one with AWS
 * managed rule groups for an internet-facing ALB; none for an internal one,
 * acknowledged with the reason.
 */
export function protectWithWaf(scope: Construct, alb: elbv2.ApplicationLoadBalancer, internetFacing: boolean, webAclArn?: string): void {
  if (webAclArn) {
    new wafv2.CfnWebACLAssociation(scope, 'WebAcl', { resourceArn: alb.loadBalancerArn, webAclArn });
  } else if (internetFacing) {
    const acl = managedRulesWebAcl(scope, 'WebAclRules');
    new wafv2.CfnWebACLAssociation(scope, 'WebAcl', { resourceArn: alb.loadBalancerArn, webAclArn: acl.attrArn });
  } else {
    acknowledgeInternalWaf(alb);
  }
}

/**
 * Acknowledge the WAF rules on an internal ALB when its groups, as rendered, admit no address from anywhere
 * (0.0.0.0/0, ::/0): an internal load balancer opened to the world is reachable over peering, VPN or Direct Connect.
 */
function acknowledgeInternalWaf(alb: elbv2.ApplicationLoadBalancer): void {
  const acknowledgements = NAG_PACKS.filter((p) => p !== 'HIPAA.Security').map((p) => ({ id: `${p}::${p}-ALBWAFEnabled`, reason: INTERNAL_WAF_REASON }));
  const groups = alb.connections.securityGroups.map((g) => g.node.defaultChild).filter((c): c is CfnElement => c instanceof CfnElement);
  let pending = groups.length;
  let open = false;
  if (pending === 0) Validations.of(alb).acknowledge(...acknowledgements);
  for (const group of groups) {
    onRenderedProperties(group, (properties) => {
      open ||= renderedIngress(properties).some(fromAnywhere);
      if (--pending === 0 && !open) Validations.of(alb).acknowledge(...acknowledgements);
    });
  }
}

/** AWS managed rule groups a public web app starts with (common, known bad inputs, IP reputation). */
const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList'];

function managedRulesWebAcl(scope: Construct, id: string): wafv2.CfnWebACL {
  const visibility = (name: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: name });
  const acl = new wafv2.CfnWebACL(scope, id, {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    description: `Managed rule groups for ${scope.node.path}`,
    visibilityConfig: visibility('EcsKitWebAcl'),
    rules: MANAGED_RULE_GROUPS.map((name, priority) => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      visibilityConfig: visibility(name),
    })),
  });
  logWebAcl(scope, acl);
  return acl;
}

/**
 * WAF logs to an encrypted log group (HIPAA, NIST and PCI ask for WAF
 * logging). WAF accepts only log groups named aws-waf-logs-*.
 */
function logWebAcl(scope: Construct, acl: wafv2.CfnWebACL): void {
  const stack = Stack.of(scope);
  const name = `aws-waf-logs-${Names.uniqueResourceName(acl, { maxLength: 200 })}`;
  const group = new logs.LogGroup(scope, 'WebAclLogs', {
    logGroupName: name,
    retention: defaultLogRetention(scope),
    encryptionKey: KmsKeys.containerLogsKey(scope),
  });
  const config = new wafv2.CfnLoggingConfiguration(scope, 'WebAclLogging', {
    resourceArn: acl.attrArn,
    // WAF wants the log group ARN without the ':*' that LogGroup.logGroupArn ends with.
    logDestinationConfigs: [stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: name, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
  });
  config.node.addDependency(group);
}

const REDIRECT_REASON = 'This port-80 listener only answers with a permanent redirect to the HTTPS listener (redirectHttp: true, opt-in); it forwards no traffic, so it has no certificate.';

/** The HTTP->HTTPS redirect listener holds no certificate by design. */
export function acknowledgeRedirectListener(listener: IConstruct): void {
  Validations.of(listener).acknowledge(...NAG_PACKS.map((p) => ({ id: `${p}::${p}-ELBv2ACMCertificateRequired`, reason: REDIRECT_REASON })));
}
