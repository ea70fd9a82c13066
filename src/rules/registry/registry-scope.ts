/**
 * Which resources of an assembly land in the same private registry (one per account and Region), for the
 * registry-level ECR resources: pull-through cache rules, the registry scanning configuration and the
 * replication configuration.
 */
import { StackModel, TemplateResource } from '../model';
import { toStr } from '../values';

/**
 * Certainly the same registry: the same stack, or two stacks with the same literal account and Region.
 * For errors: env-agnostic stacks may deploy to different accounts, so they are never assumed to share one.
 */
export function certainlySameRegistry(a: StackModel, b: StackModel): boolean {
  if (a === b) return true;
  const account = a.account;
  return account !== undefined && a.region !== undefined && account === b.account && a.region === b.region;
}

/**
 * The same registry as far as the stacks tell: certainly the same, or both with the same Region and account
 * as far as they are known (two env-agnostic stacks are usually deployed to one account and Region). For warnings.
 */
export function probablySameRegistry(a: StackModel, b: StackModel): boolean {
  return certainlySameRegistry(a, b) || (a.region === b.region && a.environment.account === b.environment.account);
}

/** `account/Region` of a stack for messages, or a phrase saying it is unknown. */
export function registryOf(stack: StackModel): string {
  const account = stack.account;
  return account && stack.region ? `${account}/${stack.region}` : 'the same account and Region';
}

/** The resources of `res`'s type in `res`'s registry (by `same`), in assembly order, `res` included. */
export function inSameRegistry(res: TemplateResource, same: (a: StackModel, b: StackModel) => boolean): readonly TemplateResource[] {
  return res.stack.assembly.ofType(res.type).filter((r) => r === res || same(r.stack, res.stack));
}

/** A pull-through cache prefix as ECR keys it: an assumed `/` ends every prefix, so `docker-hub` and `docker-hub/` are one. */
export function prefixKey(prefix: string): string {
  return prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
}

/** The pull-through cache rules before `rule` in its registry (by `same`) whose literal prefix is `prefix`'s, in assembly order. */
export function earlierWithPrefix(rule: TemplateResource, prefix: string, same: (a: StackModel, b: StackModel) => boolean): TemplateResource[] {
  const key = prefixKey(prefix);
  const out: TemplateResource[] = [];
  for (const r of inSameRegistry(rule, same)) {
    if (r === rule) break;
    const other = toStr(r.properties.EcrRepositoryPrefix);
    if (other !== undefined && prefixKey(other) === key) out.push(r);
  }
  return out;
}
