import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { QuotaProfile } from '../../src/quotas/quota-profile';
import { runRules } from '../../src/rules/engine';
import { AssemblyModel } from '../../src/rules/model';
import { QUOTA_RULES } from '../../src/rules/quota';
import { clusterStack, serviceStack } from '../rules/quota/templates';

// Hundreds of services as JSON (no synth): 600 EC2 services on one shared cluster over
// three stacks, named by import, literal name and ARN; stack C's run 1,500 tasks each.
const app = () => new AssemblyModel([
  clusterStack('Shared'),
  serviceStack('A', 200, { 'Fn::ImportValue': 'Shared:ClusterRef' }, 'us-east-1', { LaunchType: 'EC2' }),
  serviceStack('B', 200, 'shared', 'us-east-1', { LaunchType: 'EC2' }),
  serviceStack('C', 200, 'arn:aws:ecs:us-east-1:111111111111:cluster/shared', 'us-east-1', { LaunchType: 'EC2', DesiredCount: 1500 }),
]);
const errors = (profile: QuotaProfile) => runRules(app(), { rules: QUOTA_RULES, quotas: profile }).filter((f) => f.severity === 'error');

describe('quota profiles against a 600-service app', () => {
  test('legacy fails on services per cluster and tasks per service; current passes', () => {
    const legacy = errors(QuotaProfile.legacy());
    expect(legacy.filter((f) => f.ruleId === 'ECS-QT-02').map((f) => f.message)).toEqual([
      expect.stringContaining('Cluster Shared/Cluster has 600 services; most from A 200, B 200, C 200 at Shared/Cluster; allowed: 500 services'),
    ]);
    expect(legacy.filter((f) => f.ruleId === 'ECS-SV-25')).toHaveLength(200);
    expect(new Set(legacy.map((f) => f.ruleId))).toEqual(new Set(['ECS-QT-02', 'ECS-SV-25']));
    expect(errors(QuotaProfile.current())).toEqual([]);
  });

  test('withOverrides: a raised quota clears its finding, the other stays', () => {
    const raised = QuotaProfile.legacy().withOverrides({ servicesPerCluster: 600 });
    const left = errors(raised);
    expect(new Set(left.map((f) => f.ruleId))).toEqual(new Set(['ECS-SV-25']));
    expect(left[0].message).toContain('QuotaProfile.legacy().withOverrides({ tasksPerService: 1500 })');
    expect(errors(raised.withOverrides({ tasksPerService: 1500 }))).toEqual([]);
    // A quota lowered below the app's usage is reported under "override in the profile".
    const lowered = errors(QuotaProfile.current().withOverrides({ servicesPerCluster: 599 }));
    expect(lowered.map((f) => f.ruleId)).toEqual(['ECS-QT-02']);
    expect(lowered[0].message).toContain('allowed: 599 services (Services per cluster, override in the profile; adjustable, quota code L-9EF96962)');
  });

  test('fromFile: the file\'s base and values are applied', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quotas-'));
    const file = path.join(dir, 'quotas.json');
    fs.writeFileSync(file, JSON.stringify({ base: 'legacy', quotas: { servicesPerCluster: 1000, tasksPerService: 2000 } }));
    expect(errors(QuotaProfile.fromFile(file))).toEqual([]);
    fs.writeFileSync(file, JSON.stringify({ base: 'legacy', quotas: { servicesPerCluster: 1000 } }));
    expect(new Set(errors(QuotaProfile.fromFile(file)).map((f) => f.ruleId))).toEqual(new Set(['ECS-SV-25']));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a non-adjustable quota cannot be raised past its AWS value', () => {
    expect(() => QuotaProfile.legacy().withOverrides({ targetGroupsPerService: 6 })).toThrow(/not adjustable/);
    expect(() => QuotaProfile.legacy().withOverrides({ targetGroupsPerService: 5 })).not.toThrow();
  });
});
