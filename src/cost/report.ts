/** Text and JSON forms of the cost report. */
import { CostReport, money, ServiceCost } from './estimate';

export function formatCostJson(report: CostReport): string {
  return JSON.stringify(report, null, 2);
}

function range(low: number, high: number): string {
  return Math.abs(high - low) < 0.005 ? '' : ` (range ${money(low)} - ${money(high)})`;
}

function serviceLines(s: ServiceCost): string[] {
  const out = [`  ${s.path}  [stack ${s.stack}, ${s.region}]`];
  if (s.tasks && s.size) {
    const where = s.split
      ? [s.split.fargate && `Fargate ${+s.split.fargate.toFixed(2)}`, s.split.fargateSpot && `Fargate Spot ${+s.split.fargateSpot.toFixed(2)}`, s.split.ec2 && `${s.managedInstances ? 'Managed Instances' : 'EC2'} ${+s.split.ec2.toFixed(2)}`].filter(Boolean).join(', ')
      : 'placement unknown';
    out.push(`    tasks: ${s.tasks.nominal} (${s.tasks.basis}); each ${s.size.cpuUnits > 0 ? `${+(s.size.cpuUnits / 1024).toFixed(3)} vCPU` : 'no CPU reserved'}, ${+(s.size.memoryMiB / 1024).toFixed(3)} GB${s.size.gpus > 0 ? `, ${s.size.gpus} GPU` : ''}, ${s.size.windows ? 'Windows' : 'Linux'}/${s.size.arch}; ${where}`);
  }
  for (const l of s.lines) out.push(`    ${l.label} = ${money(l.monthly)}`);
  // A range alone (nothing at the nominal count, e.g. autoscaling from 0) still counts in the total's range.
  if (s.lines.length > 0 || s.high > 0) out.push(`    monthly: ${money(s.monthly)}${range(s.low, s.high)}`);
  for (const n of s.notes) out.push(`    note: ${n}`);
  for (const u of s.unpriced) out.push(`    not priced: ${u}`);
  if (s.alternatives.length > 0) {
    out.push(`    same ${s.tasks?.nominal} task(s) elsewhere (cheapest first):`);
    for (const a of s.alternatives) out.push(`      ${a.option.padEnd(18)} ${money(a.monthly).padStart(11)}  ${a.detail}`);
  }
  return out;
}

export function formatCostText(report: CostReport): string {
  const out: string[] = [];
  out.push('Monthly cost estimate (USD)');
  out.push(`Prices: ${report.prices.title}, retrieved ${report.prices.retrieved}${report.prices.file ? ` (from ${report.prices.file})` : ''}`);
  for (const s of report.prices.sources) out.push(`  [${s.id}] ${s.url} (${s.date})`);
  for (const a of report.assumptions) out.push(`Assumes: ${a}`);
  for (const n of report.notes) out.push(`Note: ${n}`);
  out.push('');
  out.push(`Services (${report.services.length})`);
  if (report.services.length === 0) out.push('  none');
  for (const s of report.services) out.push(...serviceLines(s));
  out.push('');
  out.push(`EC2 capacity (${report.capacity.length} Auto Scaling group(s))`);
  if (report.capacity.length === 0) out.push('  none');
  for (const c of report.capacity) {
    out.push(`  ${c.path}  [stack ${c.stack}, ${c.region}]`);
    if (c.instances) out.push(`    instances: ${c.instances.nominal} (min ${c.instances.low}, max ${c.instances.high}); types: ${c.instanceTypes.join(', ')}`);
    for (const l of c.lines) out.push(`    ${l.label} = ${money(l.monthly)}`);
    if (c.lines.length > 0 || c.high > 0) out.push(`    monthly: ${money(c.monthly)}${range(c.low, c.high)}`);
    for (const u of c.unpriced) out.push(`    not priced: ${u}`);
  }
  out.push('');
  out.push(`Total: ${money(report.total.monthly)} a month${range(report.total.low, report.total.high)}`);
  if (report.unpricedCount > 0) out.push(`  The total leaves out ${report.unpricedCount} item(s) marked "not priced" above.`);
  out.push(`Not counted: ${report.notCounted.join(', ')}.`);
  if (report.prices.notes.length > 0) out.push(`Price table notes: ${report.prices.notes.join(' ')}`);
  return out.join('\n');
}
