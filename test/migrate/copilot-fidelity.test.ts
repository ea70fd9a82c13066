/** What a user trial of `migrate copilot` found the migrator got wrong or left silent, each against Copilot's own behaviour. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { copilotSnakeCase } from '../../src/migrate/addons';
import { migrateCopilot, migrateCopilotFiles } from '../../src/migrate/migrate-copilot';
import { copilotRejects, scheduleExpression } from '../../src/migrate/scheduled-job';
import { runCli as run } from '../cli/run-cli';

const web = (http: string, extra = '') => migrateCopilot([{
  file: 'copilot/web/manifest.yml',
  text: `name: web\ntype: Load Balanced Web Service\nimage:\n  location: nginx\n  port: 8080\n${extra}http:\n  path: /\n${http}`,
}]);

/** The healthCheck object literal of the (first) WebService. */
function healthCheck(code: string): string {
  const start = code.indexOf('healthCheck: {\n');
  return code.slice(start, code.indexOf('\n      },', start) + 9);
}

// Copilot left unset fields out of its target group (templates/workloads/partials/cf/alb.yml), so ELB's defaults applied;
// its docs (include/http-healthcheck.en.md): healthy 5, unhealthy 2, interval 30s, timeout 5s, success code 200, grace 60s.
describe('http.healthcheck: Copilot\'s load balancer defaults, not the kit\'s 2/3', () => {
  const DEFAULTS = "healthyHttpCodes: '200',\n        healthyThresholdCount: 5,\n        unhealthyThresholdCount: 2,\n"
    + '        interval: Duration.seconds(30),\n        timeout: Duration.seconds(5),';

  test.each([
    ['no healthcheck', '', '/'],
    ['a path', '  healthcheck: healthz\n', '/healthz'],
    ['a map with a path only', '  healthcheck:\n    path: /ready\n', '/ready'],
  ])('%s: the defaults are written out', (_name, http, p) => {
    const r = web(http);
    expect(healthCheck(r.code)).toBe(`healthCheck: {\n        path: '${p}',\n        ${DEFAULTS}\n      },`);
    expect(r.manifests[0].todos).toEqual([]);
  });

  test('values the manifest sets win, each one; grace_period is the service\'s healthCheckGracePeriod', () => {
    const r = web('  healthcheck:\n    path: /h\n    success_codes: 200-299\n    healthy_threshold: 3\n    unhealthy_threshold: 4\n'
      + '    interval: 15s\n    timeout: 10s\n    grace_period: 2m\n');
    expect(healthCheck(r.code)).toBe("healthCheck: {\n        path: '/h',\n        healthyHttpCodes: '200-299',\n        healthyThresholdCount: 3,\n"
      + '        unhealthyThresholdCount: 4,\n        interval: Duration.seconds(15),\n        timeout: Duration.seconds(10),\n      },');
    expect(r.code).toContain('healthCheckGracePeriod: Duration.minutes(2),');
    // Only some set: the others keep Copilot's defaults.
    const some = healthCheck(web('  healthcheck:\n    path: /h\n    healthy_threshold: 3\n').code);
    expect(some).toContain('healthyThresholdCount: 3,');
    expect(some).toContain('unhealthyThresholdCount: 2,');
    expect(some).toContain("healthyHttpCodes: '200',");
  });

  test('an interval of 5 s leaves the timeout unset (ELB wants it below the interval), as Copilot did', () => {
    const hc = healthCheck(web('  healthcheck:\n    path: /h\n    interval: 5s\n').code);
    expect(hc).toContain('interval: Duration.seconds(5),');
    expect(hc).not.toContain('timeout');
  });

  test('a health check on port 443 is made over HTTPS, as Copilot\'s target group did', () => {
    const hc = healthCheck(web('  healthcheck:\n    path: /h\n    port: 443\n').code);
    expect(hc).toContain("port: '443',\n        protocol: elbv2.Protocol.HTTPS,");
  });
});

/** A Copilot workspace with one workload and the files given under its addons folder. */
function workspace(addons: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'copilot-addons-'));
  fs.mkdirSync(path.join(root, 'copilot', 'api', 'addons'), { recursive: true });
  fs.writeFileSync(path.join(root, 'copilot', 'api', 'manifest.yml'), 'name: api\ntype: Backend Service\nimage:\n  location: nginx\n  port: 8080\n');
  for (const [name, text] of Object.entries(addons)) fs.writeFileSync(path.join(root, 'copilot', 'api', 'addons', name), text);
  return root;
}

