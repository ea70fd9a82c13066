/**
 * The fleet's guarantee: a service's stack, logical ids and listener rule
 * priority follow from its key alone, so adding or removing other services
 * never moves it.
 */
import { CfnElement, Stack } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as fc from 'fast-check';
import { fleetApp } from './helpers';
import { placementOf, RULE_PRIORITY } from '../../src/fleet/placement';

const KEY = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);

describe('placementOf', () => {
  test('a pure function of key and shards, in range', () => {
    fc.assert(fc.property(KEY, fc.integer({ min: 1, max: 1000 }), (key, shards) => {
      const p = placementOf(key, shards);
      expect(placementOf(key, shards)).toEqual(p);
      expect(p.shard).toBeGreaterThanOrEqual(0);
      expect(p.shard).toBeLessThan(shards);
      expect(p.priority).toBeGreaterThanOrEqual(RULE_PRIORITY.min);
      expect(p.priority).toBeLessThanOrEqual(RULE_PRIORITY.max);
    }), { numRuns: 500 });
  });

  test('spreads 1,000 keys over 40 shards within twice the mean', () => {
    const counts = new Array<number>(40).fill(0);
    for (let i = 0; i < 1000; i++) counts[placementOf(`svc-${i}`, 40).shard]++;
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThanOrEqual(50);
  });
});

/** What must not move: per key, its stack, its resources' logical ids and its rule priority. */
function fingerprint(keys: readonly string[]): Map<string, string> {
  const f = fleetApp(keys, { shards: 3 });
  const out = new Map<string, string>();
  for (const [key, service] of f.services) {
    const stack = Stack.of(service);
    const scope = f.fleet.serviceScope(key);
    const ids = scope.node.findAll().filter(CfnElement.isCfnElement).map((c) => stack.getLogicalId(c as CfnElement)).sort();
    const rule = service.node.findAll().find((c) => c instanceof elbv2.CfnListenerRule) as elbv2.CfnListenerRule;
    // The shard's load balancer in the base stack, which the service's rule points to.
    const lb = f.fleet.node.findChild(`Shard${f.fleet.shardOf(key)}`).node.findAll().filter(CfnElement.isCfnElement)
      .map((c) => f.base.getLogicalId(c as CfnElement)).sort();
    out.set(key, JSON.stringify({ stack: stack.node.id, ids, priority: rule.priority, lb }));
  }
  return out;
}

test('random add/remove sequences: no service that stays changes stack, logical id, priority or load balancer', () => {
  const POOL = ['orders', 'billing', 'search', 'catalog', 'users', 'media', 'auth'];
  const op = fc.record({ add: fc.boolean(), key: fc.constantFrom(...POOL) });
  fc.assert(fc.property(fc.uniqueArray(fc.constantFrom(...POOL), { maxLength: 4 }), fc.array(op, { minLength: 1, maxLength: 4 }), (start, ops) => {
    let keys = [...start];
    let before = fingerprint(keys);
    for (const { add, key } of ops) {
      keys = add ? [...new Set([...keys, key])] : keys.filter((k) => k !== key);
      // Insertion order must not matter either.
      const after = fingerprint([...keys].reverse());
      for (const k of keys) if (before.has(k)) expect({ k, print: after.get(k) }).toEqual({ k, print: before.get(k) });
      before = after;
    }
  }), { numRuns: 8 });
});
