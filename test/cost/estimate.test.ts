import { asgResources, serviceStack, stack } from './fixtures';
import { BUNDLED_PRICES, CostReport, estimateCost, formatCostText, money, ServiceCost } from '../../src/cost';
import { AssemblyModel, CfnTemplate } from '../../src/rules/model';

const H = 730;

function estimate(template: CfnTemplate, region: string | null = 'us-east-1', override?: string): CostReport {
  return estimateCost([new AssemblyModel([stack(template, region ?? undefined)])], { prices: BUNDLED_PRICES, region: override });
}

function only(report: CostReport): ServiceCost {
  expect(report.services).toHaveLength(1);
  return report.services[0];
}

describe('Fargate services', () => {
  test('Linux/X86_64: 2 tasks x 0.5 vCPU / 1 GB in us-east-1', () => {
    const s = only(estimate(serviceStack({ cpu: '512', memory: '1024' }, { desired: 2 })));
    // 2 tasks x (0.5 vCPU x $0.04048 + 1 GB x $0.004445) x 730 h
    expect(s.monthly).toBeCloseTo(2 * (0.5 * 0.04048 + 1 * 0.004445) * H, 6);
    expect(s.monthly).toBeCloseTo(36.0401, 4);
    expect(s.unpriced).toEqual([]);
    expect(s.lines[0].label).toContain('Fargate On-Demand: 2 task(s) x $0.024685/h (0.5 vCPU, 1 GB, Linux/X86_64) x 730 h');
  });

  test('ARM64 uses the Linux/ARM rates', () => {
    const s = only(estimate(serviceStack({ cpu: 256, memory: 512, arch: 'ARM64' }, { desired: 3 })));
    // 3 x (0.25 x $0.03238 + 0.5 x $0.00356) x 730 = 3 x $0.009875 x 730
    expect(s.monthly).toBeCloseTo(3 * (0.25 * 0.03238 + 0.5 * 0.00356) * H, 6);
    expect(s.monthly).toBeCloseTo(21.62625, 4);
  });

  test('Windows adds the OS license per vCPU', () => {
    const s = only(estimate(serviceStack({ cpu: '1 vCPU', memory: '2 GB', os: 'WINDOWS_SERVER_2022_CORE' }, { desired: 1 })));
    // 1 x (1 vCPU x $0.09148 + 2 GB x $0.01005 + 1 vCPU x $0.046 license) x 730
    expect(s.monthly).toBeCloseTo((1 * 0.09148 + 2 * 0.01005 + 1 * 0.046) * H, 6);
    expect(s.monthly).toBeCloseTo(115.0334, 4);
    expect(s.alternatives.map((a) => a.option)).toEqual(['Fargate On-Demand']);
  });

  test('ephemeral storage above 20 GiB is charged per GB-hour', () => {
    const s = only(estimate(serviceStack({ cpu: 1024, memory: 2048, ephemeralGiB: 50 }, { desired: 1 })));
    // (1 x $0.04048 + 2 x $0.004445 + (50 - 20) GiB x $0.000111) x 730
    expect(s.monthly).toBeCloseTo((0.04048 + 2 * 0.004445 + 30 * 0.000111) * H, 6);
  });

  test('a capacity provider strategy splits tasks between Fargate and Fargate Spot (base first, then weight)', () => {
    const s = only(estimate(serviceStack({ cpu: 1024, memory: 2048 }, {
      desired: 5,
      strategy: [{ CapacityProvider: 'FARGATE', Base: 1, Weight: 1 }, { CapacityProvider: 'FARGATE_SPOT', Weight: 3 }],
    })));
    // base: 1 on FARGATE; the other 4 split 1:3 -> FARGATE 2, FARGATE_SPOT 3
    expect(s.split).toEqual({ fargate: 2, fargateSpot: 3, ec2: 0 });
    const hour = 1 * 0.04048 + 2 * 0.004445; // $0.04937
    expect(s.monthly).toBeCloseTo((2 * hour + 3 * hour * 0.31) * H, 6);
    expect(s.monthly).toBeCloseTo(105.597493, 4);
    expect(s.lines.map((l) => l.label)).toEqual([
      expect.stringContaining('Fargate On-Demand: 2 task(s)'),
      expect.stringContaining('Fargate Spot: 3 task(s) x $0.015305/h (0.31 x $0.04937)'),
    ]);
  });

  test('autoscaling MinCapacity/MaxCapacity give the range', () => {
    const s = only(estimate(serviceStack({ cpu: 512, memory: 1024 }, { desired: 2, scaling: { min: 1, max: 10 } })));
    const perTask = (0.5 * 0.04048 + 1 * 0.004445) * H;
    expect(s.tasks).toEqual({ nominal: 2, low: 1, high: 10, basis: 'DesiredCount 2, autoscaling 1-10' });
    expect([s.low, s.monthly, s.high].map((v) => +v.toFixed(6))).toEqual([1, 2, 10].map((n) => +(n * perTask).toFixed(6)));
  });

  test('no DesiredCount in the template (the kit leaves it out with autoscaling): the basis names the range only, not a default of 1', () => {
    const s = only(estimate(serviceStack({ cpu: 512, memory: 1024 }, { scaling: { min: 2, max: 10 } })));
    expect(s.tasks).toEqual({ nominal: 2, low: 2, high: 10, basis: 'autoscaling 2-10' });
  });

  test('a token DesiredCount is not guessed; with a scalable target the range is priced from it', () => {
    const token = { desired: '${Token[TOKEN.123]}' };
    const bare = only(estimate(serviceStack({ cpu: 512, memory: 1024 }, token)));
    expect(bare.monthly).toBe(0);
    expect(bare.unpriced.join()).toContain('DesiredCount "${Token[TOKEN.123]}" does not resolve');
    const scaled = only(estimate(serviceStack({ cpu: 512, memory: 1024 }, { ...token, scaling: { min: 2, max: 4 } })));
    expect(scaled.tasks).toEqual({ nominal: 2, low: 2, high: 4, basis: 'autoscaling 2-4' });
    expect(scaled.high).toBeCloseTo(4 * (0.5 * 0.04048 + 0.004445) * H, 6);
  });

  test('an unresolved task size is reported, not guessed', () => {
    const s = only(estimate(serviceStack({ cpu: { Ref: 'Cpu' }, memory: 1024 }, { desired: 1 })));
    expect(s.monthly).toBe(0);
    expect(s.unpriced.join()).toContain('task size');
  });

  test('a Region without ARM64 Fargate rates leaves the service unpriced and says why', () => {
    const s = only(estimate(serviceStack({ cpu: 256, memory: 512, arch: 'ARM64' }, { desired: 1 }), 'eu-west-1'));
    expect(s.unpriced).toEqual(['no Fargate Linux/ARM64 rate for eu-west-1 in the price table']);
  });
});

