/** Instance type facts the reach rules and the cost report read. */
import { instanceArchitecture, instanceSize } from '../../../src/rules/tables/instance-sizes';

describe('instance type tables', () => {
  test('instanceArchitecture: Graviton families are ARM64, the rest X86_64', () => {
    const arm = ['a1.large', 'm7g.large', 'm6gd.xlarge', 'c6gn.2xlarge', 'c7gn.large', 't4g.micro', 'g5g.xlarge', 'im4gn.large',
      'is4gen.xlarge', 'hpc7g.4xlarge', 'x2gd.large', 'r8g.large', 'i4g.large'];
    const x86 = ['m5.large', 'm6i.large', 'm7i-flex.large', 'c5n.large', 't3.micro', 't3a.small', 'g4dn.xlarge', 'g4ad.xlarge', 'g5.xlarge',
      'g6e.xlarge', 'p5.48xlarge', 'inf2.xlarge', 'trn1.2xlarge', 'mac2.metal', 'u-6tb1.metal', 'x2iedn.xlarge'];
    expect(arm.map(instanceArchitecture)).toEqual(arm.map(() => 'ARM64'));
    expect(x86.map(instanceArchitecture)).toEqual(x86.map(() => 'X86_64'));
  });

  test('instanceSize: even families, burstable sizes, GPU sizes; unknown families and sizes are undefined', () => {
    expect(instanceSize('m6i.2xlarge')).toEqual({ vcpu: 8, memoryMiB: 32 * 1024, gpus: 0 });
    expect(instanceSize('t3.micro')).toEqual({ vcpu: 2, memoryMiB: 1024, gpus: 0 });
    expect(instanceSize('g5.12xlarge')).toEqual({ vcpu: 48, memoryMiB: 192 * 1024, gpus: 4 });
    expect(instanceSize('g5g.16xlarge')?.gpus).toBe(2);
    expect(instanceSize('g5.large')).toBeUndefined();
    expect(instanceSize('x2iedn.xlarge')).toBeUndefined();
    expect(instanceSize('m6i.metal')).toBeUndefined();
  });
});
