/** `cdk-ecs-kit check` over loose template files: local nested stacks, and what one template's unknowns silence. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { albService } from '../rules/reach/fixtures';

function run(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

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
  expect(r.stderr).toBe(`cdk-ecs-kit: note: ${path.join(d, 'loop.json')}: Fn::ForEach::Workers not expanded (a CloudFormation macro): the resources it makes are not checked\n`);
});