describe('Regions', () => {
  test('the stack Region is used; --region overrides it; env-agnostic stacks default to us-east-1 with a note', () => {
    const t = serviceStack({ cpu: 256, memory: 512 }, { desired: 1 });
    expect(only(estimate(t, 'eu-central-1')).monthly).toBeCloseTo((0.25 * 0.04656 + 0.5 * 0.00511) * H, 6);
    expect(only(estimate(t, 'eu-central-1', 'ap-southeast-1')).monthly).toBeCloseTo((0.25 * 0.05056 + 0.5 * 0.00553) * H, 6);
    const agnostic = estimate(t, null);
    expect(only(agnostic).region).toBe('us-east-1');
    expect(agnostic.notes).toEqual(['stack App is env-agnostic (no Region): priced in us-east-1; pass --region to choose']);
  });
});

describe('scheduled jobs', () => {
  test('schedules and rules that start ECS tasks are named in the notes as not priced; other schedules are not', () => {
    const t = serviceStack({ cpu: 256, memory: 512 }, { desired: 1 });
    const ecs = { TaskDefinitionArn: 'td' };
    Object.assign(t.Resources!, {
      Nightly: { Type: 'AWS::Scheduler::Schedule', Properties: { ScheduleExpression: 'cron(0 2 * * ? *)', Target: { Arn: 'c', RoleArn: 'r', EcsParameters: ecs } } },
      Hourly: { Type: 'AWS::Events::Rule', Properties: { ScheduleExpression: 'rate(1 hour)', Targets: [{ Id: 'T', Arn: 'c', EcsParameters: ecs }] } },
      Lambda: { Type: 'AWS::Scheduler::Schedule', Properties: { ScheduleExpression: 'rate(1 hour)', Target: { Arn: 'fn', RoleArn: 'r' } } },
    });
    const r = estimate(t);
    expect(r.notes).toEqual(['2 scheduled jobs not priced (App/Nightly, App/Hourly): their tasks run only while each run lasts; price one run with the task size x its duration']);
    expect(formatCostText(r)).toContain('tasks that schedules, rules and RunTask start');
    expect(estimate(serviceStack({ cpu: 256, memory: 512 }, { desired: 1 })).notes).toEqual([]);
  });
});

