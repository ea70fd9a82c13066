import { App } from 'aws-cdk-lib';
import { buildApp, L1_SERVICES_PER_STACK, stacksOf } from './multi-stack-app';
import { EcsChecks } from '../../src/plugin/ecs-checks';
import { QuotaProfile } from '../../src/quotas/quota-profile';
import { capacityReport, formatCapacityReport } from '../../src/quotas/report';
import { runRules } from '../../src/rules/engine';
import { AssemblyModel } from '../../src/rules/model';
import { QUOTA_RULES } from '../../src/rules/quota';

// One synth for the whole file: it is the slow part.
let app: App;
let model: AssemblyModel;
beforeAll(() => {
  app = buildApp();
  model = new AssemblyModel(stacksOf(app));
});

const SERVICES = 3 * (L1_SERVICES_PER_STACK + 1);

describe('multi-stack app on one shared cluster', () => {
  test('fails under QuotaProfile.legacy(): each crossed limit with used and allowed figures', () => {
    const errors = runRules(model, { rules: QUOTA_RULES, quotas: QuotaProfile.legacy() }).filter((f) => f.severity === 'error');
    const byRule = (id: string) => errors.filter((f) => f.ruleId === id).map((f) => f.message);
    expect([...new Set(errors.map((f) => f.ruleId))].sort()).toEqual(['ECS-QT-02', 'ECS-QT-03', 'ECS-SV-21', 'ECS-SV-25', 'ECS-TD-20']);

    expect(byRule('ECS-QT-02')).toEqual([expect.stringContaining(
      `[ECS-QT-02] Cluster Network/Cluster has ${SERVICES} services; most from Billing 168, Orders 168, Web 168 at Network/Cluster; allowed: 500 services`)]);
    // The Billing service names the cluster by its literal name and is scaled by a ScalableTarget.
    expect(byRule('ECS-SV-25')).toEqual([
      expect.stringContaining('Service Billing/Worker/Service runs up to 1,100 tasks (DesiredCount 2, autoscaling MaxCapacity 1,100)'),
      expect.stringContaining('Service Orders/Api/Service runs up to 1,200 tasks (DesiredCount 1,200) at Orders/Api/Service; allowed: 1,000 tasks'),
    ]);
    expect(byRule('ECS-SV-21')).toEqual([expect.stringContaining('Service Web/Site/Service is attached to 2 target groups')]);
    expect(byRule('ECS-QT-03')).toEqual([expect.stringContaining(
      'Cluster Network/Cluster can register up to 1,200 container instances (sum of Auto Scaling group MaxSize behind its capacity providers); most from Network/AsgA/ASG 600, Network/AsgB/ASG 600')]);
    expect(byRule('ECS-QT-03')[0]).toContain('allowed: 1,000 instances');
    expect(byRule('ECS-TD-20')).toEqual([expect.stringMatching(/Task definition Web\/BigTask renders to at least [\d,]+ bytes .* allowed: 32,768 bytes/)]);
  });

  test('passes under QuotaProfile.current(): no quota errors; Fargate vCPU speaks only with the account\'s value (a warning)', () => {
    expect(runRules(model, { rules: QUOTA_RULES, quotas: QuotaProfile.current() })).toEqual([]);
    const findings = runRules(model, { rules: QUOTA_RULES, quotas: QuotaProfile.current().withOverrides({ fargateOnDemandVcpu: 1000 }) });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.map((f) => f.ruleId)).toEqual(['ECS-QT-04']);
    // Orders 1,200 × 2 (200%) + Web 2 × 2 + Billing 1,100 × 2, at 0.25 vCPU each.
    expect(findings[0].message).toContain('up to 1,151 Fargate On-Demand vCPU at peak');
  });

  test('the capacity report lists each touched quota with used, limit and sources', () => {
    const rows = capacityReport(model, QuotaProfile.legacy());
    const services = rows.find((r) => r.quota === 'servicesPerCluster')!;
    expect(services).toMatchObject({ scope: 'cluster Network/Cluster', used: SERVICES, limit: 500, status: 'over', adjustable: true, quotaCode: 'L-9EF96962' });
    expect(services.topSources.map((s) => s.amount)).toEqual([168, 168, 168]);
    const tasks = rows.find((r) => r.quota === 'tasksPerService')!;
    expect(tasks).toMatchObject({ scope: `service Orders/Api/Service (highest of ${SERVICES})`, used: 1200, limit: 1000, percent: 120 });
    expect(formatCapacityReport(rows, 'text')).toMatch(/Services per cluster +cluster Network\/Cluster +504 +500 +100\.8% +OVER +yes \(L-9EF96962\)/);
  });

  test('EcsChecks with the legacy profile reports the crossed limits; with current it does not', () => {
    const legacy = EcsChecks.check(app, { quotas: QuotaProfile.legacy() });
    const quotaIds = new Set(QUOTA_RULES.map((r) => r.id));
    const quotaErrors = legacy.findings.filter((f) => f.severity === 'error' && quotaIds.has(f.ruleId));
    expect([...new Set(quotaErrors.map((f) => f.ruleId))].sort()).toEqual(['ECS-QT-02', 'ECS-QT-03', 'ECS-SV-21', 'ECS-SV-25', 'ECS-TD-20']);
    expect(quotaErrors.find((f) => f.ruleId === 'ECS-QT-02')!.message).toContain(`has ${SERVICES} services`);
    const current = EcsChecks.check(app, { quotas: QuotaProfile.current() });
    expect(current.findings.filter((f) => f.severity === 'error' && quotaIds.has(f.ruleId))).toEqual([]);
    expect(current.errorCount).toBe(0);
    expect(legacy.errorCount).toBe(quotaErrors.length);
  });
});
