import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { runCli as run } from './run-cli';
import { formatText } from '../../src/cli/report-format';
import { DaemonService } from '../../src/service';
import { ec2Task, fixture } from '../service/helpers';

const FIX = path.join(__dirname, '..', 'fixtures', 'templates');


/** A cdk.out with a Fargate task whose memory was overridden to an invalid size. */
function synthBadAssembly(): string {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cli-test-')), context: { 'aws:cdk:enable-path-metadata': true } });
  const stack = new Stack(app, 'Api');
  const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
  td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256 });
  (td.node.defaultChild as ecs.CfnTaskDefinition).addPropertyOverride('Memory', '4096');
  return app.synth().directory;
}

describe('cdk-ecs-kit check', () => {
  test('a nested stack without its template: a note on stderr names it; with the template there, no note', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-nested-'));
    const file = path.join(dir, 'parent.json');
    fs.writeFileSync(file, JSON.stringify({ Resources: { Net: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://example.com/net.json' } } } }));
    const r = run('check', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`cdk-ecs-kit: note: nested stack parent/Net has no template in ${file}: its resources are not checked, `
      + 'and the load balancer and security group reach rules skip what it could change (the resources of its parent template, and those a template '
      + 'hands out through Outputs)\n');
    expect(run('check', path.join(FIX, 'good', 'fargate-web.json')).stderr).toBe('');
  });

  test('exit 0 and a clean summary for a good template', () => {
    const r = run('check', path.join(FIX, 'good', 'fargate-web.json'));
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('0 errors, 0 warnings in 1 stack');
    expect(r.code).toBe(0);
  });

  test('exit 1 for a YAML template with short-form intrinsics and a bad Fargate size', () => {
    const r = run('check', path.join(FIX, 'bad', 'fargate-size.yaml'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[ECS-TD-01] Fargate task cpu 256 does not allow memory 4096 MiB at fargate-size/TaskDef; allowed: 512, 1024, 2048.');
    // The file and line of the property, as editors and CI logs link them (found by a CLI user trial).
    expect(r.stdout).toContain('ERROR   ECS-TD-01  fargate-size/TaskDef  (Properties/Memory)  test/fixtures/templates/bad/fargate-size.yaml:14\n');
  });

  test('a RegisterTaskDefinition JSON file is checked as one task definition; a bad field is exit 2 naming its JSON path', () => {
    const r = run('check', path.join(FIX, 'taskdef', 'fargate-awslogs-no-execution-role.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[ECS-RC-02] Fargate task definition has no executionRoleArn but container \'web\' logs with awslogs at fargate-awslogs-no-execution-role/TaskDefinition');
    // The property in the file's own field names, not the template's Properties/ExecutionRoleArn.
    // A missing field has no line of its own: the file's first.
    expect(r.stdout).toContain('ERROR   ECS-RC-02  fargate-awslogs-no-execution-role/TaskDefinition  (executionRoleArn)  '
      + 'test/fixtures/templates/taskdef/fargate-awslogs-no-execution-role.json:1\n');
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'taskdef-')), 'td.json');
    fs.writeFileSync(bad, JSON.stringify({ containerDefinitions: [{ name: 'a', image: 'b', command: 'sleep' }] }));
    const e = run('check', bad);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/td\.json: not a valid ECS task definition: \[KIT-TASK-JSON\] containerDefinitions\[0\]\.command is string "sleep"/);
  });

  test('two files with the same name are named by their paths, so each finding says which file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'same-name-'));
    const bad = fs.readFileSync(path.join(FIX, 'taskdef', 'fargate-awslogs-no-execution-role.json'), 'utf8');
    for (const sub of ['a', 'b']) {
      fs.mkdirSync(path.join(dir, sub));
      fs.writeFileSync(path.join(dir, sub, 'td.json'), bad);
    }
    const r = run('check', '--format', 'json', path.join(dir, 'a', 'td.json'), path.join(dir, 'b', 'td.json'));
    const paths = JSON.parse(r.stdout).findings.map((f: { path: string }) => f.path);
    expect(paths).toEqual([`${dir}/a/td/TaskDefinition`, `${dir}/b/td/TaskDefinition`]);
    // The same name but another extension: named by the whole path.
    fs.copyFileSync(path.join(dir, 'a', 'td.json'), path.join(dir, 'a', 'td.template'));
    const both = run('check', '--format', 'json', path.join(dir, 'a', 'td.json'), path.join(dir, 'a', 'td.template'));
    expect(JSON.parse(both.stdout).findings.map((f: { path: string }) => f.path))
      .toEqual([`${dir}/a/td.json/TaskDefinition`, `${dir}/a/td.template/TaskDefinition`]);
  });

  test('text output names the template location once, and leaves out an empty property (quota findings name a whole resource)', () => {
    const finding = { ruleId: 'ECS-QT-02', severity: 'error', stack: 'Shop', logicalId: 'Cluster', path: 'Shop/Cluster', property: '', value: '', message: 'm', fix: 'f' };
    expect(formatText([finding as never], 1).split('\n')[0]).toBe('ERROR   ECS-QT-02  Shop/Cluster');
    // A construct path differs from stack/logicalId: both are shown.
    const cdk = { ...finding, path: 'Shop/Cluster', logicalId: 'Cluster7A1B', property: 'Properties/Tags' };
    expect(formatText([cdk as never], 1).split('\n')[0]).toBe('ERROR   ECS-QT-02  Shop/Cluster  (Shop/Cluster7A1B Properties/Tags)');
  });

  test('--format json prints the documented shape', () => {
    const r = run('check', '--format', 'json', path.join(FIX, 'bad', 'fargate-size.yaml'));
    const json = JSON.parse(r.stdout);
    expect(json.findings).toEqual([{
      ruleId: 'ECS-TD-01',
      severity: 'error',
      stack: 'fargate-size',
      logicalId: 'TaskDef',
      path: 'fargate-size/TaskDef',
      property: 'Properties/Memory',
      value: '"4096"',
      message: expect.stringContaining('[ECS-TD-01]'),
      file: 'test/fixtures/templates/bad/fargate-size.yaml',
      line: 14,
    }]);
  });

  test('--format sarif prints SARIF 2.1.0 with rules, levels and a physical location', () => {
    const file = path.join(FIX, 'bad', 'fargate-size.yaml');
    const sarif = JSON.parse(run('check', '--format', 'sarif', file).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const runLog = sarif.runs[0];
    expect(runLog.tool.driver.name).toBe('cdk-ecs-kit');
    expect(runLog.tool.driver.informationUri).toBeUndefined(); // no placeholder home page
    expect(runLog.tool.driver.rules[runLog.results[0].ruleIndex].id).toBe('ECS-TD-01');
    expect(runLog.results[0]).toMatchObject({
      ruleId: 'ECS-TD-01',
      level: 'error',
      locations: [{
        physicalLocation: { artifactLocation: { uri: expect.stringMatching(/fargate-size\.yaml$/) }, region: { startLine: 14 } },
        logicalLocations: [{ name: 'TaskDef', fullyQualifiedName: 'fargate-size/TaskDef', kind: 'resource' }],
      }],
    });
  });

  test('--format sarif points at the resource, not at a property of the same name in a resource above it', () => {
    const yaml = [
      'Resources:',
      '  Service:',
      '    Type: AWS::ECS::Service',
      '    Properties:',
      '      TaskDefinition: !Ref TaskDefinition',
      '      LaunchType: FARGATE',
      '  TaskDefinition:',
      '    Type: AWS::ECS::TaskDefinition',
      '    Properties: {RequiresCompatibilities: [FARGATE], NetworkMode: awsvpc, Cpu: "256", Memory: "4096", ContainerDefinitions: [{Name: app, Image: nginx}]}',
    ].join('\n');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sarif-line-')), 't.yaml');
    fs.writeFileSync(file, yaml);
    const results = JSON.parse(run('check', '--format', 'sarif', file).stdout).runs[0].results;
    const td01 = results.find((r: { ruleId: string }) => r.ruleId === 'ECS-TD-01');
    // Line 9: the Memory of the TaskDefinition resource (line 7), not the Service's TaskDefinition property (line 5).
    expect(td01.locations[0].physicalLocation.region).toEqual({ startLine: 9 });
  });

  test('--format sarif points at the property\'s line, in a template and in a task definition JSON file', () => {
    const taskDef = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sarif-td-')), 'td.json');
    fs.writeFileSync(taskDef, JSON.stringify({
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      containerDefinitions: [{ name: 'web', image: 'nginx', essential: true, portMappings: [{ containerPort: 80, hostPort: 8080 }] }],
    }, undefined, 2));
    const [result] = JSON.parse(run('check', '--format', 'sarif', taskDef).stdout).runs[0].results;
    expect(result.properties.property).toBe('containerDefinitions/0/portMappings/0/hostPort');
    const lines = fs.readFileSync(taskDef, 'utf8').split('\n');
    expect(lines[result.locations[0].physicalLocation.region.startLine - 1]).toContain('"hostPort": 8080');
  });

  test('describe-task-definition output ({ taskDefinition }): SARIF points inside the wrapper (found by a CLI user trial)', () => {
    const wrapped = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sarif-td-')), 'described.json');
    fs.writeFileSync(wrapped, JSON.stringify({
      taskDefinition: { family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '4096', containerDefinitions: [{ name: 'web', image: 'nginx', essential: true }] },
    }, undefined, 2));
    const results = JSON.parse(run('check', '--format', 'sarif', wrapped).stdout).runs[0].results;
    const td01 = results.find((r: { ruleId: string }) => r.ruleId === 'ECS-TD-01');
    expect(td01.properties.property).toBe('taskDefinition/memory');
    const lines = fs.readFileSync(wrapped, 'utf8').split('\n');
    expect(lines[td01.locations[0].physicalLocation.region.startLine - 1]).toContain('"memory": "4096"');
  });

  test('a task definition JSON file\'s findings name its fields as the file spells them, in the text', () => {
    const taskDef = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'td-prose-')), 'td.json');
    fs.writeFileSync(taskDef, JSON.stringify({
      family: 'web',
      networkMode: 'awsvpc',
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      containerDefinitions: [{ name: 'PortMappings', image: 'nginx', memory: 512, essential: true, portMappings: [{ containerPort: 80, hostPort: 8080 }] }],
    }));
    const [finding] = JSON.parse(run('check', '--format', 'json', taskDef).stdout).findings;
    expect(finding.ruleId).toBe('ECS-PM-01');
    // Field names change; the user's own container name and one-word names do not.
    expect(finding.message).toContain("container 'PortMappings' maps hostPort 8080 to containerPort 80 in awsvpc network mode");
    expect(finding.message).toMatch(/; allowed: hostPort omitted or equal to containerPort \(80\)\. Remove hostPort or set it to 80\.$/);
    // A template keeps CloudFormation's names.
    const template = path.join(path.dirname(taskDef), 'template.json');
    fs.writeFileSync(template, JSON.stringify({
      Resources: {
        Td: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            NetworkMode: 'awsvpc', ContainerDefinitions: [{ Name: 'web', Image: 'nginx', Memory: 512, PortMappings: [{ ContainerPort: 80, HostPort: 8080 }] }],
          },
        },
      },
    }));
    expect(JSON.parse(run('check', '--format', 'json', template).stdout).findings[0].message).toMatch(/maps HostPort 8080 to ContainerPort 80 .* Remove HostPort or set it to 80\.$/);
  });

  test('checks a cdk.out directory and names construct paths', () => {
    const dir = synthBadAssembly();
    const r = run('check', '--format', 'json', dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ ruleId: 'ECS-TD-01', stack: 'Api', path: 'Api/TaskDef' });
  });

  test('checks nested stage assemblies, each stage as its own assembly', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cli-stages-')) });
    for (const stageName of ['Dev', 'Prod']) {
      const stage = new Stage(app, stageName);
      const stack = new Stack(stage, 'Api');
      const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
      td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
      if (stageName === 'Prod') (td.node.defaultChild as ecs.CfnTaskDefinition).addPropertyOverride('Memory', '4096');
    }
    const r = run('check', '--format', 'json', app.synth().directory);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings).toEqual([expect.objectContaining({ ruleId: 'ECS-TD-01', stack: 'Prod/Api' })]);
  });

  test('--disable skips a rule and says so on stderr (stdout stays parseable)', () => {
    const r = run('check', '--disable', 'ECS-TD-01', '--format', 'json', path.join(FIX, 'bad', 'fargate-size.yaml'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(r.stderr).toBe('Not run (--disable): ECS-TD-01\n');
    // Repeated flags add up.
    expect(run('check', '--disable', 'ECS-TD-01', '--disable', 'ECS-CT-15', path.join(FIX, 'bad', 'fargate-size.yaml')).stderr)
      .toBe('Not run (--disable): ECS-TD-01, ECS-CT-15\n');
    expect(run('check', path.join(FIX, 'bad', 'fargate-size.yaml')).stderr).toBe('');
    // Ids in lower case name the same rules (found by a user trial).
    expect(run('check', '--disable', 'ecs-td-01', path.join(FIX, 'bad', 'fargate-size.yaml'))).toMatchObject({ code: 0, stderr: 'Not run (--disable): ECS-TD-01\n' });
    expect(run('check', '--severity', 'ecs-td-01=warning', path.join(FIX, 'bad', 'fargate-size.yaml')).code).toBe(0);
  });

  test.each([
    ['invalid/broken.json', /broken\.json: invalid JSON/],
    ['invalid/broken.yaml', /broken\.yaml: invalid YAML at line \d+/],
    ['invalid/not-a-template.json', /not-a-template\.json: not a CloudFormation template \(no Resources section\), nor task definition JSON \(no containerDefinitions list\)/],
    ['does-not-exist.json', /does-not-exist\.json: no such file or directory/],
  ])('exit 2 with one clear line for bad input %s', (file, message) => {
    const r = run('check', path.join(FIX, file));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('exit 2 for an unknown rule id, an unknown format and a bad quota file', () => {
    expect(run('check', '--disable', 'ECS-XX-99', path.join(FIX, 'good', 'fargate-web.json')).code).toBe(2);
    expect(run('check', '--format', 'xml', path.join(FIX, 'good', 'fargate-web.json')).code).toBe(2);
    const r = run('check', '--quotas', path.join(FIX, 'invalid', 'broken.json'), path.join(FIX, 'good', 'fargate-web.json'));
    expect(r.code).toBe(2);
    const broken = path.join(FIX, 'invalid', 'broken.json');
    expect(r.stderr).toMatch(new RegExp(`^cdk-ecs-kit: ${broken.replace(/[.\\/]/g, '\\$&')}: quota file is not valid JSON \\(`));
    // The file is named once.
    expect(r.stderr.split(broken).length).toBe(2);
    const missing = path.join(FIX, 'no-such-quotas.json');
    expect(run('check', '--quotas', missing, path.join(FIX, 'good', 'fargate-web.json')).stderr)
      .toBe(`cdk-ecs-kit: ${missing}: cannot read quota file: no such file or directory`);
  });

  test('a directory that is not a cloud assembly is bad input', () => {
    const r = run('check', FIX);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no manifest\.json/);
  });
});

describe('cdk-ecs-kit check --baseline', () => {
  /** A cdk.out with one Fargate service, on a launch type or on a capacity provider strategy. */
  function synthService(strategy: boolean): string {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cli-baseline-')), context: { 'aws:cdk:enable-path-metadata': true } });
    const stack = new Stack(app, 'Api');
    const cluster = new ecs.Cluster(stack, 'Cluster', { enableFargateCapacityProviders: true });
    const td = new ecs.FargateTaskDefinition(stack, 'TaskDef');
    td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
    new ecs.FargateService(stack, 'Service', {
      cluster,
      taskDefinition: td,
      minHealthyPercent: 100,
      capacityProviderStrategies: strategy ? [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] : undefined,
    });
    return app.synth().directory;
  }

  test('warns that moving a service from LaunchType to a capacity provider strategy replaces it (aws-cdk#24907)', () => {
    const before = synthService(false);
    const after = synthService(true);
    const r = run('check', '--format', 'json', '--baseline', before, after);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0); // a warning, not an error
    const replacements = JSON.parse(r.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'ECS-RP-01');
    expect(replacements).toEqual([expect.objectContaining({
      severity: 'warning',
      stack: 'Api',
      path: 'Api/Service/Service',
      property: 'Properties/LaunchType',
      message: expect.stringContaining('replaces ECS service'),
    })]);
  });

  test('no replacement warning when nothing create-only changed', () => {
    const dir = synthService(true);
    const r = run('check', '--format', 'json', '--baseline', dir, dir);
    expect(JSON.parse(r.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'ECS-RP-01')).toEqual([]);
  });
});

