import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp, L1_SERVICES_PER_STACK } from './multi-stack-app';
import { main } from '../../src/cli/main';
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
