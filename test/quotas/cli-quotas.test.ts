import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { buildApp, L1_SERVICES_PER_STACK } from './multi-stack-app';
import { main } from '../../src/cli/main';
import { EcsChecks } from '../../src/plugin/ecs-checks';
import { QuotaProfile } from '../../src/quotas/quota-profile';
import { QuotaUsageRow } from '../../src/quotas/report';

const SERVICES = 3 * (L1_SERVICES_PER_STACK + 1);
let outdir: string;

beforeAll(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'quota-cdk-out-'));
  buildApp(outdir).synth();
});
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

function run(...argv: string[]): { code: number; out: string } {
  let out = '';
  const code = main(argv, { stdout: (t) => { out += `${t}\n`; }, stderr: (t) => { out += `${t}\n`; } });
  return { code, out };
}

describe('cdk-ecs-kit on the synthesized multi-stack cdk.out', () => {
  test('check --quotas legacy reports each crossed limit and exits 1; current exits 0', () => {
    const legacy = run('check', '--quotas', 'legacy', outdir);
    expect(legacy.code).toBe(1);
    for (const part of [
      `[ECS-QT-02] Cluster Network/Cluster has ${SERVICES} services`, 'allowed: 500 services',
      '[ECS-SV-25] Service Orders/Api/Service runs up to 1,200 tasks', 'allowed: 1,000 tasks',
      '[ECS-SV-21] Service Web/Site/Service is attached to 2 target groups',
      '[ECS-QT-03] Cluster Network/Cluster can register up to 1,200 container instances',
      '[ECS-TD-20] Task definition Web/BigTask renders to at least',
    ]) expect(legacy.out).toContain(part);
    const current = run('check', '--quotas', 'current', outdir);
    expect(current.code).toBe(0);
    expect(current.out).not.toContain('[ECS-QT-02]');
  });

  test('quotas prints the capacity table; --format json prints the same rows as data', () => {
    const text = run('quotas', '--quotas', 'legacy', outdir).out;
    expect(text).toMatch(new RegExp(`Services per cluster +cluster Network/Cluster +${SERVICES} +500 +100\\.8% +OVER`));
    expect(text).toMatch(/Tasks per service +service Orders\/Api\/Service \(highest of \d+\) +1,200 +1,000 +120% +OVER/);
    const rows = JSON.parse(run('quotas', '--quotas', 'legacy', '--format', 'json', outdir).out) as QuotaUsageRow[];
    expect(rows.find((r) => r.quota === 'servicesPerCluster')).toMatchObject({ used: SERVICES, limit: 500, status: 'over' });
    expect(rows.find((r) => r.quota === 'containerInstancesPerCluster')).toMatchObject({ used: 1200, limit: 1000, adjustable: false });
  });
});

// The platform trial: synth and check accepted an acknowledged ECS-QT-02 while quotas failed the same app.
describe('quotas honours acknowledgements as check does', () => {
  const quotaFile = () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'quota-file-')), 'quotas.json');
    fs.writeFileSync(file, JSON.stringify({ quotas: { servicesPerCluster: 2 } }));
    return file;
  };
  /** Three services on one cluster; ECS-QT-02 (over 2) acknowledged on the App, so synth passes. */
  function synth(): string {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'quota-ack-')), context: { 'aws:cdk:enable-path-metadata': true } });
    Validations.of(app).addPlugins(new EcsChecks({ quotas: QuotaProfile.current().withOverrides({ servicesPerCluster: 2 }) }));
    Validations.of(app).acknowledge({ id: 'ECS-QT-02', reason: 'Raised to 3 in Service Quotas (PLAT-42).' });
    const stack = new Stack(app, 'Fleet');
    const cluster = new ecs.CfnCluster(stack, 'Cluster');
    const task = new ecs.CfnTaskDefinition(stack, 'Task', {
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27' }],
    });
    for (const id of ['A', 'B', 'C']) {
      new ecs.CfnService(stack, id, {
        cluster: cluster.ref,
        taskDefinition: task.ref,
        launchType: 'FARGATE',
        desiredCount: 1,
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], assignPublicIp: 'ENABLED' } },
      });
    }
    return app.synth().directory;
  }

  test('an over-limit row the app acknowledged shows ACKED with its reason and exits 0; --ignore-acknowledgements exits 1', () => {
    const out = synth();
    const file = quotaFile();
    const acked = run('quotas', '--quotas', file, out);
    expect(acked.code).toBe(0);
    expect(acked.out).toMatch(/Services per cluster\s+cluster Fleet\/Cluster\s+3\s+2\s+150%\s+ACKED/);
    expect(acked.out).toContain('1 over the limit, 1 of them acknowledged (ACKED, below)');
    expect(acked.out).toContain('ACKED: Services per cluster, cluster Fleet/Cluster: acknowledged at the app; reason: Raised to 3 in Service Quotas (PLAT-42).');
    const json = JSON.parse(run('quotas', '--format', 'json', '--quotas', file, out).out) as QuotaUsageRow[];
    expect(json.find((r) => r.quota === 'servicesPerCluster')).toMatchObject({ status: 'over', acknowledged: { reason: 'Raised to 3 in Service Quotas (PLAT-42).', at: '' } });
    expect(run('quotas', '--ignore-acknowledgements', '--quotas', file, out).code).toBe(1);
    // check gives the same verdict.
    expect(run('check', '--quotas', file, out).code).toBe(0);
  });
});
