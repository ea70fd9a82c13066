/**
 * Hostile input to the CLI: every case ends with exit 2 and exactly one
 * line on stderr naming the file and the problem, quickly, never a thrown
 * exception or a stack overflow. Random bytes and random truncations of a
 * valid template (fast-check, fixed seed) always exit 0, 1 or 2.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { main } from '../../src/cli/main';
import { FUZZ_SEED } from '../rules/fuzz/arbitraries';

const FIX = path.join(__dirname, '..', 'fixtures', 'templates');
const GOOD = fs.readFileSync(path.join(FIX, 'cfn-lint', 'e3054-e3713-fargate-service.json'));
// A guard against blow-ups (alias bombs, runaway nesting take minutes), not a speed target: a busy 2-core CI machine
// took 6.7 s for the 100k-level case, so the bound is loose; bench/ measures speed.
const LIMIT_MS = 30_000;
let dir: string;

function run(...argv: string[]): { code: number; stdout: string; stderr: string; ms: number } {
  let stdout = '';
  let stderr = '';
  const start = Date.now();
  const code = main(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr, ms: Date.now() - start };
}

/** Write a file under the test's temp directory and return its path. */
function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

/** A cdk.out directory with the given manifest text and files. */
function cdkOut(name: string, manifest: string | object, files: Record<string, string> = {}): string {
  const out = path.join(dir, name);
  file(path.join(name, 'manifest.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  for (const [f, text] of Object.entries(files)) file(path.join(name, f), text);
  return out;
}

function stackArtifact(templateFile: unknown, extra: object = {}): object {
  return { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile }, ...extra };
}

/** Exit 2, one line naming `where` and matching `problem`, within the time limit. */
function expectBadInput(r: ReturnType<typeof run>, where: string, problem: RegExp): void {
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: expect.stringContaining(`cdk-ecs-kit: ${where}: `) });
  expect(r.stderr.replace(/\n$/, '').split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(problem);
  expect(r.ms).toBeLessThan(LIMIT_MS);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-malformed-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('malformed template files', () => {
  test.each([
    ['truncated JSON', 'truncated.json', GOOD.subarray(0, 500).toString(), /invalid JSON/],
    ['a JSON array', 'array.json', '[{"Resources":{}}]', /not a CloudFormation template \(expected an object/],
    ['a JSON number', 'number.json', '42', /not a CloudFormation template/],
    ['JSON null', 'null.json', 'null', /not a CloudFormation template/],
    ['Resources as a string', 'resources-string.json', '{"Resources":"AWS::ECS::Service"}', /no Resources section/],
    ['a resource without Type', 'no-type.json', '{"Resources":{"A":{"Properties":{}}}}', /resource 'A' has no Type/],
    ['an empty JSON file', 'empty.json', '', /invalid JSON/],
    ['an empty YAML file', 'empty.yaml', '', /not a CloudFormation template/],
    ['a YAML scalar', 'scalar.yaml', 'just text', /not a CloudFormation template/],
    ['JSON with a control character in a string', 'control.json', '{"Resources":{"A":"\u0000\r\nB', /invalid JSON/],
  ])('%s', (_label, name, content, problem) => {
    const p = file(name, content);
    expectBadInput(run('check', p), p, problem);
  });

  test('binary files: random bytes and a PNG header, as .json, .yaml and without extension', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    for (const [name, bytes] of [['image.png', png], ['image.json', png], ['noise.yaml', noise], ['noise', noise], ['noise.json', noise]] as const) {
      const p = file(name, bytes);
      expectBadInput(run('check', p), p, /invalid (JSON|YAML)|not a CloudFormation template/);
    }
  });

  test('a nonexistent path', () => {
    const p = path.join(dir, 'nope', 'missing.json');
    expectBadInput(run('check', p), p, /no such file or directory/);
  });
});

describe('YAML bombs and deep nesting', () => {
  const laughs = (extra = '') => [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ...Array.from({ length: 8 }, (_, i) => {
      const [prev, name] = [String.fromCharCode(97 + i), String.fromCharCode(98 + i)];
      return `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`;
    }),
    'Resources:',
    '  Bomb:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    '      ContainerDefinitions: *i',
    extra,
  ].join('\n');

  test('billion laughs: alias expansion is limited in the strict reader', () => {
    const p = file('bomb.yaml', laughs());
    expectBadInput(run('check', p), p, /invalid YAML.*(alias|Excessive)/i);
  });

  // An under-indented multi-line quoted scalar sends the text to the lenient (js-yaml) reader.
  const LENIENT = "Extra: 'a\nb'";
  test('billion laughs that only the lenient reader accepts is limited too', () => {
    const p = file('bomb-lenient.yaml', laughs(LENIENT));
    expectBadInput(run('check', p), p, /aliases expand to more than/);
  });

  test.each([['strict', ''], ['lenient', LENIENT]])('an alias to its own ancestor (%s reader)', (_label, extra) => {
    const p = file(`self-alias-${_label}.yaml`, `Resources:\n  A: &a\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions: [*a]\n${extra}\n`);
    const r = run('check', p);
    expect(r.ms).toBeLessThan(LIMIT_MS);
    expect([0, 1, 2]).toContain(r.code);
    if (r.code === 2) expectBadInput(r, p, /alias|nested too deeply/);
  });

  const DEPTH = 100_000;
  test.each([
    ['JSON', 'deep.json', `{"Resources":{"A":{"Type":"AWS::ECS::TaskDefinition","Properties":{"ContainerDefinitions":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}}}}`],
    ['YAML flow', 'deep-flow.yaml', `Resources:\n  A:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`],
    ['YAML block', 'deep-block.yaml', `Resources:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')} 1\n`],
    ['YAML nested tags', 'deep-tags.yaml', `Resources:\n  A:\n    Type: X\n    Properties:\n      P: ${'!Base64 ['.repeat(DEPTH / 10)}x${']'.repeat(DEPTH / 10)}\n`],
  ])('%s nested (100k levels, 3000 for block YAML) is bad input, not a stack overflow', (_label, name, content) => {
    const p = file(name, content);
    expectBadInput(run('check', p), p, /nested too deeply/);
  });
});

describe('malformed cdk.out directories', () => {
  test('a stack without resources (cdk synth writes only Parameters and Rules) counts as empty; the other stacks are checked', () => {
    const empty = JSON.stringify({ Parameters: { BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version' } }, Rules: {} });
    const badSize = JSON.stringify({
      Resources: {
        TaskDef: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            RequiresCompatibilities: ['FARGATE'],
            NetworkMode: 'awsvpc',
            Cpu: '256',
            Memory: '4096',
            ContainerDefinitions: [{ Name: 'app', Image: 'public.ecr.aws/nginx/nginx-unprivileged:1.27', Essential: true }],
          },
        },
      },
    });
    const d = cdkOut('empty-stack', { version: '48.0.0', artifacts: { Empty: stackArtifact('Empty.template.json'), Team: stackArtifact('Team.template.json') } },
      { 'Empty.template.json': empty, 'Team.template.json': badSize });
    const r = run('check', d);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[ECS-TD-01]');
    expect(r.stdout).toMatch(/in 2 stacks/);
    // A template file given on its own still needs Resources, as CloudFormation does.
    expectBadInput(run('check', file('loose-empty.json', empty)), path.join(dir, 'loose-empty.json'), /no Resources section/);
  });

  test('a directory without manifest.json', () => {
    const d = path.join(dir, 'empty-dir');
    fs.mkdirSync(d, { recursive: true });
    expectBadInput(run('check', d), d, /no manifest\.json/);
  });

  test('a manifest that is invalid JSON', () => {
    const d = cdkOut('bad-manifest', '{"artifacts": {');
    expectBadInput(run('check', d), path.join(d, 'manifest.json'), /invalid JSON/);
  });

  test.each([
    ['null', 'null'],
    ['an array', '[1,2]'],
    ['a string', '"cdk.out"'],
  ])('a manifest that is %s', (_label, manifest) => {
    const d = cdkOut(`manifest-${_label.replace(/\W/g, '')}`, manifest);
    expectBadInput(run('check', d), path.join(d, 'manifest.json'), /not a cloud assembly manifest/);
  });

  test('a manifest with odd artifact shapes', () => {
    const d = cdkOut('odd-artifacts', {
      artifacts: { C: { type: 'aws:cloudformation:stack', properties: null }, D: stackArtifact(42) },
    });
    expectBadInput(run('check', d), path.join(d, 'manifest.json'), /artifact 'C' has properties that are not an object/);
    for (const [id, art, problem] of [['A', null, /artifact 'A' is not an object/], ['D', stackArtifact(42), /artifact 'D' has a templateFile that is not a string/],
      ['E', { type: 'cdk:cloud-assembly', properties: { directoryName: 7 } }, /directoryName that is not a string/]] as const) {
      const e = cdkOut(`odd-artifact-${id}`, { artifacts: { [id]: art } });
      expectBadInput(run('check', e), path.join(e, 'manifest.json'), problem);
    }
    const names = cdkOut('odd-names', { artifacts: { Api: stackArtifact('Api.template.json', { displayName: { x: 1 }, metadata: 'x' }) } }, {
      'Api.template.json': '{"Resources":{}}',
    });
    expect(run('check', names)).toMatchObject({ code: 0, stderr: '' });
  });

  test('a manifest that references a missing template', () => {
    const d = cdkOut('missing-template', { artifacts: { Api: stackArtifact('Api.template.json') } });
    expectBadInput(run('check', d), path.join(d, 'Api.template.json'), /no such file/);
  });

  test('a template file that is a directory', () => {
    const d = cdkOut('template-dir', { artifacts: { Api: stackArtifact('Api.template.json') } });
    fs.mkdirSync(path.join(d, 'Api.template.json'));
    expectBadInput(run('check', d), path.join(d, 'Api.template.json'), /is a directory/);
  });

  test('a broken additional metadata file only loses acknowledgements', () => {
    const d = cdkOut('null-metadata', { artifacts: { Api: stackArtifact('Api.template.json', { additionalMetadataFile: 'Api.metadata.json' }) } }, {
      'Api.template.json': '{"Resources":{}}', 'Api.metadata.json': 'null',
    });
    expect(run('check', d)).toMatchObject({ code: 0, stderr: '' });
  });

  test('a symlink loop as the path', () => {
    const a = path.join(dir, 'loop-a');
    fs.symlinkSync(path.join(dir, 'loop-b'), a);
    fs.symlinkSync(a, path.join(dir, 'loop-b'));
    expectBadInput(run('check', a), a, /symbolic link loop/);
  });

  test('nested assemblies that loop: a directory symlink back to the cdk.out, and directoryName "."', () => {
    const d = cdkOut('nested-loop', {
      artifacts: { Stage: { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Stage' } } },
    });
    fs.symlinkSync(d, path.join(d, 'assembly-Stage'));
    expectBadInput(run('check', d), path.join(d, 'manifest.json'), /artifact 'Stage' loops back/);
    const self = cdkOut('self-loop', { artifacts: { Me: { type: 'cdk:cloud-assembly', properties: { directoryName: '.' } } } });
    expectBadInput(run('check', self), path.join(self, 'manifest.json'), /artifact 'Me' loops back/);
  });

  test('a template symlink loop inside a cdk.out', () => {
    const d = cdkOut('template-loop', { artifacts: { Api: stackArtifact('Api.template.json') } });
    fs.symlinkSync(path.join(d, 'Api.template.json'), path.join(d, 'Api.template.json'));
    expectBadInput(run('check', d), path.join(d, 'Api.template.json'), /symbolic link loop/);
  });
});

describe('random bytes and truncations (fast-check)', () => {
  const tried = { bytes: 0, truncations: 0 };
  afterAll(() => console.log(`CLI fuzz: seed ${FUZZ_SEED}; cases tried ${JSON.stringify(tried)}`));

  function expectExit(p: string): void {
    const r = run('check', p);
    expect([0, 1, 2]).toContain(r.code);
    if (r.code === 2) {
      expect(r.stderr.replace(/\n$/, '').split('\n')).toHaveLength(1);
      expect(r.stderr.startsWith(`cdk-ecs-kit: ${p}: `)).toBe(true);
    }
    expect(r.ms).toBeLessThan(LIMIT_MS);
  }

  test('random byte buffers as .json, .yaml or bare files exit 0, 1 or 2', () => {
    const ext = fc.constantFrom('.json', '.yaml', '.template', '');
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), ext, (bytes, e) => {
      tried.bytes++;
      expectExit(file(`random${e}`, Buffer.from(bytes)));
    }), { seed: FUZZ_SEED, numRuns: 150 });
  });

  test('random truncations and byte flips of a valid template exit 0, 1 or 2', () => {
    const good = GOOD.toString();
    const flip = fc.tuple(fc.nat(good.length), fc.integer({ min: 0, max: 255 }));
    fc.assert(fc.property(fc.nat(good.length), fc.array(flip, { maxLength: 4 }), fc.boolean(),
      (cut, flips, asYaml) => {
        tried.truncations++;
        const bytes = Buffer.from(good.slice(0, cut));
        for (const [at, b] of flips) if (at < bytes.length) bytes[at] = b;
        expectExit(file(asYaml ? 'cut.yaml' : 'cut.json', bytes));
      }), { seed: FUZZ_SEED, numRuns: 150 });
  });
});
