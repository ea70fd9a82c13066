/**
 * AwsSolutions-IAM5 acknowledgements named from the rendered policy: cdk-nag names a wildcard finding after the
 * resource as rendered (imports, weak stack outputs, Fn::Join), which is only known once the stack renders.
 */
import { CfnElement, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { onRenderedProperties } from './cdk-internals';

/** A statement of the rendered policy document. */
export interface RenderedStatement {
  readonly Sid?: string;
  readonly Action?: unknown;
  readonly Resource?: unknown;
}

/**
 * When the policy's stack renders, acknowledge IAM5 on each wildcard resource (`*` anywhere in its name) for which
 * `reasonFor` gives a reason.
 */
export function acknowledgeRenderedWildcards(
  policy: iam.ManagedPolicy, reasonFor: (statement: RenderedStatement, resource: string) => string | undefined,
): void {
  onRenderedStatements(policy, (statements) => {
    for (const s of statements) {
      for (const resource of listOf(s.Resource)) {
        const flat = nagResourceName(resource);
        const reason = flat.includes('*') ? reasonFor(s, flat) : undefined;
        if (reason) Validations.of(policy).acknowledge({ id: `AwsSolutions::AwsSolutions-IAM5[Resource::${flat}]`, reason });
      }
    }
  });
}

/**
 * When the policy's stack renders, acknowledge IAM5 on Resource "*" only if every statement on "*" grants nothing but
 * `actions`. An acknowledgement names the resource, not the statement: one the app adds on "*" keeps the finding.
 */
export function acknowledgeStarOnlyFor(policy: iam.ManagedPolicy, actions: readonly string[], acknowledgement: { id: string; reason: string }): void {
  onRenderedStatements(policy, (statements) => {
    const star = statements.filter((s) => listOf(s.Resource).includes('*'));
    if (star.length > 0 && star.every((s) => actionsOf(s).every((a) => typeof a === 'string' && actions.includes(a)))) {
      Validations.of(policy).acknowledge(acknowledgement);
    }
  });
}

/** The statements of the policy as its stack renders them. */
function onRenderedStatements(policy: iam.ManagedPolicy, use: (statements: readonly RenderedStatement[]) => void): void {
  onRenderedProperties(policy.node.defaultChild as CfnElement, (properties) => {
    use(((properties.PolicyDocument as { Statement?: unknown[] } | undefined)?.Statement ?? []) as RenderedStatement[]);
  });
}

/** The actions of a rendered statement, as a list. */
export function actionsOf(statement: RenderedStatement): unknown[] {
  return listOf(statement.Action);
}

/** A policy element that may be one value or a list (Action, Resource), as a list. */
function listOf(value: unknown): unknown[] {
  return ([] as unknown[]).concat(value ?? []);
}

/**
 * A resource value as cdk-nag names it in a finding id (its flattenCfnReference, not exported): Fn::Join and
 * Fn::Sub joined, `<Id.Attr>` for Fn::GetAtt, `<Id>` for Ref, the export name for Fn::ImportValue, else JSON.
 */
export function nagResourceName(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\$\{/g, '<').replace(/\}/g, '>');
  const v = value as Record<string, unknown>;
  if (v['Fn::Join']) {
    const [delimiter, items] = v['Fn::Join'] as [string, unknown[]];
    return items.map(nagResourceName).join(delimiter);
  }
  if (v['Fn::Sub']) return nagResourceName(v['Fn::Sub']);
  if (v['Fn::GetAtt']) {
    const [id, attribute] = v['Fn::GetAtt'] as [unknown, unknown];
    return `<${nagResourceName(id)}.${nagResourceName(attribute)}>`;
  }
  if (v['Fn::ImportValue']) return nagResourceName(v['Fn::ImportValue']);
  if (v.Ref) return `<${nagResourceName(v.Ref)}>`;
  return JSON.stringify(value);
}

/** A statement of a rendered resource policy. */
interface RenderedResourceStatement {
  readonly Effect?: unknown;
  readonly Principal?: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/**
 * When the repository's stack renders, acknowledge AwsSolutions-ECR1 only if every Allow statement of its policy whose
 * principal holds "*" (what the rule looks for; it reads no conditions) is limited by aws:PrincipalOrgID. A "*" the
 * app grants without that condition keeps the finding.
 */
export function acknowledgeOrgLimitedStar(repository: IConstruct): void {
  const resource = repository.node.defaultChild as CfnElement;
  onRenderedProperties(resource, (properties) => {
    const statements = ((properties.RepositoryPolicyText as { Statement?: unknown[] } | undefined)?.Statement ?? []) as RenderedResourceStatement[];
    const open = statements.filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Principal ?? '').includes('*'));
    const orgs = open.map(organizationOf);
    if (open.length === 0 || orgs.some((o) => o === undefined)) return;
    Validations.of(repository).acknowledge({
      id: 'AwsSolutions::AwsSolutions-ECR1',
      reason: `Every "*" principal of the repository policy is limited by aws:PrincipalOrgID (${[...new Set(orgs)].join(', ')}); `
        + 'AwsSolutions-ECR1 does not read conditions.',
    });
  });
}

/** The organization a statement's StringEquals aws:PrincipalOrgID condition names, if it has one. */
function organizationOf(statement: RenderedResourceStatement): string | undefined {
  const equals = statement.Condition?.StringEquals;
  const key = Object.keys(equals ?? {}).find((k) => k.toLowerCase() === 'aws:principalorgid');
  const value = key === undefined ? undefined : equals![key];
  return typeof value === 'string' ? value : Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join(', ') : undefined;
}
