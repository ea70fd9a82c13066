/** Checks a default capacity provider strategy (ECS-SV-02..05) before the cluster takes it. */
import { Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { fail } from '../errors';
import { describeRange, FARGATE_PROVIDERS, inRange, STRATEGY_BASE, STRATEGY_WEIGHT } from '../rules/tables/capacity-limits';

const resolved = (n: number | undefined): n is number => n !== undefined && !Token.isUnresolved(n);

export function checkStrategy(path: string, strategy: readonly ecs.CapacityProviderStrategy[], known: readonly string[]): void {
  if (strategy.length === 0) {
    fail({ code: 'ECS-SV-03', path, problem: 'defaultCapacityProviderStrategy is empty ([])', allowed: 'at least one provider', fix: 'List at least one capacity provider.' });
  }
  for (const item of strategy) {
    const name = providerName(item);
    if (resolved(item.weight) && !inRange(item.weight, STRATEGY_WEIGHT)) {
      fail({ code: 'ECS-SV-03', path, problem: `weight ${item.weight} of ${name} in defaultCapacityProviderStrategy is out of range`, allowed: describeRange(STRATEGY_WEIGHT), fix: 'Use a weight from 0 to 1000.' });
    }
    if (resolved(item.base) && !inRange(item.base, STRATEGY_BASE)) {
      fail({ code: 'ECS-SV-03', path, problem: `base ${item.base} of ${name} in defaultCapacityProviderStrategy is out of range`, allowed: describeRange(STRATEGY_BASE), fix: 'Use a base from 0 to 100000.' });
    }
    if (!known.includes(item.capacityProvider)) {
      fail({
        code: 'ECS-SV-05',
        path,
        problem: `defaultCapacityProviderStrategy capacityProvider ${name} is not associated with this cluster`,
        allowed: 'FARGATE, FARGATE_SPOT or the capacityProviderName of an Ec2Capacity of this cluster',
        fix: 'Add the capacity with addEc2Capacity() first and use its capacityProviderName.',
      });
    }
  }
  // An omitted weight is 0 in the ECS API.
  const weights = strategy.map((i) => i.weight ?? 0);
  if (weights.every((w) => !Token.isUnresolved(w)) && !weights.some((w) => w > 0)) {
    fail({ code: 'ECS-SV-03', path, problem: `no provider in defaultCapacityProviderStrategy has a weight above 0 (${describeWeights(strategy)})`, allowed: 'at least one weight > 0', fix: 'Give at least one provider a weight of 1 or more.' });
  }
  const withBase = strategy.filter((i) => resolved(i.base) && i.base > 0);
  if (withBase.length > 1) {
    fail({ code: 'ECS-SV-02', path, problem: `${withBase.length} providers in defaultCapacityProviderStrategy have a base above 0 (${withBase.map((i) => `${providerName(i)} base ${i.base}`).join(', ')})`, allowed: 'at most one provider with a base', fix: 'Set base on one provider only.' });
  }
  const fargate = strategy.filter((i) => FARGATE_PROVIDERS.includes(i.capacityProvider));
  if (fargate.length > 0 && fargate.length < strategy.length) {
    fail({
      code: 'ECS-SV-04',
      path,
      problem: `defaultCapacityProviderStrategy mixes Fargate and Auto Scaling group providers (${strategy.map(providerName).join(', ')})`,
      allowed: 'only FARGATE/FARGATE_SPOT, or only Auto Scaling group providers',
      fix: 'Use one kind of provider per strategy.',
    });
  }
}

/** A provider's name for an error message. */
export function providerName(item: ecs.CapacityProviderStrategy): string {
  return Token.isUnresolved(item.capacityProvider) ? 'a capacity provider' : item.capacityProvider;
}

/** `FARGATE 0, FARGATE_SPOT 0`: each provider with its weight (omitted is 0). */
export function describeWeights(strategy: readonly ecs.CapacityProviderStrategy[]): string {
  return strategy.map((i) => `${providerName(i)} ${i.weight ?? 0}`).join(', ');
}