// AWS::LanguageExtensions expands Fn::ForEach (in Resources and in properties) and AWS::Include expands an
// Fn::Transform key before CloudFormation creates anything: valid templates, whose expanded parts are not checked.
describe('cdk-ecs-kit check on templates with macros, and encodings', () => {
  const write = (name: string, text: string) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-macros-')), name);
    fs.writeFileSync(file, text);
    return file;
  };
  const badTask = { Type: 'AWS::ECS::TaskDefinition', Properties: { RequiresCompatibilities: ['FARGATE'], NetworkMode: 'awsvpc', Cpu: '256', Memory: '3000', ContainerDefinitions: [{ Name: 'app', Image: 'nginx' }] } };

  test('Fn::ForEach and Fn::Transform keys in Resources are skipped; the other resources are checked', () => {
    const file = write('foreach.json', JSON.stringify({
      Transform: 'AWS::LanguageExtensions',
      Resources: {
        'Fn::ForEach::Tasks': ['N', ['a', 'b'], { 'Task${N}': badTask }],
        'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://bucket/more.yaml' } },
        'Plain': badTask,
      },
    }));
    const r = run('check', '--format', 'json', file);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { logicalId: string; ruleId: string }) => `${f.logicalId} ${f.ruleId}`)).toEqual(['Plain ECS-TD-01']);
  });

  test('an Fn::ForEach key among properties makes that object unresolved (no unknown awslogs option)', () => {
    const options = { 'awslogs-group': 'g', 'awslogs-region': 'eu-west-1', 'Fn::ForEach::Opts': ['K', ['tag'], { '${K}': 'x' }] };
    const task = { ...badTask, Properties: { ...badTask.Properties, Memory: '512', ContainerDefinitions: [{ Name: 'app', Image: 'nginx', LogConfiguration: { LogDriver: 'awslogs', Options: options } }] } };
    const r = run('check', '--format', 'json', write('props.json', JSON.stringify({ Transform: ['AWS::LanguageExtensions'], Resources: { Task: task } })));
    // ECS-RC-02 (no execution role for awslogs on Fargate) is true; the options themselves are not judged.
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['ECS-RC-02']);
  });

  test('a UTF-8 byte order mark before the JSON is read, as the CloudFormation console does', () => {
    const r = run('check', write('bom.json', `\uFEFF${JSON.stringify({ Resources: { Plain: badTask } })}`));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ECS-TD-01');
  });
});

