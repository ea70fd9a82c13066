import * as fc from 'fast-check';
import { serviceStack, stack } from './fixtures';
import { BUNDLED_PRICES, estimateCost } from '../../src/cost';
import { fargateSizeFor } from '../../src/cost/compare';
import { AssemblyModel } from '../../src/rules/model';
import { FARGATE_LINUX_SIZES, memoryValues } from '../../src/rules/tables/fargate-sizes';

const sizes = FARGATE_LINUX_SIZES.flatMap((row) => memoryValues(row).map((memory) => ({ cpu: row.cpu, memory })));
const size = fc.constantFrom(...sizes);
const arch = fc.constantFrom('X86_64', 'ARM64');

function cost(task: { cpu: number; memory: number }, a: string, desired: number, provider: string, region = 'us-east-1') {
  const t = serviceStack({ cpu: task.cpu, memory: task.memory, arch: a }, { desired, strategy: [{ CapacityProvider: provider, Weight: 1 }] });
  return estimateCost([new AssemblyModel([stack(t, region)])], { prices: BUNDLED_PRICES }).services[0];
}

describe('cost invariants', () => {
  test('cost grows with the task count', () => {
    fc.assert(fc.property(size, arch, fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 50 }), (task, a, n, more) => {
      expect(cost(task, a, n + more, 'FARGATE').monthly).toBeGreaterThan(cost(task, a, n, 'FARGATE').monthly);
    }), { numRuns: 60 });
  });

  test('Fargate Spot never costs more than On-Demand, for the service and for every comparison', () => {
    fc.assert(fc.property(size, arch, fc.integer({ min: 1, max: 200 }), (task, a, n) => {
      const onDemand = cost(task, a, n, 'FARGATE');
      const spot = cost(task, a, n, 'FARGATE_SPOT');
      expect(spot.monthly).toBeLessThanOrEqual(onDemand.monthly);
      const opt = Object.fromEntries(onDemand.alternatives.map((x) => [x.option, x.monthly]));
      expect(opt['Fargate Spot']).toBeLessThanOrEqual(opt['Fargate On-Demand']);
      if (opt['EC2 On-Demand'] !== undefined) expect(opt['EC2 Spot']).toBeLessThanOrEqual(opt['EC2 On-Demand']);
      // The service's own figure is one of the options it is compared with.
      expect(opt['Fargate On-Demand']).toBeCloseTo(onDemand.monthly, 6);
    }), { numRuns: 60 });
  });

  test('the range brackets the nominal figure', () => {
    const count = fc.integer({ min: 0, max: 20 });
    fc.assert(fc.property(size, count, count, count, (task, a, b, c) => {
      const [min, desired, max] = [a, b, c].sort((x, y) => x - y);
      const t = serviceStack({ cpu: task.cpu, memory: task.memory }, { desired, scaling: { min, max } });
      const s = estimateCost([new AssemblyModel([stack(t, 'us-east-1')])], { prices: BUNDLED_PRICES }).services[0];
      expect(s.low).toBeLessThanOrEqual(s.monthly + 1e-9);
      expect(s.monthly).toBeLessThanOrEqual(s.high + 1e-9);
    }), { numRuns: 60 });
  });

  test('the Fargate size chosen for a task always holds it', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16384 }), fc.integer({ min: 1, max: 122880 }), (cpuUnits, memoryMiB) => {
      const f = fargateSizeFor({ cpuUnits, memoryMiB, arch: 'X86_64', windows: false, gpus: 0, ephemeralGiB: 20, taskLevel: false });
      expect(f).toBeDefined();
      expect(f!.cpuUnits).toBeGreaterThanOrEqual(cpuUnits);
      expect(f!.memoryMiB).toBeGreaterThanOrEqual(memoryMiB);
    }));
  });
});
