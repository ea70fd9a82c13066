import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { migrateCopilot, migrateCopilotFiles } from '../../src/migrate/migrate-copilot';
import { scheduleExpression } from '../../src/migrate/scheduled-job';
import { runCli as run } from '../cli/run-cli';

const MANIFESTS = path.join(__dirname, '..', 'fixtures', 'copilot', 'copilot');


describe('cdk-ecs-kit migrate copilot', () => {
  test('--out writes the file and counts the TODOs', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-cli-')), 'shop.ts');
    const r = run('migrate', 'copilot', '--out', out, path.join(MANIFESTS, 'api', 'manifest.yml'), path.join(MANIFESTS, 'nightly-report', 'manifest.yml'));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`Wrote ${out}: 2 manifest(s) migrated, 5 TODO(copilot) comment(s) to review`);
    const code = fs.readFileSync(out, 'utf8');
    expect(code).toContain('new BackendService(this, \'Api\'');
    expect(code).toContain('from \'cdk-ecs-kit\'');
  });

  test('--out creates the folder the file goes in', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-cli-')), 'lib', 'stacks', 'shop.ts');
    const r = run('migrate', 'copilot', '--out', out, path.join(MANIFESTS, 'api', 'manifest.yml'));
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('BackendService');
  });

  test('stdout without --out; --import-from changes the module', () => {
    const r = run('migrate', 'copilot', '--import-from', '../lib', path.join(MANIFESTS, 'api', 'manifest.yml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('from \'../lib\'');
  });

  test('exit 2 with one line for a file that is not a manifest or does not exist', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-cli-'));
    fs.writeFileSync(path.join(dir, 'bad.yml'), 'just: [a, yaml, map]\n');
    expect(run('migrate', 'copilot', path.join(dir, 'bad.yml'))).toEqual({ code: 2, stdout: '', stderr: `cdk-ecs-kit: ${path.join(dir, 'bad.yml')}: not a Copilot workload manifest (needs name and type)` });
    expect(run('migrate', 'copilot', path.join(dir, 'missing.yml')).stderr).toBe(`cdk-ecs-kit: ${path.join(dir, 'missing.yml')}: cannot read: ENOENT`);
    fs.writeFileSync(path.join(dir, 'broken.yml'), 'name: [\n');
    expect(run('migrate', 'copilot', path.join(dir, 'broken.yml')).stderr).toMatch(/broken\.yml: not YAML: /);
  });

  test('a folder stands for the workload manifests under it: the copilot folder, its project folder, or one workload', () => {
    const all = ['api', 'frontend', 'nightly-report', 'orders-worker'].map((n) => path.join(MANIFESTS, n, 'manifest.yml'));
    const project = path.dirname(MANIFESTS);
    const out = (...args: string[]) => run('migrate', 'copilot', ...args).stdout;
    expect(out(MANIFESTS)).toBe(out(...all));
    expect(out(project)).toBe(out(...all));
    expect(out(path.join(MANIFESTS, 'api'))).toBe(out(all[0]));
  });

  test('a folder without workload manifests is one line, exit 2; environment and pipeline manifests are not workloads', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-cli-'));
    for (const sub of ['environments/prod', 'pipelines/main']) {
      fs.mkdirSync(path.join(dir, 'copilot', sub), { recursive: true });
      fs.writeFileSync(path.join(dir, 'copilot', sub, 'manifest.yml'), 'name: x\ntype: Environment\n');
    }
    expect(run('migrate', 'copilot', dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: `cdk-ecs-kit: ${dir}: is a directory with no Copilot workload manifests (copilot/<name>/manifest.yml); `
        + 'pass the copilot folder, the project folder that holds it, or manifest files',
    });
  });
});