// A CI job that runs only `check cdk.out` must see what the kit's constructs warned about in the synth.
describe('construct checks recorded at synth', () => {
  function daemonApp(): string {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-kit-warnings-'));
    const f = fixture({}, new App({ outdir }));
    f.cluster.addEc2Capacity('Ec2'); // no minCapacity and no replica service: KIT-SERVICE-DAEMON-IDLE
    new DaemonService(f.stack, 'Agent', { cluster: f.cluster, task: ec2Task(f.stack) });
    f.app.synth();
    return outdir;
  }

  test('check reports KIT-* warnings from the assembly metadata in text, JSON and SARIF; --disable leaves them out', () => {
    const dir = daemonApp();
    const text = run('check', dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/WARNING KIT-SERVICE-DAEMON-IDLE {2}Svc\/Agent {2}\(construct check, recorded at synth\)\n {2}\[KIT-SERVICE-DAEMON-IDLE\] /);
    expect(text.stdout).not.toContain('[ack:');
    expect(text.stdout).toMatch(/0 errors, 1 warning in 1 stack/);
    const json = JSON.parse(run('check', '--format', 'json', dir).stdout);
    expect(json.findings).toEqual([expect.objectContaining({ ruleId: 'KIT-SERVICE-DAEMON-IDLE', severity: 'warning', stack: 'Svc', path: 'Svc/Agent', logicalId: '' })]);
    const sarif = JSON.parse(run('check', '--format', 'sarif', dir).stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['KIT-SERVICE-DAEMON-IDLE']);
    expect(run('check', '--disable', 'KIT-SERVICE-DAEMON-IDLE', dir).stdout).toMatch(/0 errors, 0 warnings in 1 stack/);
  });
});

