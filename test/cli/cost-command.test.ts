import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { BUNDLED_PRICES, CostReport, validatePriceTable } from '../../src/cost';
import { serviceStack } from '../cost/fixtures';

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cost-cli-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, { stdout: (t) => { out += `${t}\n`; }, stderr: (t) => { err += `${t}\n`; } });
  return { code, out, err };
}

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('cdk-ecs-kit cost', () => {
  test('text report names the price table, its sources and what is not counted', () => {
    const file = write('web.json', serviceStack({ cpu: '512', memory: '1024' }, { desired: 2 }));
    const r = run('cost', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Prices: cdk-ecs-kit bundled AWS price table, retrieved 2026-12-03');
    expect(r.out).toContain('[vantage-fargate] https://www.vantage.sh/blog/fargate-pricing');
    expect(r.out).toContain('Note: stack web is env-agnostic (no Region): priced in us-east-1; pass --region to choose');
    expect(r.out).toContain('Fargate Spot at 0.31 x On-Demand and EC2 Spot at 0.35 x On-Demand: Spot prices vary');
    expect(r.out).toContain('monthly: $36.04');
    expect(r.out).toContain('Total: $36.04 a month');
    expect(r.out).toMatch(/Not counted: load balancers .*NAT gateways, data transfer, CloudWatch Logs/);
  });

  test('--format json carries the same figures as data', () => {
    const file = write('json.json', serviceStack({ cpu: 1024, memory: 2048 }, { desired: 1 }));
    const r = run('cost', '--format', 'json', '--region', 'eu-central-1', file);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as CostReport;
    // 1 x (1 vCPU x $0.04656 + 2 GB x $0.00511) x 730
    expect(report.total.monthly).toBeCloseTo((0.04656 + 2 * 0.00511) * 730, 6);
    expect(report.services[0]).toMatchObject({ region: 'eu-central-1', tasks: { nominal: 1 } });
    expect(report.prices.sources.map((s) => s.id)).toContain('fgcalc-regions');
    expect(report.notes).toEqual([]);
  });

  test('Parameter defaults of hand-written templates are priced and named', () => {
    const t = serviceStack({ cpu: { Ref: 'Cpu' }, memory: 512 }, { desired: { Ref: 'Count' } }) as Record<string, unknown>;
    const file = write('params.json', { ...t, Parameters: { Cpu: { Type: 'Number', Default: 256 }, Count: { Type: 'Number', Default: '3' } } });
    const report = JSON.parse(run('cost', '--format', 'json', file).out) as CostReport;
    expect(report.notes).toContain('stack params: Parameters priced at their Default: Count="3", Cpu=256');
    expect(report.total.monthly).toBeCloseTo(3 * (0.25 * 0.04048 + 0.5 * 0.004445) * 730, 6);
  });

  test('--print-prices prints the bundled table, which passes its own validation', () => {
    const r = run('cost', '--print-prices');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(BUNDLED_PRICES)));
    expect(() => validatePriceTable(JSON.parse(r.out))).not.toThrow();
  });

  test('--prices FILE replaces the table; the report names the file', () => {
    const table = JSON.parse(JSON.stringify(BUNDLED_PRICES));
    table.regions['us-east-1'].fargate.linuxX86.vcpuHour.usd = 0.05;
    table.retrieved = '2027-01-01';
    const prices = write('newer.json', table);
    const file = write('p.json', serviceStack({ cpu: 1024, memory: 2048 }, { desired: 1 }));
    const r = run('cost', '--prices', prices, file);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`retrieved 2027-01-01 (from ${prices})`);
    expect(r.out).toContain(`monthly: $${((0.05 + 2 * 0.004445) * 730).toFixed(2)}`);
  });

  test.each([
    ['not JSON', '{ nope', 'bad price file: not valid JSON'],
    ['wrong schema version', { ...BUNDLED_PRICES, schemaVersion: 2 }, 'bad price file: schemaVersion must be 1, got 2'],
    ['negative price', (() => {
      const t = JSON.parse(JSON.stringify(BUNDLED_PRICES));
      t.regions['us-east-1'].ec2['m7g.large'].usd = -1;
      return t;
    })(), 'bad price file: regions.us-east-1.ec2.m7g.large.usd must be a number above 0, got -1'],
    ['unknown source', (() => {
      const t = JSON.parse(JSON.stringify(BUNDLED_PRICES));
      t.regions['eu-west-1'].fargate.linuxX86.gbHour.source = 'blog';
      return t;
    })(), 'bad price file: regions.eu-west-1.fargate.linuxX86.gbHour.source names no entry of sources: "blog"'],
    ['instance type without a spec', (() => {
      const t = JSON.parse(JSON.stringify(BUNDLED_PRICES));
      t.regions['us-east-1'].ec2['x9.huge'] = { usd: 1, source: 'ec2-on-demand-us' };
      return t;
    })(), 'bad price file: regions.us-east-1.ec2.x9.huge has no entry in instanceTypes'],
    ['Spot factor above 1', { ...BUNDLED_PRICES, fargateSpotFactor: { value: 1.5, source: 'fgcalc-regions' } }, 'bad price file: fargateSpotFactor.value must be a number above 0 and at most 1, got 1.5'],
  ])('a bad price file (%s) exits 2 with one line naming the file and the problem', (_name, content, problem) => {
    const prices = write(`bad-${_name.replace(/\W/g, '')}.json`, content);
    const file = write('ok.json', serviceStack({ cpu: 256, memory: 512 }, { desired: 1 }));
    const r = run('cost', '--prices', prices, file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(`cdk-ecs-kit: ${prices}: ${problem}`);
  });

  test('a missing price file and a bad --region exit 2', () => {
    const file = write('ok2.json', serviceStack({ cpu: 256, memory: 512 }, { desired: 1 }));
    expect(run('cost', '--prices', path.join(dir, 'none.json'), file)).toMatchObject({ code: 2, err: expect.stringContaining('none.json: bad price file: file not found') });
    expect(run('cost', '--region', 'Mars', file)).toMatchObject({ code: 2, err: expect.stringContaining("--region: 'Mars' is not a Region name") });
    expect(run('cost')).toMatchObject({ code: 2 });
  });
});