test('a task without a Fargate size on Fargate capacity is priced at the smallest Fargate size that holds it, not at 0 vCPU (found by a CLI user trial)', () => {
  const r = only(estimate(serviceStack({ containers: [{ Name: 'a', Image: 'nginx', Memory: 256 }] }, { desired: 1, strategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }] })));
  expect(r.lines.map((l) => l.label)).toEqual([expect.stringContaining('(0.25 vCPU, 0.5 GB (smallest Fargate size that holds the task), Linux/X86_64)')]);
  expect(r.monthly).toBeCloseTo(only(estimate(serviceStack({ cpu: 256, memory: 512 }, { desired: 1 }))).monthly, 6);
});

describe('EC2 capacity', () => {
  test('an Auto Scaling group with a launch template: instance-hours plus gp3', () => {
    const r = estimate(serviceStack({ memory: 512, containers: [{ Name: 'a', Memory: 512 }] }, { desired: 2, launchType: 'EC2' },
      asgResources({ min: 1, desired: 2, max: 4, instanceType: 'm7g.large', gp3GiB: 30 })));
    const c = r.capacity[0];
    // 2 x m7g.large x $0.0816 x 730 + 2 x 30 GiB x $0.08
    expect(c.monthly).toBeCloseTo(2 * 0.0816 * H + 2 * 30 * 0.08, 6);
    expect(c.monthly).toBeCloseTo(123.936, 4);
    expect(c.low).toBeCloseTo(1 * 0.0816 * H + 1 * 30 * 0.08, 6);
    expect(c.high).toBeCloseTo(4 * 0.0816 * H + 4 * 30 * 0.08, 6);
    expect(r.services[0].split).toEqual({ fargate: 0, fargateSpot: 0, ec2: 2 });
    expect(r.services[0].monthly).toBe(0);
    expect(r.total.monthly).toBeCloseTo(c.monthly, 6);
  });

  test('a mixed instances policy: On-Demand base and percentage, Spot on the cheapest override', () => {
    const r = estimate({ Resources: asgResources({ min: 0, desired: 3, max: 3, mixed: { types: ['m6i.large', 't3.large'], base: 1, percent: 50 } }) });
    // 3 instances: 1 base On-Demand + 2 x 50% = 2 On-Demand m6i.large, 1 Spot t3.large at 0.35 x $0.0832
    expect(r.capacity[0].monthly).toBeCloseTo((2 * 0.096 + 1 * 0.0832 * 0.35) * H, 6);
    expect(r.capacity[0].monthly).toBeCloseTo(161.4176, 4);
  });

  test('DesiredCapacity omitted: priced at MinSize', () => {
    const r = estimate({ Resources: asgResources({ min: 2, max: 5, instanceType: 't3.medium' }) });
    expect(r.capacity[0].instances).toEqual({ low: 2, nominal: 2, high: 5 });
    expect(r.capacity[0].monthly).toBeCloseTo(2 * 0.0416 * H, 6);
  });

  test('scaling from 0 instances: the text shows the range the total counts', () => {
    const r = estimate({ Resources: asgResources({ min: 0, max: 10, instanceType: 't3.medium' }) });
    expect(r.capacity[0].lines).toEqual([]);
    expect(r.capacity[0].high).toBeCloseTo(10 * 0.0416 * H, 6);
    expect(formatCostText(r)).toContain(`    monthly: $0.00 (range $0.00 - ${money(10 * 0.0416 * H)})`);
  });

  test('an instance type without a price is named, not guessed', () => {
    const r = estimate({ Resources: asgResources({ min: 1, max: 1, instanceType: 'c4.large' }) });
    expect(r.capacity[0].unpriced).toEqual(['no EC2 price for c4.large in us-east-1 in the price table']);
    expect(r.unpricedCount).toBe(1);
  });
});

