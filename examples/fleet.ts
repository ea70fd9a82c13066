/**
 * A fleet of N web services (1,000 by default) on one cluster: a base stack
 * with the VPC, the cluster and one load balancer per shard, and the
 * services spread over shard stacks by their keys (see docs/fleet.md).
 *
 *   npx projen fleet -- --services 1000 [--shards 35] [--checks] [--out DIR]
 *
 * or FLEET_SERVICES=200 npx projen fleet. Prints stack count, resources per
 * stack, synth time and peak RSS. Not part of examples/app.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { EcsChecks, EcsCluster, FargateTask, ServiceFleet } from '../src';

const ENV = { account: '111111111111', region: 'eu-west-1' };
const CERTIFICATE_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
/** Resources of one fleet web service (task, roles, log group, security group, service, target group, rule). */
export const RESOURCES_PER_SERVICE = 10;
/** Default resource budget of a shard. */
const BUDGET = 440;

/** A stack in a literal account and Region with literal AZs: no lookups, no credentials. */
class FleetBaseStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id, { env: ENV });
  }

  get availabilityZones(): string[] {
    return ['eu-west-1a', 'eu-west-1b'];
  }
}

/**
 * Shards for `services`: 1.5 x the even split, since hashing fills shards
 * unevenly (for 1,000 services: 35 shards, 22-37 services each).
 */
export function shardsFor(services: number): number {
  return Math.max(1, Math.ceil(services * RESOURCES_PER_SERVICE * 1.5 / BUDGET));
}

/** The key of service `i`: fixed for the life of the service. */
export const fleetKey = (i: number) => `svc-${String(i).padStart(4, '0')}`;

/** Build the fleet app: base stack `Fleet` and shard stacks `Fleet-Services-<n>`. */
export function buildFleetApp(app: App, services: number, shards = shardsFor(services)): ServiceFleet {
  const base = new FleetBaseStack(app, 'Fleet');
  const vpc = new ec2.Vpc(base, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.40.0.0/16'), maxAzs: 2, natGateways: 1 });
  const cluster = new EcsCluster(base, 'Cluster', { vpc });
  const certificate = acm.Certificate.fromCertificateArn(base, 'Certificate', CERTIFICATE_ARN);
  const fleet = new ServiceFleet(base, 'Services', { cluster, certificate, shards });
  for (let i = 0; i < services; i++) {
    const key = fleetKey(i);
    const task = new FargateTask(fleet.serviceScope(key), 'Task', {
      container: { image: IMAGE, portMappings: [{ containerPort: 8080 }], scratchPaths: ['/tmp'] },
    });
    fleet.addWebService(key, { task, hostHeaders: [`${key}.example.com`] });
  }
  return fleet;
}

/** `--name value` or the environment variable, as a positive integer. */
function intArg(args: string[], name: string, envVar: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const raw = i >= 0 ? args[i + 1] : process.env[envVar];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} / ${envVar} must be a positive integer, got '${raw}'`);
  return n;
}

function main(args: string[]): void {
  const services = intArg(args, 'services', 'FLEET_SERVICES', 1000);
  const shards = intArg(args, 'shards', 'FLEET_SHARDS', shardsFor(services));
  const outIndex = args.indexOf('--out');
  const outdir = outIndex >= 0 ? args[outIndex + 1] : fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-kit-fleet-'));
  const started = process.hrtime.bigint();
  const app = new App({ outdir });
  buildFleetApp(app, services, shards);
  const built = process.hrtime.bigint();
  const asm = app.synth();
  const synthesized = process.hrtime.bigint();
  const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
  const counts = asm.stacks.map((s) => ({ stack: s.stackName, resources: Object.keys(s.template.Resources ?? {}).length }));
  const shardCounts = counts.filter((c) => c.stack !== 'Fleet').map((c) => c.resources);
  console.log(`services ${services}, shards ${shards}, stacks ${asm.stacks.length} (base + ${shardCounts.length} shard stacks)`);
  console.log(`resources: base ${counts.find((c) => c.stack === 'Fleet')?.resources}, shard min ${Math.min(...shardCounts)} max ${Math.max(...shardCounts)} (budget ${BUDGET}, limit 500)`);
  console.log(`construct ${(ms(started, built) / 1000).toFixed(1)} s, synth ${(ms(built, synthesized) / 1000).toFixed(1)} s, total ${(ms(started, synthesized) / 1000).toFixed(1)} s`);
  if (args.includes('--checks')) {
    const before = process.hrtime.bigint();
    const report = EcsChecks.check(app);
    console.log(`kit checks ${(ms(before, process.hrtime.bigint()) / 1000).toFixed(1)} s: ${report.errorCount} errors, ${report.warningCount} warnings`);
  }
  const cpu = process.cpuUsage();
  console.log(`CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (user+system; on a busy machine wall time is longer); built-in CloudFormation validator ${process.env.CDK_VALIDATION === 'false' ? 'off (CDK_VALIDATION=false)' : 'on'}`);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`cloud assembly: ${outdir}`);
}

if (require.main === module) main(process.argv.slice(2));
