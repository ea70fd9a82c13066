/** `cdk-ecs-kit check` over loose template files: local nested stacks, and what one template's unknowns silence. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { runCli as run } from './run-cli';
import { albService } from '../rules/reach/fixtures';


const FARGATE_TASK = (memory: string) => ({
  Type: 'AWS::ECS::TaskDefinition',
  Properties: {
    RequiresCompatibilities: ['FARGATE'],
    NetworkMode: 'awsvpc',
    Cpu: '256',
    Memory: memory,
    ContainerDefinitions: [{ Name: 'app', Image: 'public.ecr.aws/nginx/nginx:1.27', Essential: true }],
  },
});

function dir(files: Record<string, unknown>): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-loose-'));
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(d, name)), { recursive: true });
    fs.writeFileSync(path.join(d, name), typeof body === 'string' ? body : JSON.stringify(body));
  }
  return d;
}

describe('local nested stacks (TemplateURL: ./child.yaml, as aws cloudformation package takes it)', () => {
  const parentYaml = 'Resources:\n  Cluster:\n    Type: AWS::ECS::Cluster\n  Child:\n    Type: AWS::CloudFormation::Stack\n'
    + '    Properties:\n      TemplateURL: ./nested/child.json\n      Parameters:\n        ClusterName: !Ref Cluster\n';
  const d = dir({ 'parent.yaml': parentYaml, 'nested/child.json': { Resources: { TaskDef: FARGATE_TASK('3072') } } });

  test('the child is read from the parent\'s folder and checked as a nested stack, with no "has no template" note', () => {
    const r = run('check', '--format', 'json', path.join(d, 'parent.yaml'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).findings.map((f: { ruleId: string; path: string }) => [f.ruleId, f.path])).toEqual([['ECS-TD-01', 'parent/Child/TaskDef']]);
    // SARIF locates the finding in the child's file.
    const sarif = JSON.parse(run('check', '--format', 'sarif', path.join(d, 'parent.yaml')).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/nested\/child\.json$/);
  });

  test('a child also given as a PATH is checked once, as the nested stack', () => {
    const r = run('check', '--format', 'json', path.join(d, 'parent.yaml'), path.join(d, 'nested', 'child.json'));
    expect(JSON.parse(r.stdout).findings.map((f: { path: string }) => f.path)).toEqual(['parent/Child/TaskDef']);
  });

  test('literal values the parent passes resolve the child\'s parameters; intrinsics and SSM parameter types stay unresolved (found by a CLI user trial)', () => {
    const child = (cpuType: string) => ({
      Parameters: { TaskCpu: { Type: cpuType }, TaskMemory: { Type: 'String' }, Subnets: { Type: 'CommaDelimitedList' } },
      Resources: {
        TaskDef: { ...FARGATE_TASK('0'), Properties: { ...FARGATE_TASK('0').Properties, Cpu: { Ref: 'TaskCpu' }, Memory: { Ref: 'TaskMemory' } } },
      },
    });
    const parent = (cpu: unknown) => ({
      Resources: { Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: './child.json', Parameters: { TaskCpu: cpu, TaskMemory: 4096, Subnets: 'subnet-1, subnet-2' } } } },
    });
    const literal = dir({ 'p.json': parent('256'), 'child.json': child('String') });
    const found = JSON.parse(run('check', '--format', 'json', path.join(literal, 'p.json')).stdout).findings;
    expect(found.map((f: { ruleId: string; path: string }) => [f.ruleId, f.path])).toEqual([['ECS-TD-01', 'p/Child/TaskDef']]);
    expect(found[0].message).toContain('Fargate task cpu 256 does not allow memory 4096 MiB');
    const fromSsm = dir({ 'p.json': parent('/platform/task-cpu'), 'child.json': child('AWS::SSM::Parameter::Value<String>') });
    expect(JSON.parse(run('check', '--format', 'json', path.join(fromSsm, 'p.json')).stdout).findings).toEqual([]);
    const fromRef = dir({ 'p.json': parent({ Ref: 'Cpu' }), 'child.json': child('String') });
    expect(JSON.parse(run('check', '--format', 'json', path.join(fromRef, 'p.json')).stdout).findings).toEqual([]);
  });

  test('a parameter the parent does not pass takes the child\'s Default, as CloudFormation does; one the parent passes overrides it', () => {
    const child = {
      Parameters: { TaskMemory: { Type: 'Number', Default: 4096 }, TaskCpu: { Type: 'String', Default: '256' } },
      Resources: { TaskDef: { ...FARGATE_TASK('0'), Properties: { ...FARGATE_TASK('0').Properties, Cpu: { Ref: 'TaskCpu' }, Memory: { Ref: 'TaskMemory' } } } },
    };
    const parent = (params?: Record<string, unknown>) => ({
      Resources: { Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: './child.json', ...params ? { Parameters: params } : {} } } },
    });
    const findings = (p: unknown) => JSON.parse(run('check', '--format', 'json', path.join(dir({ 'p.json': p, 'child.json': child }), 'p.json')).stdout).findings
      .map((f: { ruleId: string; message: string }) => `${f.ruleId} ${f.message.split(' at ')[0]}`);
    expect(findings(parent())).toEqual(['ECS-TD-01 [ECS-TD-01] Fargate task cpu 256 does not allow memory 4096 MiB']);
    expect(findings(parent({ TaskCpu: '1024' }))).toEqual([]);
    expect(findings(parent({ TaskMemory: { Ref: 'Memory' } }))).toEqual([]);
  });

  test('an S3 or https TemplateURL is not read from disk: the note says the template is missing', () => {
    const remote = dir({ 'p.json': { Resources: { Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://s3.amazonaws.com/b/child.json' } } } } });
    expect(run('check', path.join(remote, 'p.json')).stderr).toContain('nested stack p/Child has no template');
  });
});

test('a nested stack without its template in one file does not silence the reach rules on another file', () => {
  // A load-balanced service whose task group does not admit the load balancer (ECS-RC-04).
  const service = albService();
  delete service.TaskSgFromLb;
  const d = dir({
    'service.json': { Resources: service },
    'parent.json': { Resources: { Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://example.com/child.json' } } } },
  });
  expect(run('check', path.join(d, 'service.json')).stdout).toContain('[ECS-RC-04]');
  expect(run('check', path.join(d, 'service.json'), path.join(d, 'parent.json')).stdout).toContain('[ECS-RC-04]');
});

describe('--baseline with template files', () => {
  const svc = (extra: Record<string, unknown>) => ({
    Resources: {
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'orders' } },
      Task: FARGATE_TASK('512'),
      Svc: { Type: 'AWS::ECS::Service', Properties: { Cluster: { Ref: 'Cluster' }, TaskDefinition: { Ref: 'Task' }, LaunchType: 'FARGATE', ...extra } },
    },
  });
  const d = dir({ 'old.json': svc({}), 'new.json': svc({ ServiceName: 'orders' }), 'v1/orders.json': svc({}), 'other.json': svc({}) });

  test('one template on each side pairs whatever the file names (git show main:t.yaml > old.yaml)', () => {
    const r = run('check', '--baseline', path.join(d, 'old.json'), path.join(d, 'new.json'));
    expect(r.stdout).toContain('[ECS-RP-01] Changing ServiceName from (not set) to "orders" replaces ECS service');
    expect(r.stderr).toBe('');
    // SARIF describes the guard as it does a rule (found by a user trial: the result had no rule entry).
    const sarif = JSON.parse(run('check', '--format', 'sarif', '--baseline', path.join(d, 'old.json'), path.join(d, 'new.json')).stdout).runs[0];
    const index = sarif.tool.driver.rules.findIndex((x: { id: string }) => x.id === 'ECS-RP-01');
    expect(sarif.tool.driver.rules[index]).toMatchObject({ shortDescription: { text: expect.stringContaining('must not replace') }, defaultConfiguration: { level: 'warning' } });
    expect(sarif.results.find((x: { ruleId: string }) => x.ruleId === 'ECS-RP-01').ruleIndex).toBe(index);
  });

  test('a stack the baseline does not have is named on stderr', () => {
    const r = run('check', '--baseline', path.join(d, 'v1', 'orders.json'), path.join(d, 'new.json'), path.join(d, 'other.json'));
    expect(r.stdout).not.toContain('ECS-RP-01');
    expect(r.stderr).toBe(`cdk-ecs-kit: note: --baseline ${path.join(d, 'v1', 'orders.json')} has no stack new, other: not compared\n`);
  });
});

test('Fn::ForEach blocks are named on stderr: the resources they make are not checked (found by a CLI user trial)', () => {
  const d = dir({
    'loop.json': {
      Transform: 'AWS::LanguageExtensions',
      Resources: { 'Fn::ForEach::Workers': ['Name', ['a', 'b'], { 'Task${Name}': FARGATE_TASK('4096') }], 'Cluster': { Type: 'AWS::ECS::Cluster' } },
    },
  });
  const r = run('check', path.join(d, 'loop.json'));
  expect(r.code).toBe(0);
  expect(r.stderr).toBe(`cdk-ecs-kit: note: ${path.join(d, 'loop.json')}: Fn::ForEach::Workers not expanded (a CloudFormation transform or macro): the resources it makes are not checked\n`);
});

describe('a PATH that cannot be read does not stop the others from being checked (found by a CLI user trial)', () => {
  const d = dir({
    'bad-size.json': { Resources: { TaskDef: FARGATE_TASK('3072') } },
    'not-a-template.json': { foo: 1 },
    'templates/a.json': { Resources: { TaskDef: FARGATE_TASK('3072') } },
    'templates/workflow.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n',
    'templates/README.md': '# not read',
  });

  test('text: the other files are reported, the unreadable one is named on stderr, exit 2', () => {
    const r = run('check', path.join(d, 'bad-size.json'), path.join(d, 'not-a-template.json'));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('[ECS-TD-01]');
    expect(r.stderr).toContain(`cdk-ecs-kit: ${path.join(d, 'not-a-template.json')}: not a CloudFormation template`);
    // Nothing checked: no "0 errors" summary that reads as a pass.
    expect(run('check', path.join(d, 'not-a-template.json')).stdout).toBe('');
  });

  test('SARIF: the results of the other files, and the unreadable one as a failed invocation\'s notification', () => {
    const sarif = JSON.parse(run('check', '--format', 'sarif', path.join(d, 'bad-size.json'), path.join(d, 'not-a-template.json')).stdout);
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['ECS-TD-01']);
    expect(sarif.runs[0].invocations).toEqual([{
      executionSuccessful: false,
      toolExecutionNotifications: [expect.objectContaining({ level: 'error', message: { text: expect.stringContaining('not a CloudFormation template') } })],
    }]);
  });

  test('a folder without manifest.json is read as a folder of templates; files that are no template are left out with a note', () => {
    const r = run('check', path.join(d, 'templates'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[ECS-TD-01]');
    expect(r.stderr).toBe(`cdk-ecs-kit: note: ${path.join(d, 'templates', 'workflow.yml')}: not a CloudFormation template (no Resources section); left out of the folder's templates\n`);
    const empty = dir({ 'notes.txt': 'x' });
    expect(run('check', empty)).toMatchObject({ code: 2, stderr: expect.stringContaining('no manifest.json (a cdk.out cloud assembly) and no .json, .yaml or .yml template files') });
  });

  test('a repository folder: a Kubernetes manifest, a tsconfig.json with comments, a Helm template and a subfolder are left out with notes (found by a user trial)', () => {
    const repo = dir({
      'task.yaml': 'Resources:\n  TaskDef:\n    Type: AWS::ECS::TaskDefinition\n    Properties: { RequiresCompatibilities: [FARGATE], NetworkMode: awsvpc, Cpu: "256", Memory: "3072", '
        + 'ContainerDefinitions: [{ Name: app, Image: nginx }] }\n',
      'k8s.yaml': 'apiVersion: v1\nkind: Service\nmetadata: { name: a }\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: { name: a }\n',
      'tsconfig.json': '{\n  // comments are allowed here\n  "compilerOptions": {}\n}\n',
      'helm.yaml': 'kind: ConfigMap\n{{ .Values.name }}: 1\n',
      'nested/more.yaml': 'Resources: {}\n',
    });
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const r = run('check', repo);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('[ECS-TD-01]');
      const notes = r.stderr.trim().split('\n');
      expect(notes).toEqual([
        `cdk-ecs-kit: note: ${path.join(repo, 'helm.yaml')}: not a CloudFormation template (no Resources section); left out of the folder's templates`,
        `cdk-ecs-kit: note: ${path.join(repo, 'k8s.yaml')}: invalid YAML at line 4 (more than one document, separated by ---; a template is one document); left out of the folder's templates`,
        expect.stringMatching(new RegExp(`^cdk-ecs-kit: note: ${path.join(repo, 'tsconfig.json')}: invalid JSON \\(.+\\); left out of the folder's templates$`)),
        `cdk-ecs-kit: note: ${path.join(repo, 'nested')}: a subfolder, not read (give it as a PATH to check its templates); left out of the folder's templates`,
      ]);
      // The YAML reader's warning about a map used as a key would reach the user's terminal.
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
    // A broken template in the folder still fails the run.
    const broken = dir({ 'bad.yaml': 'Resources:\n  TaskDef: [unclosed\n' });
    expect(run('check', broken)).toMatchObject({ code: 2, stderr: expect.stringContaining('invalid YAML') });
    expect(run('check', dir({ 'sub/a.yaml': 'Resources: {}\n' }))).toMatchObject({ code: 2, stderr: expect.stringContaining('subfolders are not read: give them as PATHs') });
    // A subfolder given as a PATH of its own gets no note (found by a verification trial).
    expect(run('check', repo, path.join(repo, 'nested')).stderr).not.toContain('a subfolder, not read');
  });
});

test('--baseline with cdk.out directories pairs stacks by name only: a renamed stack is a new stack, not a replacement (found by a verification trial)', () => {
  const synth = (stackName: string, clusterName: string) => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cli-asm-')) });
    new ecs.CfnCluster(new Stack(app, stackName), 'Cluster', { clusterName });
    return app.synth().directory;
  };
  const r = run('check', '--baseline', synth('S', 'a'), synth('Other', 'b'));
  expect(r.stdout).not.toContain('ECS-RP-01');
  expect(r.stderr).toContain('has no stack Other: not compared');
});

describe('- reads a template from standard input (aws cloudformation get-template ... | cdk-ecs-kit check -)', () => {
  function withStdin<T>(text: string, body: () => T): T {
    const real = fs.readFileSync;
    // The module object itself: `import * as fs` is a namespace of getters that read it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const spy = jest.spyOn(require('fs') as typeof fs, 'readFileSync').mockImplementation(((file: fs.PathOrFileDescriptor, options?: unknown) =>
      (file === 0 ? text : real(file, options as BufferEncoding))) as typeof fs.readFileSync);
    try {
      return body();
    } finally {
      spy.mockRestore();
    }
  }

  test('a YAML template on stdin is checked as the stack "stdin", with a file PATH beside it', () => {
    const yaml = 'Resources:\n  TaskDef:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n'
      + '      NetworkMode: awsvpc\n      Cpu: "256"\n      Memory: "3072"\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n';
    const d = dir({ 'ok.json': { Resources: { TaskDef: FARGATE_TASK('512') } } });
    const r = withStdin(yaml, () => run('check', '-', path.join(d, 'ok.json')));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[ECS-TD-01\] .* at stdin\/TaskDef/);
    expect(r.stdout).not.toContain('ok/TaskDef');
    const sarif = JSON.parse(withStdin(yaml, () => run('check', '--format', 'sarif', '-')).stdout);
    // No file to point into: a logical location only.
    expect(sarif.runs[0].results[0].locations).toEqual([{ logicalLocations: [expect.objectContaining({ fullyQualifiedName: 'stdin/TaskDef' })] }]);
  });

  test('task definition JSON on stdin, and stdin that is no template', () => {
    const json = JSON.stringify({ family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '3072', containerDefinitions: [{ name: 'app', image: 'nginx' }] });
    expect(withStdin(json, () => run('check', '-')).stdout).toContain('[ECS-TD-01]');
    expect(withStdin('{"foo": 1}', () => run('check', '-'))).toMatchObject({ code: 2, stderr: expect.stringContaining('stdin: not a CloudFormation template') });
  });

  test('a YAML stack\'s body as get-template --output json prints it (one JSON string), and get-template output without --query (found by a user trial)', () => {
    const yaml = 'Resources:\n  TaskDef:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      RequiresCompatibilities: [FARGATE]\n'
      + '      NetworkMode: awsvpc\n      Cpu: "256"\n      Memory: !If [Big, "3072", "512"]\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n'
      + '  Other:\n    Type: AWS::ECS::TaskDefinition\n    Properties: { RequiresCompatibilities: [FARGATE], NetworkMode: awsvpc, Cpu: "256", Memory: "3072", '
      + 'ContainerDefinitions: [{ Name: app, Image: nginx }] }\n';
    const asString = withStdin(JSON.stringify(yaml), () => run('check', '-'));
    expect(asString.code).toBe(1);
    expect(asString.stdout).toMatch(/\[ECS-TD-01\] .* at stdin\/Other/);
    const whole = withStdin(JSON.stringify({ TemplateBody: yaml, StagesAvailable: ['Original', 'Processed'] }), () => run('check', '-'));
    expect(whole.stdout).toMatch(/\[ECS-TD-01\] .* at stdin\/Other/);
    const jsonBody = withStdin(JSON.stringify({ TemplateBody: { Resources: { TaskDef: FARGATE_TASK('3072') } } }), () => run('check', '-'));
    expect(jsonBody.stdout).toMatch(/\[ECS-TD-01\] .* at stdin\/TaskDef/);
    expect(withStdin(JSON.stringify('just text'), () => run('check', '-'))).toMatchObject({ code: 2, stderr: expect.stringContaining('stdin: not a CloudFormation template') });
  });
});

test('YAML aliases are expanded and named on stderr: CloudFormation rejects them in a template body (found by a CLI user trial)', () => {
  const yaml = [
    'Resources:',
    '  Cluster:',
    '    Type: AWS::ECS::Cluster',
    '    Properties:',
    '      Tags: &tags',
    '        - { Key: team, Value: data }',
    '  Task:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    '      RequiresCompatibilities: [FARGATE]',
    '      NetworkMode: awsvpc',
    "      Cpu: '256'",
    "      Memory: '4096'",
    '      Tags: *tags',
    '      ContainerDefinitions: [{ Name: app, Image: public.ecr.aws/nginx/nginx:1.27 }]',
  ].join('\n');
  const d = dir({ 'aliases.yaml': yaml, 'plain.yaml': yaml.replace(' &tags', '').replace('*tags', '[{ Key: team, Value: data }]') });
  const r = run('check', path.join(d, 'aliases.yaml'));
  // Expanded: the task's size is still judged.
  expect(r.stdout).toContain('ECS-TD-01');
  expect(r.stderr).toBe(`cdk-ecs-kit: note: ${path.join(d, 'aliases.yaml')}: 1 YAML alias (*name) expanded as \`aws cloudformation package\` and SAM do; `
    + 'CloudFormation rejects them in a template body ("Template error: YAML aliases are not allowed in CloudFormation templates"): deploy the packaged template\n');
  expect(run('check', path.join(d, 'plain.yaml')).stderr).toBe('');
});