describe('where the same tasks would be cheaper', () => {
  test('4 tasks of 0.5 vCPU / 1 GB: the cheapest x86 packing and both Fargate options', () => {
    const s = only(estimate(serviceStack({ cpu: 512, memory: 1024 }, { desired: 4 })));
    const byOption = Object.fromEntries(s.alternatives.map((a) => [a.option, a]));
    const fargate = 4 * (0.5 * 0.04048 + 0.004445) * H; // $72.0802
    expect(byOption['Fargate On-Demand'].monthly).toBeCloseTo(fargate, 6);
    expect(byOption['Fargate Spot'].monthly).toBeCloseTo(fargate * 0.31, 6);
    // m6i.large: 2 vCPU -> 4 tasks by CPU, 8 GiB x 0.9 -> 7 by memory: 4 per instance, 1 x $0.096 x 730 = $70.08. Burstable
    // types (t3.large at $0.0832) are left out: tasks that use their CPU run past the baseline (found by a cost user trial).
    expect(byOption['EC2 On-Demand'].monthly).toBeCloseTo(1 * 0.096 * H, 6);
    expect(byOption['EC2 On-Demand'].detail).toMatch(/^1 x m6i\.large \(4 task\(s\) per instance, cpu-bound; cheapest non-burstable X86_64 type/);
    expect(byOption['EC2 Spot'].monthly).toBeCloseTo(0.096 * H * 0.35, 6);
    expect(s.alternatives[0].option).toBe('Fargate Spot');
  });

  test('an EC2 task without task-level size is compared with the smallest Fargate size that holds it', () => {
    const s = only(estimate(serviceStack({ containers: [{ Name: 'a', Cpu: 300, Memory: 900 }] }, { desired: 1, launchType: 'EC2' })));
    const fargate = s.alternatives.find((a) => a.option === 'Fargate On-Demand')!;
    // 300 CPU units / 900 MiB -> 0.5 vCPU / 1 GB
    expect(fargate.monthly).toBeCloseTo((0.5 * 0.04048 + 1 * 0.004445) * H, 6);
    expect(fargate.detail).toContain('smallest Fargate size that holds the task');
  });

  test('an EC2 task without RuntimePlatform takes the architecture of its capacity\'s instances (Graviton here)', () => {
    const onCapacity = (type: string) => serviceStack({ containers: [{ Name: 'a', Cpu: 512, Memory: 1024 }] }, {
      desired: 4, strategy: [{ CapacityProvider: { Ref: 'Cp' }, Weight: 1 }],
    }, {
      ...asgResources({ min: 1, max: 2, instanceType: type }),
      Cp: { Type: 'AWS::ECS::CapacityProvider', Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: { Ref: 'Asg' } } } },
    });
    const arm = estimate(onCapacity('m7g.large')).services[0];
    expect(arm.size?.arch).toBe('ARM64');
    expect(arm.alternatives.find((a) => a.option === 'EC2 On-Demand')!.detail).toMatch(/x m\dg\.\w+ .*cheapest non-burstable ARM64 type/);
    expect(estimate(onCapacity('m6i.large')).services[0].size?.arch).toBe('X86_64');
  });

  test('a GPU task gets no Fargate or EC2 alternative, and says why', () => {
    const gpu = [{ Name: 'a', Cpu: 1024, Memory: 4096, ResourceRequirements: [{ Type: 'GPU', Value: '1' }] }];
    const s = only(estimate(serviceStack({ containers: gpu }, { desired: 1, launchType: 'EC2' })));
    expect(s.size?.gpus).toBe(1);
    expect(s.alternatives).toEqual([]);
    expect(s.notes).toContain('1 GPU(s) per task: Fargate runs no GPU tasks and the price table lists no GPU instance types, so no alternative is priced');
    expect(formatCostText(estimate(serviceStack({ containers: gpu }, { desired: 1, launchType: 'EC2' })))).toContain('each 1 vCPU, 4 GB, 1 GPU, Linux/X86_64; EC2 1');
  });

  test('DAEMON services are priced through the EC2 capacity', () => {
    const s = only(estimate(serviceStack({ memory: 256, containers: [{ Name: 'a', Memory: 256 }] }, { daemon: true, launchType: 'EC2' })));
    expect(s.monthly).toBe(0);
    expect(s.notes[0]).toContain('DAEMON');
    expect(s.unpriced).toEqual([]);
  });
});