const ADDON = `Parameters:
  App: { Type: String }
  Env: { Type: String }
  Name: { Type: String }
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Sub \${App}-\${Env}-\${Name}
  TableAccess:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: { Statement: [{ Effect: Allow, Action: 'dynamodb:*', Resource: !GetAtt Table.Arn }] }
  DbSecret:
    Type: AWS::SecretsManager::Secret
  ClientGroup:
    Type: AWS::EC2::SecurityGroup
Outputs:
  MyTableName: { Value: !Ref Table }
  TableAccessArn: { Value: !Ref TableAccess }
  DBSecret:
    Value:
      Ref: DbSecret
  ClientGroupId: { Value: !Ref ClientGroup }
`;

describe('workload addons', () => {
  let warnings: jest.SpyInstance;
  beforeEach(() => {
    warnings = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  });
  afterEach(() => warnings.mockRestore());

  test('one TODO per workload names each addon file and each Output with what Copilot did with it', () => {
    const root = workspace({ 'ddb.yml': ADDON, 'addons.parameters.yml': 'Parameters:\n  Extra: !GetAtt Service.Name\n', 'zz.yaml': ADDON });
    const r = migrateCopilotFiles([path.join(root, 'copilot')], undefined);
    expect(r.manifests[0].todos).toEqual([expect.objectContaining({ path: 'addons', value: ['ddb.yml', 'zz.yaml'] })]);
    expect(r.code.match(/TODO\(copilot\): addons: /g)).toHaveLength(1);
    expect(r.code).toContain('// TODO(copilot): addons: copilot/api/addons: ddb.yml, zz.yaml — Copilot deployed these CloudFormation templates as a nested stack');
    expect(r.code).toContain("//     MyTableName (!Ref Table, AWS::DynamoDB::Table): environment variable MY_TABLE_NAME: apiTask.defaultContainer.addEnvironment('MY_TABLE_NAME', value)");
    expect(r.code).toContain('//     TableAccessArn (!Ref TableAccess, AWS::IAM::ManagedPolicy): managed policy of the task role: apiTask.taskRole.addManagedPolicy(policy)');
    expect(r.code).toContain("//     DBSecret (!Ref DbSecret, AWS::SecretsManager::Secret): secret DB_SECRET in the main container: apiTask.defaultContainer.addSecret('DB_SECRET'");
    expect(r.code).toContain('//     ClientGroupId (!Ref ClientGroup, AWS::EC2::SecurityGroup): security group of the service: api.service.connections.addSecurityGroup(group); also environment variable CLIENT_GROUP_ID');
    expect(r.code).toContain('//   addons.parameters.yml: extra parameters Copilot passed to the templates');
    // Read with the CloudFormation tags known: no warning about !Ref, !Sub or !GetAtt.
    expect(warnings).not.toHaveBeenCalled();
  });

  test('an addon that is not a template is named with why', () => {
    const r = migrateCopilotFiles([path.join(workspace({ 'bad.yml': 'just: text\n' }), 'copilot')], undefined);
    expect(r.code).toMatch(/\/\/ {3}bad\.yml: not read \(.*no Resources section.*\): port it by hand/);
  });

  test('Copilot\'s SCREAMING_SNAKE_CASE of Output names', () => {
    expect(['MyTableName', 'OrdersAPIKey', 'S3Bucket', 'dbURL'].map(copilotSnakeCase)).toEqual(['MY_TABLE_NAME', 'ORDERS_API_KEY', 'S3_BUCKET', 'DB_URL']);
  });

  test('an addon file or folder given as an argument: exit 2 naming the workload folder to pass; each YAML warning once', () => {
    const root = workspace({ 'ddb.yml': ADDON });
    const file = path.join(root, 'copilot', 'api', 'addons', 'ddb.yml');
    expect(run('migrate', 'copilot', file)).toEqual({
      code: 2,
      stdout: '',
      stderr: `cdk-ecs-kit: ${file}: a Copilot addon template (CloudFormation), not a workload manifest: pass the workload's folder `
        + `(${path.join(root, 'copilot', 'api')}) or its manifest.yml; the generated code names each addon and its Outputs in a TODO`,
    });
    // ADDON has one !Sub, one !GetAtt and three !Ref tags the manifest reader does not know: five warnings, not ten.
    expect(warnings).toHaveBeenCalledTimes(5);
    expect(run('migrate', 'copilot', path.dirname(file)).stderr).toContain(': a Copilot addons folder (CloudFormation templates), not a workload manifest');
  });
});