describe('cost over the example app and real templates', () => {
  const golden = path.join(__dirname, '..', 'golden', 'example-app');
  test('the example app assembly: Regions from the manifest, no crash, every item priced or explained', () => {
    const r = run('cost', '--format', 'json', golden);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as CostReport;
    expect(report.services.length).toBeGreaterThan(0);
    // EcsKitServices has env eu-west-1 in the manifest; Orders is env-agnostic.
    expect(report.services.filter((s) => s.stack === 'EcsKitServices').every((s) => s.region === 'eu-west-1')).toBe(true);
    expect(report.notes).toEqual([
      'stack Orders is env-agnostic (no Region): priced in us-east-1; pass --region to choose',
      '1 scheduled job not priced (EcsKitServices/Nightly/Schedule): their tasks run only while each run lasts; price one run with the task size x its duration',
    ]);
    for (const s of report.services) expect(s.monthly > 0 || s.unpriced.length > 0 || s.notes.length > 0).toBe(true);
    const us = JSON.parse(run('cost', '--format', 'json', '--region', 'us-east-1', golden).out) as CostReport;
    // In us-east-1 everything is priced but the worker on Managed Instances capacity (no such prices in the table).
    expect(us.services.flatMap((s) => s.unpriced)).toEqual([expect.stringContaining('on ECS Managed Instances capacity')]);
    expect(us.unpricedCount).toBe(1);
    expect(us.services.some((s) => s.path.includes('/Express') && s.monthly > 0)).toBe(true);
    expect(us.total.monthly).toBeGreaterThan(0);
  });

  const realDir = path.join(__dirname, '..', '..', '..', 'shared', 'real-templates', 'cfn');
  const real = fs.existsSync(realDir) ? fs.readdirSync(realDir).map((f) => path.join(realDir, f)) : [];
  (real.length > 0 ? test : test.skip)('every real-world template: exit 0 and a total line', () => {
    for (const file of real) {
      const r = run('cost', file);
      expect({ file, code: r.code, err: r.err }).toEqual({ file, code: 0, err: '' });
      expect(r.out).toMatch(/^Total: \$[\d,]+\.\d\d a month/m);
    }
  });
});