describe('ECS Express Mode and Managed Instances', () => {
  const express = (properties: Record<string, unknown>): CfnTemplate => ({
    Resources: {
      Express: {
        Type: 'AWS::ECS::ExpressGatewayService',
        Properties: { PrimaryContainer: { Image: 'nginx' }, ExecutionRoleArn: 'arn:aws:iam::1:role/e', InfrastructureRoleArn: 'arn:aws:iam::1:role/i', ...properties },
      },
    },
  } as CfnTemplate);

  test('an Express service is priced as Fargate Linux tasks, from ScalingTarget min to max', () => {
    const s = only(estimate(express({ Cpu: '1024', Memory: '2048', ScalingTarget: { MinTaskCount: 2, MaxTaskCount: 4 } })));
    // nominal 2 tasks x (1 vCPU x $0.04048 + 2 GB x $0.004445) x 730 h; the range 2-4
    expect(s.monthly).toBeCloseTo(2 * (0.04048 + 2 * 0.004445) * H, 6);
    expect(s.monthly).toBeCloseTo(72.0802, 4);
    expect(s.high).toBeCloseTo(4 * (0.04048 + 2 * 0.004445) * H, 6);
    expect(s.tasks?.basis).toBe('Express scaling 2-4');
    expect(s.unpriced).toEqual([]);
  });

  test('an Express service without a size or scaling target is not priced, and says why', () => {
    const s = only(estimate(express({})));
    expect(s.monthly).toBe(0);
    expect(s.unpriced).toEqual([
      expect.stringContaining('Express task size'),
      expect.stringContaining('ScalingTarget'),
    ]);
  });

  test('tasks on Managed Instances capacity are reported as not priced, not as EC2 capacity', () => {
    const template = serviceStack({ cpu: 512, memory: 1024 }, { desired: 3, strategy: [{ CapacityProvider: { Ref: 'Mi' }, Weight: 1 }] }, {
      Mi: { Type: 'AWS::ECS::CapacityProvider', Properties: { ClusterName: { Ref: 'Cluster' }, ManagedInstancesProvider: {} } },
    });
    (template.Resources!.Task as { Properties: Record<string, unknown> }).Properties.RequiresCompatibilities = ['MANAGED_INSTANCES'];
    const s = only(estimate(template));
    expect(s.split).toEqual({ fargate: 0, fargateSpot: 0, ec2: 3 });
    expect(s.monthly).toBe(0);
    expect(s.unpriced).toEqual([expect.stringContaining('3 task(s) on ECS Managed Instances capacity')]);
    expect(s.notes.join(' ')).not.toContain('priced under EC2 capacity');
    expect(formatCostText(estimate(template))).toContain('Linux/X86_64; Managed Instances 3');
  });
});
