import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** `cdk-ecs-kit check` and `quotas` start a process per call: they must not load aws-cdk-lib or cdk-nag (seconds of start-up). */
// Every entry point of these packages: a subpath import (aws-cdk-lib/aws-logs) loads aws-cdk-lib as much as the root does.
const HEAVY = ['aws-cdk-lib', 'cdk-nag', 'constructs'].flatMap((pkg) => {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  const subpaths = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'index.js'))).map((d) => `${pkg}/${d}`);
  return [pkg, ...subpaths.filter(resolves)];
});

function resolves(id: string): boolean {
  try {
    require.resolve(id);
    return true;
  } catch {
    return false; // a folder the package does not export
  }
}

describe('CLI module loading', () => {
  const template = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-lazy-')), 'App.template.json');
  fs.writeFileSync(template, JSON.stringify({ Resources: { Td: { Type: 'AWS::ECS::TaskDefinition', Properties: { Cpu: '256', Memory: '4096', RequiresCompatibilities: ['FARGATE'] } } } }));

  function runIsolated(argv: string[]): { code: number; out: string } {
    let result = { code: -1, out: '' };
    jest.isolateModules(() => {
      for (const heavy of HEAVY) {
        jest.doMock(heavy, () => {
          throw new Error(`the CLI loaded ${heavy}`);
        });
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { main } = require('../../src/cli/main') as typeof import('../../src/cli/main');
      const out: string[] = [];
      const code = main(argv, { stdout: (t) => out.push(t), stderr: (t) => out.push(t) });
      result = { code, out: out.join('') };
    });
    return result;
  }

  test('check runs its rules without aws-cdk-lib, cdk-nag or constructs', () => {
    const r = runIsolated(['check', template]);
    expect(r.out).toMatch(/ECS-TD-01/);
    expect(r.code).toBe(1);
  });

  // The standard an app applied is read from the assembly without loading DeploymentStandard (which needs aws-cdk-lib).
  test('check judges a cdk.out by its recorded standard without them', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-lazy-std-'));
    fs.writeFileSync(path.join(outdir, 'App.template.json'), fs.readFileSync(template));
    fs.writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify({
      version: '48.0.0',
      artifacts: {
        App: {
          type: 'aws:cloudformation:stack',
          environment: 'aws://unknown-account/unknown-region',
          properties: { templateFile: 'App.template.json' },
          metadata: { '/App': [{ type: 'cdk-ecs-kit:standard', data: { name: 'tiny', version: '1.0.0', requiredTags: ['team'] } }] },
        },
      },
    }));
    const r = runIsolated(['check', outdir]);
    expect(r.out).toContain('judging');
    expect(r.out).toMatch(/\[ORG-TAG-01\] .*standard 'tiny' 1\.0\.0/);
  });

  test('quotas runs without them too', () => {
    expect(runIsolated(['quotas', template]).code).toBe(0);
  });

  test('the mock does fail when the module is loaded (the test can fail)', () => {
    jest.isolateModules(() => {
      jest.doMock('aws-cdk-lib', () => {
        throw new Error('the CLI loaded aws-cdk-lib');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(() => require('../../src/plugin/acknowledgements')).toThrow(/loaded aws-cdk-lib/);
    });
  });
});
