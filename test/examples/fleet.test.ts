/**
 * examples/fleet.ts with a reduced N (the full 1,000 runs as `npx projen
 * fleet`): stack count, resources per stack under the budget, no cycles,
 * and the kit checks clean across the fleet.
 */
import { App } from 'aws-cdk-lib';
import { buildFleetApp, fleetKey, RESOURCES_PER_SERVICE, shardsFor } from '../../examples/fleet';
import { EcsChecks } from '../../src';
import { placementOf } from '../../src/fleet/placement';

const SERVICES = 60;

test(`the fleet example synthesizes ${SERVICES} services over ${shardsFor(SERVICES)} shard stacks, each under budget, no cycles`, () => {
  const app = new App();
  const fleet = buildFleetApp(app, SERVICES);
  const asm = app.synth();

  const shards = shardsFor(SERVICES);
  expect(asm.stacks.map((s) => s.stackName).sort()).toEqual(['Fleet', ...Array.from({ length: shards }, (_, i) => `Fleet-Services-${i}`)].sort());
  let services = 0;
  for (const s of asm.stacks) {
    const resources = Object.values<any>(s.template.Resources);
    expect(resources.length).toBeLessThan(500);
    const deps = s.dependencies.map((d) => d.id).filter((id) => !id.endsWith('.assets'));
    if (s.stackName === 'Fleet') {
      expect(deps).toEqual([]);
      expect(JSON.stringify(s.template)).not.toContain('Fn::ImportValue');
    } else {
      expect(resources.length).toBeLessThanOrEqual(fleet.resourceBudget);
      expect(deps).toEqual(['Fleet']);
      const inShard = resources.filter((r) => r.Type === 'AWS::ECS::Service').length;
      // RESOURCES_PER_SERVICE per service and the stack's log-group KMS key: the size the 1,000-service check below uses.
      expect(resources.length).toBe(inShard * RESOURCES_PER_SERVICE + 1);
      services += inShard;
    }
  }
  expect(services).toBe(SERVICES);
  expect(EcsChecks.check(app).findings.map((f) => f.message)).toEqual([]);
});

test('the full 1,000-service example fits: at most 50 load balancers, every shard under budget at the measured size per service', () => {
  const shards = shardsFor(1000);
  expect(shards).toBeLessThanOrEqual(50); // Application Load Balancers per Region, default quota
  const perShard = new Array<number>(shards).fill(0);
  for (let i = 0; i < 1000; i++) perShard[placementOf(fleetKey(i), shards).shard]++;
  // One KMS key per shard stack besides the services.
  expect(Math.max(...perShard) * RESOURCES_PER_SERVICE + 1).toBeLessThanOrEqual(440);
});
