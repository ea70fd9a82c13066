import * as fc from 'fast-check';
import { FARGATE_LINUX_SIZES, FARGATE_WINDOWS_SIZES, memoryValues } from '../../src/rules/tables/fargate-sizes';
import { FargateOperatingSystem, FargateSize } from '../../src/task';

const linuxPairs = FARGATE_LINUX_SIZES.flatMap((r) => memoryValues(r).map((m) => [r.cpu, m] as const));
const windowsPairs = FARGATE_WINDOWS_SIZES.flatMap((r) => memoryValues(r).map((m) => [r.cpu, m] as const));

describe('FargateSize', () => {
  test('all() is exactly the table, Linux 0.25-16 vCPU then Windows', () => {
    const all = FargateSize.all();
    expect(all.filter((s) => !s.isWindows).map((s) => [s.cpu, s.memoryMiB])).toEqual(linuxPairs);
    expect(all.filter((s) => s.isWindows).map((s) => [s.cpu, s.memoryMiB])).toEqual(windowsPairs);
    expect(all[0].vcpu).toBe(0.25);
    expect(Math.max(...all.map((s) => s.vcpu))).toBe(16);
    expect(FargateSize.of(16384, 122880).requiresPlatform140).toBe(true);
  });

  test('every table pair constructs', () => {
    fc.assert(fc.property(fc.constantFrom(...linuxPairs), ([cpu, m]) => {
      const s = FargateSize.of(cpu, m);
      return s.cpu === cpu && s.memoryMiB === m && s.operatingSystem === FargateOperatingSystem.LINUX;
    }));
    fc.assert(fc.property(fc.constantFrom(...windowsPairs), ([cpu, m]) => FargateSize.windows(cpu, m).isWindows));
  });

  test('random invalid pairs throw ECS-TD-01 listing the valid choices', () => {
    const valid = new Set(linuxPairs.map(([c, m]) => `${c}/${m}`));
    fc.assert(fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: 0, max: 130000 }), (cpu, m) => {
      fc.pre(!valid.has(`${cpu}/${m}`));
      expect(() => FargateSize.of(cpu, m)).toThrow(/\[ECS-TD-01\].*allowed: .*(cpu 256 -> 512, 1024, 2048|MiB in \d+ MiB steps|512, 1024, 2048)/);
    }));
  });

  test('a known CPU with a wrong memory lists that CPU\'s memory range', () => {
    expect(() => FargateSize.of(1024, 1024)).toThrow('allowed: cpu 1024: 2048-8192 MiB in 1024 MiB steps');
    expect(() => FargateSize.of(300, 512)).toThrow(/cpu 256 -> 512, 1024, 2048; cpu 512 -> 1024-4096/);
  });

  test('Windows: 0.25 vCPU and 1 vCPU with 1 GB are rejected with ECS-TD-02', () => {
    expect(() => FargateSize.windows(256, 512)).toThrow(/\[ECS-TD-02\].*cpu 1024 -> 2048-8192/);
    expect(() => FargateSize.windows(256, 512)).toThrow('[ECS-TD-02] WINDOWS Fargate cpu 256 is not a Windows Fargate CPU value (Linux only)');
    expect(() => FargateSize.windows(300, 512)).toThrow(/cpu 300 is not a Windows Fargate CPU value at/);
    expect(() => FargateSize.of(300, 512)).toThrow('[ECS-TD-01] LINUX Fargate cpu 300 is not a Fargate CPU value at');
    expect(() => FargateSize.windows(1024, 1024)).toThrow(/\[ECS-TD-02\] WINDOWS Fargate cpu 1024 does not allow memory 1024 MiB/);
  });

  test('the suggested smallestFor call keeps the operating system, and returns a valid size of it', () => {
    expect(() => FargateSize.windows(512, 1024)).toThrow('FargateSize.smallestFor({ cpu: 512, memoryMiB: 1024, operatingSystem: FargateOperatingSystem.WINDOWS })');
    expect(FargateSize.smallestFor({ cpu: 512, memoryMiB: 1024, operatingSystem: FargateOperatingSystem.WINDOWS }).isWindows).toBe(true);
    expect(() => FargateSize.of(512, 3000)).toThrow('FargateSize.smallestFor({ cpu: 512, memoryMiB: 3000 }) (cpu 512 with 3072 MiB)');
    // No size covers the request: no smallestFor call that would only throw.
    expect(() => FargateSize.windows(4096, 31000)).toThrow('Pick a listed memory value: no WINDOWS Fargate size has cpu >= 4096 and memory >= 31000 MiB.');
    expect(() => FargateSize.windows(4096, 31000)).not.toThrow(/smallestFor/);
  });

  test('smallestFor returns the minimal valid size covering the request', () => {
    const sizes = FargateSize.all();
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 16384 }), fc.integer({ min: 0, max: 122880 }), fc.boolean(),
      (cpu, memoryMiB, windows) => {
        const os = windows ? FargateOperatingSystem.WINDOWS : FargateOperatingSystem.LINUX;
        const fits = sizes.filter((s) => s.operatingSystem === os && s.cpu >= cpu && s.memoryMiB >= memoryMiB);
        if (fits.length === 0) {
          expect(() => FargateSize.smallestFor({ cpu, memoryMiB, operatingSystem: os })).toThrow(/No .* Fargate size/);
          return;
        }
        const got = FargateSize.smallestFor({ cpu, memoryMiB, operatingSystem: os });
        expect(FargateSize.isValid(got.cpu, got.memoryMiB, os)).toBe(true);
        expect(got.cpu).toBeGreaterThanOrEqual(cpu);
        expect(got.memoryMiB).toBeGreaterThanOrEqual(memoryMiB);
        for (const f of fits) {
          expect(f.cpu > got.cpu || (f.cpu === got.cpu && f.memoryMiB >= got.memoryMiB)).toBe(true);
        }
      },
    ));
  });

  test('smallestFor examples and bad input', () => {
    expect(FargateSize.smallestFor({ memoryMiB: 3000 }).toString()).toBe('LINUX 0.5 vCPU / 3072 MiB');
    expect(FargateSize.smallestFor({}).toString()).toBe('LINUX 0.25 vCPU / 512 MiB');
    expect(() => FargateSize.smallestFor({ cpu: -1 })).toThrow(/KIT-FARGATE-SIZE/);
  });
});