describe('migrateCopilot', () => {
  test('manifests without a kit construct are named on stderr and counted apart; with nothing migrated, exit 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-none-'));
    const rdws = path.join(dir, 'rdws.yml');
    fs.writeFileSync(rdws, 'name: rdws\ntype: Request-Driven Web Service\nimage:\n  location: nginx\n  port: 80\n');
    const api = path.join(dir, 'api.yml');
    fs.writeFileSync(api, 'name: api\ntype: Backend Service\nimage:\n  location: nginx\n  port: 8080\n');
    const out = path.join(dir, 'out.ts');
    const both = run('migrate', 'copilot', '--out', out, rdws, api);
    expect(both.code).toBe(0);
    expect(both.stdout).toMatch(new RegExp('^Wrote .*out\\.ts: 1 manifest\\(s\\) migrated, 1 not migrated, \\d+ TODO'));
    expect(both.stderr).toContain('cdk-ecs-kit: not migrated: rdws.yml (rdws): type \'Request-Driven Web Service\' has no kit construct');
    const alone = run('migrate', 'copilot', '--out', out, rdws);
    expect(alone.code).toBe(2);
    expect(alone.stdout).toContain('0 manifest(s) migrated, 1 not migrated');
  });

  test('types without a kit construct become one TODO for the whole manifest', () => {
    const r = migrateCopilot([{ file: 'copilot/site/manifest.yml', text: 'name: site\ntype: Static Site\nfiles:\n  - source: dist\n' }]);
    expect(r.manifests[0].todos).toEqual([expect.objectContaining({ path: '', value: 'Static Site' })]);
    expect(r.code).toContain('// TODO(copilot): copilot/site/manifest.yml: type: Static Site — type \'Static Site\' has no kit construct');
  });

  test('unknown fields are kept as TODOs, not dropped', () => {
    const r = migrateCopilot([{ file: 'm.yml', text: 'name: w\ntype: Worker Service\nimage:\n  location: nginx\nfuture_field:\n  enabled: true\n' }]);
    expect(r.manifests[0].todos).toEqual([{ path: 'future_field.enabled', value: true, why: 'not a field the migrator knows; map it by hand' }]);
    expect(r.code).toContain('// TODO(copilot): future_field.enabled: true — not a field the migrator knows');
  });

  test('an invalid Fargate size becomes the smallest size that fits, with a TODO naming it', () => {
    const r = migrateCopilot([{ file: 'm.yml', text: 'name: w\ntype: Worker Service\nimage:\n  location: nginx\ncpu: 256\nmemory: 4096\n' }]);
    expect(r.code).toContain('size: FargateSize.smallestFor({ cpu: 256, memoryMiB: 4096 })');
    expect(r.code).toContain('not a LINUX Fargate size; using the smallest size that fits, LINUX 0.5 vCPU / 4096 MiB');
  });

  // Copilot's Worker Service scales on its queue only with count.queue_delay; otherwise on cpu/memory alone.
  test('a worker with a range but no queue_delay keeps CPU-only scaling (scaleOnBacklog: false)', () => {
    const worker = (count: string) => migrateCopilot([{ file: 'm.yml', text: `name: w\ntype: Worker Service\nimage:\n  location: nginx\ncount:\n${count}` }]).code;
    const cpuOnly = worker('  range: 1-10\n  cpu_percentage: 60\n');
    expect(cpuOnly).toMatch(/scaleOnBacklog: false/);
    expect(cpuOnly).not.toMatch(/backlogPerTask/);
    const backlog = worker('  range: 1-10\n  queue_delay:\n    acceptable_latency: 10m\n    msg_processing_time: 250ms\n');
    expect(backlog).toMatch(/backlogPerTask: 2400/);
    expect(backlog).not.toMatch(/scaleOnBacklog/);
  });

  // Copilot adds one policy per metric the manifest names (convertAutoscaling); the kit's CPU policy is a default.
  test.each([
    ['memory only', 'Load Balanced Web Service', '  memory_percentage: 70\n', true],
    ['requests only', 'Load Balanced Web Service', '  requests: 200\n', true],
    ['queue_delay only', 'Worker Service', '  queue_delay:\n    acceptable_latency: 10s\n    msg_processing_time: 3s\n', true],
    ['cpu and memory', 'Load Balanced Web Service', '  cpu_percentage: 60\n  memory_percentage: 70\n', false],
    ['no metric (the kit\'s CPU default)', 'Load Balanced Web Service', '', false],
  ])('count.range with %s: scaleOnCpu false only when the manifest names another metric and not cpu', (_name, type, metrics, off) => {
    const web = type === 'Load Balanced Web Service' ? 'http:\n  path: /\n' : '';
    const code = migrateCopilot([{ file: 'm.yml', text: `name: w\ntype: ${type}\nimage:\n  location: nginx\n  port: 80\n${web}count:\n  range: 1-10\n${metrics}` }]).code;
    expect(/scaleOnCpu: false/.test(code)).toBe(off);
  });

  test('Environment manifests: alone, refused with exit 2; beside services, listed as not migrated', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-env-'));
    const env = path.join(dir, 'manifest.yml');
    fs.writeFileSync(env, 'name: prod\ntype: Environment\nnetwork:\n  vpc:\n    id: vpc-0123\n');
    const r = run('migrate', 'copilot', env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${env}: an Environment manifest, not a workload: pass the services' manifests (copilot/<service>/manifest.yml).`);
    // With services beside it (a copilot/**/manifest.yml glob): the environment is listed as not migrated, the services are.
    const svc = path.join(dir, 'api.yml');
    fs.writeFileSync(svc, 'name: api\ntype: Backend Service\nimage:\n  location: nginx\n  port: 8080\n');
    const both = run('migrate', 'copilot', env, svc);
    expect(both.code).toBe(0);
    expect(both.stdout).toContain('//   manifest.yml (not migrated)');
    expect(both.stdout).toContain('an Environment manifest, not a service. The environment\'s VPC and certificate are manual work');
    expect(both.stdout).toContain('new BackendService(');
  });

  test('a port below 1024 keeps the image running as root, with a TODO to move it; 1024 and up keeps the kit\'s non-root user', () => {
    const migrate = (port: number, platform = '') => migrateCopilot([{
      file: 'm.yml', text: `name: web\ntype: Load Balanced Web Service\n${platform}image:\n  location: nginx\n  port: ${port}\nhttp:\n  path: /\n`,
    }]);
    const low = migrate(80);
    expect(low.code).toContain('// TODO(copilot): image.port: 80 — below 1024, which only root may bind, so the container runs as root (\'0\') as the image did under Copilot');
    expect(low.code).toMatch(/user: '0',/);
    expect(low.manifests[0].todos.map((t) => t.path)).toEqual(['image.port']);
    expect(migrate(8080).code).not.toMatch(/user: /);
    // A sidecar on a low port too (an nginx proxy on 80 in front of the app).
    const sidecar = migrateCopilot([{
      file: 'm.yml',
      text: 'name: web\ntype: Load Balanced Web Service\nimage:\n  location: app\n  port: 8080\nhttp:\n  path: /\n'
        + 'sidecars:\n  proxy:\n    image: nginx:1.27\n    port: 80\n',
    }]);
    expect(sidecar.manifests[0].todos.map((t) => t.path)).toEqual(['sidecars.proxy.port']);
    const proxy = sidecar.code.slice(sidecar.code.indexOf("addContainer('proxy'"));
    expect(proxy.slice(0, proxy.indexOf('});'))).toContain("user: '0',");
    expect(migrate(80, 'platform: windows/x86_64\n').code).not.toMatch(/user: /);
  });

  // CreateService rejects Service Connect on Windows tasks (ECS-SC-13, aws/copilot-cli#5696).
  test('a Windows Backend Service becomes a WorkerService without Service Connect, with a TODO; Windows services are no Service Connect clients', () => {
    const backend = (platform: string) => ({ file: 'b.yml', text: `name: api\ntype: Backend Service\n${platform}image:\n  location: app\n  port: 8080\n` });
    const web = (platform: string, connect = '') => ({
      file: 'w.yml', text: `name: web\ntype: Load Balanced Web Service\n${platform}image:\n  location: app\n  port: 8080\nhttp:\n  path: /\n${connect}`,
    });
    const family = backend('platform:\n  osfamily: windows_server_2022_core\n  architecture: x86_64\n');
    const windows = migrateCopilot([backend('platform: windows/x86_64\n'), { file: 'b2.yml', text: family.text.replace('name: api', 'name: api2') }]);
    expect(windows.code).not.toContain('new BackendService(');
    expect(windows.code.match(/new WorkerService\(/g)).toHaveLength(2);
    expect(windows.code).toContain('// TODO(copilot): a Windows Backend Service: Service Connect does not run Windows tasks (ECS-SC-13)');
    expect(windows.code).not.toContain('serviceConnect');
    // Beside a Linux backend, a Linux web service is its client; a Windows one is not, even with network.connect.
    const mixed = migrateCopilot([backend(''), web('platform: windows/x86_64\n', 'network:\n  connect: true\n')]);
    expect(mixed.code).toContain('new BackendService(');
    const webProps = (code: string) => code.slice(code.indexOf('new WebService('), code.indexOf('});', code.indexOf('new WebService(')));
    expect(webProps(mixed.code)).not.toContain('serviceConnect');
    expect(mixed.code).toContain('// TODO(copilot): network.connect on a Windows service: Service Connect does not run Windows tasks (ECS-SC-13); left off.');
    expect(webProps(migrateCopilot([backend(''), web('')]).code)).toContain('serviceConnect: {},');
  });

  test('queue_delay backlog per task is rounded up, as Copilot (math.Ceil): 10 s / 3 s is 4', () => {
    const code = migrateCopilot([{ file: 'm.yml', text: 'name: w\ntype: Worker Service\nimage:\n  location: nginx\ncount:\n  range: 1-10\n  queue_delay:\n    acceptable_latency: 10s\n    msg_processing_time: 3s\n' }]).code;
    expect(code).toMatch(/backlogPerTask: 4,/);
  });

  test('a health check on another port keeps its port (the service opens it to the load balancer, as Copilot\'s environment security group did)', () => {
    const manifest = (port: number) => `name: web\ntype: Load Balanced Web Service\nimage:\n  location: nginx\n  port: 8080\nhttp:\n  path: /\n  healthcheck:\n    path: /health\n    port: ${port}\n`;
    const code = migrateCopilot([{ file: 'm.yml', text: manifest(8081) }]).code;
    expect(code).toMatch(/healthCheck: \{\s*path: '\/health',\s*port: '8081'/);
    expect(code).not.toContain('allowFrom(web.listener');
  });

  test('a health check path without a leading slash gets one, as Copilot renders it (ELB rejects it otherwise, ECS-SV-33)', () => {
    const web = (http: string) => migrateCopilot([{ file: 'm.yml', text: `name: web\ntype: Load Balanced Web Service\nimage:\n  location: nginx\n  port: 8080\nhttp:\n  path: /\n${http}` }]).code;
    expect(web('  healthcheck: healthz\n')).toMatch(/healthCheck: \{\s*path: '\/healthz',/);
    expect(web('  healthcheck:\n    path: api/health\n')).toMatch(/path: '\/api\/health'/);
    expect(web('  healthcheck: /ready\n')).toMatch(/healthCheck: \{\s*path: '\/ready',/);
  });

  // Copilot's docs: image.healthcheck interval 10s, retries 2, timeout 5s; http.healthcheck the load balancer's defaults (5/2, 30 s).
  test('health checks keep Copilot\'s defaults: the container check\'s 10 s / 5 s / 2 retries, the target group\'s load balancer defaults', () => {
    const web = (extra: string) => migrateCopilot([{ file: 'm.yml', text: `name: web\ntype: Load Balanced Web Service\nimage:\n  location: nginx\n  port: 8080\n${extra}http:\n  path: /\n` }]).code;
    const command = web('  healthcheck:\n    command: ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"]\n');
    expect(command).toMatch(/retries: 2,\s*interval: Duration\.seconds\(10\),\s*timeout: Duration\.seconds\(5\),/);
    // Given values win; a 5 s interval leaves the timeout to ECS (it must be shorter than the interval).
    const given = web('  healthcheck:\n    command: ["CMD", "true"]\n    interval: 5s\n    retries: 4\n');
    expect(given).toMatch(/interval: Duration\.seconds\(5\),\s*retries: 4,\s*\}/);
    expect(web('')).toMatch(/healthCheck: \{\s*path: '\/',\s*healthyHttpCodes: '200',\s*healthyThresholdCount: 5,\s*unhealthyThresholdCount: 2,/);
  });

  test('running the generated file registers EcsChecks, so synth fails on what ECS would reject', () => {
    const code = migrateCopilot([{ file: 'm.yml', text: 'name: w\ntype: Worker Service\nimage:\n  location: nginx\n' }]).code;
    expect(code).toMatch(/if \(require\.main === module\) \{\n\s+const app = new App\(\);\n(.*\n)*\s+Validations\.of\(app\)\.addPlugins\(new EcsChecks\(\)\);\n\s+buildApp\(app\);/);
    expect(code).toMatch(/import \{[^}]*EcsChecks[^}]*\} from 'cdk-ecs-kit';/);
  });

  test.each([
    ['@daily', 'scheduler.ScheduleExpression.expression(\'cron(0 0 * * ? *)\')'],
    ['@every 90m', 'scheduler.ScheduleExpression.rate(Duration.minutes(90))'],
    ['rate(5 minutes)', 'scheduler.ScheduleExpression.expression(\'rate(5 minutes)\')'],
    ['0 9 * * 1-5', 'scheduler.ScheduleExpression.expression(\'cron(0 9 ? * 2-6 *)\')'],
    ['15 3 1 * *', 'scheduler.ScheduleExpression.expression(\'cron(15 3 1 * ? *)\')'],
    ['* * * * *', 'scheduler.ScheduleExpression.expression(\'cron(* * * * ? *)\')'],
    // A step in day-of-month is a day, not an open field (it became * before; found by a verification trial).
    ['0 2 */2 * *', 'scheduler.ScheduleExpression.expression(\'cron(0 2 */2 * ? *)\')'],
  ])('schedule %s as Copilot converts it', (schedule, expr) => {
    expect(scheduleExpression(schedule)).toEqual({ expr, enabled: true });
  });

  // 0 2 * * */2 (every other weekday from Sunday) has no EventBridge form with a step: it ran every day before.
  test.each(['0 9 1 * 1', '@every 30s', '@fortnightly', 'tomorrow', '0 2 * * */2', '0 2 * * 1-5/2'])('schedule %s is not converted', (schedule) => {
    expect(scheduleExpression(schedule)).toBeUndefined();
  });

  // Copilot creates copilot/environments/<name>/manifest.yml for each environment; a service need not override any.
  test('migrateCopilotFiles builds every environment of the workspace, not only those the manifests override', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'copilot-envs-'));
    for (const env of ['test', 'staging', 'prod']) {
      fs.mkdirSync(path.join(root, 'copilot', 'environments', env), { recursive: true });
      fs.writeFileSync(path.join(root, 'copilot', 'environments', env, 'manifest.yml'), `name: ${env}\ntype: Environment\n`);
    }
    fs.mkdirSync(path.join(root, 'copilot', 'worker'));
    fs.writeFileSync(path.join(root, 'copilot', 'notes.txt'), 'not an environment');
    const manifest = path.join(root, 'copilot', 'worker', 'manifest.yml');
    fs.writeFileSync(manifest, 'name: worker\ntype: Worker Service\nimage:\n  location: nginx\n');
    expect(migrateCopilotFiles([manifest], undefined).code).toMatch(/ENVIRONMENTS = \['prod', 'staging', 'test'\]/);
  });

  // A TODO left in place must not deploy a job on a made-up schedule: the schedule as written fails synth (ECS-JB-01).
  test.each([
    ['0 2 * *', 'scheduler.ScheduleExpression.expression(\'0 2 * *\')', 'not a schedule the migrator can convert'],
    ['@every 90s', 'scheduler.ScheduleExpression.expression(\'@every 90s\')', 'not a schedule the migrator can convert'],
    ['rate(5 minute)', 'scheduler.ScheduleExpression.expression(\'rate(5 minutes)\')', 'rate(5 minute) written as rate(5 minutes)'],
    ['0 25 * * *', 'scheduler.ScheduleExpression.expression(\'cron(0 25 * * ? *)\')', 'has hours \'25\': 25 is outside 0-23'],
  ])('schedule %s is kept as written, with a TODO that says why', (schedule, expr, todo) => {
    const code = migrateCopilot([{ file: 'm.yml', text: `name: j\ntype: Scheduled Job\nimage:\n  location: nginx\non:\n  schedule: '${schedule}'\n` }]).code;
    expect(code).toContain(`schedule: ${expr},`);
    expect(code).toMatch(new RegExp(`// TODO\\(copilot\\): on\\.schedule: .*${todo.replace(/[()*?.]/g, '\\$&')}`));
    expect(code).not.toContain('rate(1 day)');
  });
  // The kept form of the other three fails synth with ECS-JB-01; rate(5 minute) would only warn, so it is corrected.
});

