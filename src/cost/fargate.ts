/** Fargate rates for a task's OS and architecture, and the price of one task-hour. */
import { FargateRates, PriceTable, RegionPrices } from './price-table';
import { TaskSize } from './workload';

/** Fargate price of one task-hour: vCPU, memory, Windows license and ephemeral storage above the included amount. */
export function fargateTaskHour(size: TaskSize, rates: FargateRates, region: RegionPrices, table: PriceTable): { usd: number; missing?: string } {
  const vcpu = size.cpuUnits / 1024;
  const gb = size.memoryMiB / 1024;
  let usd = vcpu * rates.vcpuHour.usd + gb * rates.gbHour.usd;
  if (size.windows) usd += vcpu * (rates.osLicenseVcpuHour?.usd ?? 0);
  const extra = Math.max(0, size.ephemeralGiB - table.fargateIncludedEphemeralGiB);
  if (extra > 0) {
    if (!region.fargate.ephemeralGbHour) return { usd, missing: `ephemeral storage above ${table.fargateIncludedEphemeralGiB} GiB (no rate for this Region)` };
    usd += extra * region.fargate.ephemeralGbHour.usd;
  }
  return { usd };
}

/** The Fargate rates for a task's OS and architecture, or why there are none. */
export function fargateRates(size: TaskSize, region: RegionPrices | undefined, regionName: string): FargateRates | string {
  if (!region) return `Region ${regionName} is not in the price table`;
  if (size.windows && size.arch === 'ARM64') return 'Fargate runs Windows tasks on X86_64 only';
  const rates = size.windows ? region.fargate.windowsX86 : size.arch === 'ARM64' ? region.fargate.linuxArm64 : region.fargate.linuxX86;
  return rates ?? `no Fargate ${size.windows ? 'Windows' : 'Linux'}/${size.arch} rate for ${regionName} in the price table`;
}

