/**
 * Parity with cfn-lint's ECS rules (E3042-E3054, E3046, E3713): their test
 * cases, completed into deployable templates (test/fixtures/templates/cfn-lint).
 * Every Bad* case is flagged by the CLI with the expected rule; no Good* case
 * gets any finding.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';

const DIR = path.join(__dirname, '..', 'fixtures', 'templates', 'cfn-lint');

const EXPECTED: Record<string, Record<string, string>> = {
  'e3042-essential-container.json': { BadAllFalseTask: 'ECS-TD-21', BadTwoFalseTask: 'ECS-TD-21', BadNoContainersTask: 'ECS-TD-21' },
  'e3044-scheduling-strategy.json': { BadExternalDaemonCodeDeployService: 'ECS-SV-07', BadFargateDaemonService: 'ECS-SV-07' },
  'e3046-awslogs-options.json': { BadNoOptionsTask: 'ECS-CT-25' },
  'e3047-fargate-cpu-memory.json': {
    Bad16384Memory123904Task: 'ECS-TD-01', Bad16384Memory1GbTask: 'ECS-TD-01', Bad4096Memory512Task: 'ECS-TD-01', Bad4096Memory16385Task: 'ECS-TD-01',
  },
  'e3048-fargate-task-properties.json': {
    BadNoMemoryTask: 'ECS-TD-04',
    BadNoCpuTask: 'ECS-TD-04',
    BadPlacementConstraintsTask: 'ECS-TD-10',
    BadCpu128Task: 'ECS-TD-01',
    BadNoNetworkModeTask: 'ECS-TD-07',
    BadSumologicTask: 'ECS-CT-17',
  },
  'e3049-dynamic-ports.json': { BadFixedHealthPortService: 'ECS-PM-10', BadFixedHealthPortGetAttService: 'ECS-PM-10' },
  'e3052-network-configuration.json': { BadNoNetworkService: 'ECS-SV-17', BadNoNetworkGetAttService: 'ECS-SV-17' },
  'e3053-awsvpc-host-port.json': { BadHostPort80Task: 'ECS-PM-01' },
  'e3054-e3713-fargate-service.json': {
    BadNoCompatibilitiesBridgeTask: 'ECS-TD-07',
    BadNoCompatibilitiesRefTask: 'ECS-TD-07',
    BadNoCompatibilitiesHostTask: 'ECS-TD-07',
    BadEc2ExternalTask: 'ECS-TD-07',
    BadJsonFileTask: 'ECS-CT-17',
    BadJsonFileUndeclaredTask: 'ECS-CT-17',
  },
};

describe.each(Object.keys(EXPECTED))('cfn-lint parity: %s', (file) => {
  let findings: { ruleId: string; severity: string; logicalId: string }[];
  let code: number;
  beforeAll(() => {
    let out = '';
    code = main(['check', '--format', 'json', path.join(DIR, file)], { stdout: (t) => { out += t; }, stderr: () => undefined });
    findings = JSON.parse(out).findings;
  });

  test('every bad case is flagged with its rule, as an error', () => {
    expect(code).toBe(1);
    for (const [logicalId, ruleId] of Object.entries(EXPECTED[file])) {
      expect({ logicalId, found: findings.some((f) => f.logicalId === logicalId && f.ruleId === ruleId && f.severity === 'error') }).toEqual({ logicalId, found: true });
    }
  });

  test('no finding on any good case', () => {
    expect(findings.filter((f) => f.logicalId.startsWith('Good'))).toEqual([]);
  });
});

test('every fixture is listed', () => {
  expect(fs.readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
});