test('a Backend Service with http gets its own internal ALB; web services share the public one', () => {
  const r = migrateCopilot([
    { file: 'a.yml', text: 'name: web\ntype: Load Balanced Web Service\nimage:\n  location: nginx\n  port: 80\nhttp:\n  path: /\n' },
    { file: 'b.yml', text: 'name: admin\ntype: Load Balanced Web Service\nimage:\n  location: nginx\n  port: 80\nhttp:\n  path: admin\n' },
    { file: 'c.yml', text: 'name: internal\ntype: Backend Service\nimage:\n  location: nginx\n  port: 80\nhttp:\n  path: /\n' },
  ]);
  expect(r.code).toContain('listener: web.listener,\n      priority: 10,\n      pathPatterns: [\'/admin\', \'/admin/*\'],');
  expect(r.code).toMatch(/new WebService\(this, 'Internal', \{[^}]*certificate: props\.certificate,\s*internetFacing: false,/);
});

test('two services on / told apart by http.alias: the routed one matches its host names, as Copilot\'s listener rule did', () => {
  const web = (name: string, alias: string) => ({ file: `${name}.yml`, text: `name: ${name}\ntype: Load Balanced Web Service\nimage:\n  location: nginx\n  port: 80\nhttp:\n  path: /\n  alias: ${alias}\n` });
  const r = migrateCopilot([web('admin', 'admin.example.com'), web('web', '[www.example.com, {name: example.com, hosted_zone: Z123}]')]);
  expect(r.code).toContain("listener: admin.listener,\n      priority: 10,\n      pathPatterns: ['/*'],\n      hostHeaders: ['www.example.com', 'example.com'],\n      healthCheck: {\n        path: '/',\n");
  expect(r.code).toContain('DNS: point the name at admin.loadBalancer');
});

describe('migrate copilot: the TODO count is the comments written', () => {
  test('a Windows Backend Service\'s TODO (not a field TODO) is counted', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-cli-'));
    const manifest = path.join(dir, 'manifest.yml');
    fs.writeFileSync(manifest, 'name: win\ntype: Backend Service\nplatform: windows/x86_64\nimage:\n  location: mcr.microsoft.com/windows/servercore/iis\n  port: 80\n');
    const out = path.join(dir, 'win.ts');
    const r = run('migrate', 'copilot', '--out', out, manifest);
    const written = (fs.readFileSync(out, 'utf8').match(/^\s*\/\/ TODO\(copilot\):/gm) ?? []).length;
    expect(written).toBeGreaterThan(0);
    expect(r.stdout).toBe(`Wrote ${out}: 1 manifest(s) migrated, ${written} TODO(copilot) comment(s) to review`);
  });
});