// Copilot checked 5-field crons with robfig/cron's ParseStandard (stack/scheduled_job.go), which has no #, L or W.
describe('on.schedule that Copilot refused', () => {
  test.each(['0 9 * * 1#2', '0 9 * * 5L', '0 9 L * *', '0 9 15W * *'])('%s: not converted', (schedule) => {
    expect(copilotRejects(schedule)).toBeDefined();
    expect(scheduleExpression(schedule)).toBeUndefined();
  });

  test.each(['0 9 * * 1-5', '*/15 0-6 1,15 JAN-MAR ?', '0 9 * * MON-FRI', '@daily'])('%s: Copilot took it', (schedule) => {
    expect(copilotRejects(schedule)).toBeUndefined();
  });

  test('the second Monday is kept as written with a TODO whose suggestion maps the weekday only (2#2, not 2#3)', () => {
    const r = migrateCopilot([{ file: 'm.yml', text: "name: j\ntype: Scheduled Job\nimage:\n  location: nginx\non:\n  schedule: '0 9 * * 1#2'\n" }]);
    expect(r.code).toContain("schedule: scheduler.ScheduleExpression.expression('0 9 * * 1#2'),");
    expect(r.code).toContain("// TODO(copilot): on.schedule: 0 9 * * 1#2 — Copilot refused to deploy this schedule (its cron parser, robfig ParseStandard, has no #, L or W and does not take day-of-week '1#2'): "
      + 'write the EventBridge cron() yourself, e.g. cron(0 9 ? * 2#2 *)');
    expect(r.code).not.toContain('2#3');
  });

  test('retries and timeout point to the state machine example in the docs', () => {
    const r = migrateCopilot([{ file: 'm.yml', text: 'name: j\ntype: Scheduled Job\nimage:\n  location: nginx\non:\n  schedule: \'@daily\'\nretries: 2\ntimeout: 1h\n' }]);
    expect(r.manifests[0].todos.map((t) => t.why)).toEqual([
      expect.stringContaining('(docs/migrate-copilot.md, "Scheduled Job retries and timeout")'),
      expect.stringContaining('(docs/migrate-copilot.md, "Scheduled Job retries and timeout")'),
    ]);
  });
});

// Copilot's validateARM: "'Fargate Spot' is not supported when deploying on ARM architecture"; Fargate Spot now runs ARM64.
describe('Fargate Spot on linux/arm64', () => {
  const worker = (platform: string, count: string) => migrateCopilot([{
    file: 'm.yml', text: `name: w\ntype: Worker Service\nplatform: ${platform}\nimage:\n  location: nginx\ncount:\n${count}`,
  }]);

  test.each([['count.spot', '  spot: 2\n'], ['count.range.spot_from', '  range:\n    min: 1\n    max: 4\n    spot_from: 2\n']])('%s: Spot is kept, with a note that Copilot refused it', (field, count) => {
    const r = worker('linux/arm64', count);
    expect(r.code).toContain(`// Note (copilot): ${field} with platform linux/arm64: Copilot refused this ('Fargate Spot' is not supported when deploying on ARM architecture)`);
    expect(r.code).toContain('FargateCapacity.spotWithOnDemandBase(');
    expect(r.manifests[0].mapped).toContain(field);
    expect(worker('linux/x86_64', count).code).not.toContain('Copilot refused this');
  });
});

// Found by a Copilot-migration trial: what a migrated app must not silently lose.
describe('cut-over notes', () => {
  const backend = (count: string, image = 'nginx') => migrateCopilot([{
    file: 'm.yml', text: `name: web\ntype: Backend Service\nimage:\n  location: ${image}\n  port: 8080\ncount:\n${count}`,
  }], { app: 'shop' });

  test('count.range without a metric (Copilot refused it) gets a note that the kit scales on CPU; with a metric, none', () => {
    expect(backend('  range: 1-4\n').code).toContain('// Note (copilot): count.range without cpu_percentage, memory_percentage, requests, response_time or queue_delay');
    expect(backend('  range: 1-4\n  cpu_percentage: 60\n').code).not.toContain('count.range without');
  });

  test('an image in Copilot\'s own repository (<app>/<service>) gets a note that copilot svc delete removes it', () => {
    const uri = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:v1';
    expect(backend('  range: 1-4\n  cpu_percentage: 60\n', uri).code)
      .toContain('// Note (copilot): shop/web is Copilot\'s repository: `copilot svc delete` empties and deletes it.');
    expect(backend('  range: 1-4\n  cpu_percentage: 60\n', '123456789012.dkr.ecr.eu-west-1.amazonaws.com/platform/web:v1').code).not.toContain('is Copilot\'s repository');
  });

  test('with a Backend Service, the containers\' COPILOT_SERVICE_DISCOVERY_ENDPOINT comes with a note on Service Connect names', () => {
    expect(backend('  range: 1-4\n  cpu_percentage: 60\n').code).toContain('// Note (copilot): Backend Services are reached through Service Connect by their name and port');
    const job = migrateCopilot([{ file: 'm.yml', text: "name: j\ntype: Scheduled Job\nimage:\n  location: nginx\non:\n  schedule: '@daily'\n" }]);
    expect(job.code).not.toContain('Backend Services are reached');
  });

  test('buildApp takes any construct: a CDK Pipelines Stage too', () => {
    expect(backend('  range: 1-4\n  cpu_percentage: 60\n').code).toContain('export function buildApp(scope: Construct): void {');
  });
});
