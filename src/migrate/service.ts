/** Service-level Copilot fields every service type shares: count, exec, network, deployment. */
import { ObjectCode, parseDuration, tsDuration, tsString } from './code';
import { isMap, Path, showValue } from './fields';
import { ServicePlan } from './plan';
import { arm64Platform, windowsPlatform } from './task';

/** `count`: a number, `spot`, or a range with CPU/memory/request targets. */
export function mapCount(plan: ServicePlan): void {
  const f = plan.fields;
  const count = f.peek('count');
  const s = plan.service;
  if (count === undefined) return;
  if (typeof count === 'number' || typeof count === 'string') {
    s.set('desiredCount', String(f.num('count')));
    return;
  }
  if (!isMap(count)) {
    plan.todo('count', 'count must be a number or a map', s);
    return;
  }
  if (count.spot !== undefined) {
    armSpotNote(plan, 'count.spot');
    s.set('fargateCapacity', 'FargateCapacity.spotWithOnDemandBase({ onDemandBase: 0 })');
    s.set('desiredCount', String(f.num('count.spot')));
  }
  const range = count.range;
  if (range === undefined) {
    for (const k of Object.keys(count).filter((key) => key !== 'spot')) plan.todo(['count', k], 'autoscaling targets need count.range', s);
    return;
  }
  const auto = new ObjectCode();
  if (typeof range === 'string' && /^\d+-\d+$/.test(range)) {
    f.get('count.range');
    const [min, max] = range.split('-').map(Number);
    auto.set('minCapacity', String(min)).set('maxCapacity', String(max));
  } else if (isMap(range) && range.max !== undefined) {
    auto.set('minCapacity', String(f.num('count.range.min') ?? 1)).set('maxCapacity', String(f.num('count.range.max')));
    const spotFrom = f.num('count.range.spot_from');
    if (spotFrom !== undefined) armSpotNote(plan, 'count.range.spot_from');
    if (spotFrom !== undefined) s.set('fargateCapacity', `FargateCapacity.spotWithOnDemandBase({ onDemandBase: ${Math.max(0, spotFrom - 1)} })`);
  } else {
    plan.todo('count.range', 'range must be "min-max" or { min, max, spot_from }', s);
    return;
  }
  // Copilot refused a range without a metric ('at least one of ... must be specified'); the kit would scale on CPU.
  if (!['cpu_percentage', 'memory_percentage', 'requests', 'response_time', 'queue_delay'].some((k) => count[k] !== undefined)) {
    s.comment('// Note (copilot): count.range without cpu_percentage, memory_percentage, requests, response_time or queue_delay, which '
      + 'Copilot did not deploy (at least one must be set); the kit scales on CPU (target 70 %): set autoScaling.targetCpuPercent or another metric.');
  }
  cooldowns(plan, ['count', 'cooldown'], auto);
  metric(plan, 'cpu_percentage', 'targetCpuPercent', auto);
  metric(plan, 'memory_percentage', 'targetMemoryPercent', auto);
  if (count.requests !== undefined) {
    if (plan.kind === 'WebService') metric(plan, 'requests', 'requestsPerTarget', s);
    else plan.todo('count.requests', 'request-count scaling needs a load balancer target group (WebService)', s);
  }
  plan.todo('count.response_time', 'the kit has no response-time policy: add one with service.scalableTaskCount.scaleToTrackCustomMetric(...) on the target group\'s TargetResponseTime', s);
  const backlog = count.queue_delay !== undefined && queueDelay(plan);
  // Copilot scales a worker on its queue only with queue_delay; the kit's WorkerService does by default.
  if (count.queue_delay === undefined && plan.kind === 'WorkerService') s.set('scaleOnBacklog', 'false');
  // Copilot adds a policy per metric the manifest names; the kit adds a CPU one unless told not to.
  const otherPolicy = count.memory_percentage !== undefined || (count.requests !== undefined && plan.kind === 'WebService') || backlog;
  if (count.cpu_percentage === undefined && otherPolicy) auto.set('scaleOnCpu', 'false');
  s.set('autoScaling', auto.render(''));
}

/**
 * Copilot refused Fargate Spot on ARM64 (manifest validateARM), so a manifest with both never deployed as written.
 * Fargate has run ARM64 tasks on Spot since: the kit keeps Spot, and the comment says so.
 */
function armSpotNote(plan: ServicePlan, field: string): void {
  if (!arm64Platform(plan.fields)) return;
  plan.service.comment(`// Note (copilot): ${field} with platform ${showValue(plan.fields.peek('platform'))}: Copilot refused this ('Fargate Spot' is not supported `
    + 'when deploying on ARM architecture); Fargate runs ARM64 tasks on Spot from platform version 1.4.0, so the kit keeps Spot: check that is what you want.');
}

function cooldowns(plan: ServicePlan, base: Path, into: ObjectCode): void {
  for (const [k, key] of [['in', 'scaleInCooldown'], ['out', 'scaleOutCooldown']] as const) {
    const raw = plan.fields.peek([...base, k]);
    if (raw === undefined) continue;
    const sec = parseDuration(raw);
    if (sec === undefined) {plan.todo([...base, k], 'not a duration', into);} else {
      plan.fields.get([...base, k]);
      into.set(key, tsDuration(sec));
    }
  }
}

/** A scaling target: a number, or { value, cooldown } (per-metric cooldowns become TODOs). */
function metric(plan: ServicePlan, field: string, key: string, into: ObjectCode): void {
  const v = plan.fields.peek(['count', field]);
  if (v === undefined) return;
  if (isMap(v)) {
    into.set(key, String(plan.fields.num(['count', field, 'value'])));
    plan.todo(['count', field, 'cooldown'], 'the kit has one cooldown pair for all policies (autoScaling scaleInCooldown/scaleOutCooldown)', into);
  } else {
    into.set(key, String(plan.fields.num(['count', field])));
  }
}

/** Worker `count.queue_delay`: acceptable latency / processing time = backlog per task, as Copilot computes it. True when mapped. */
function queueDelay(plan: ServicePlan): boolean {
  const latency = parseDuration(plan.fields.peek('count.queue_delay.acceptable_latency'));
  const processing = parseDuration(plan.fields.peek('count.queue_delay.msg_processing_time'));
  if (plan.kind !== 'WorkerService' || !latency || !processing) {
    plan.todo('count.queue_delay', 'backlog scaling needs a WorkerService with acceptable_latency and msg_processing_time', plan.service);
    return false;
  }
  plan.fields.get('count.queue_delay.acceptable_latency');
  plan.fields.get('count.queue_delay.msg_processing_time');
  // Copilot rounds up (math.Ceil): 10 s latency / 3 s per message is 4 messages per task.
  plan.service.set('backlogPerTask', String(Math.max(1, Math.ceil(latency / processing))));
  plan.todo('count.queue_delay.cooldown', 'the kit has one cooldown pair for all policies (autoScaling scaleInCooldown/scaleOutCooldown)', plan.service);
  return true;
}

/** `exec: true` -> enableExecuteCommand (and the cluster's audited exec logging). */
export function mapExec(plan: ServicePlan): void {
  const exec = plan.fields.peek('exec');
  if (exec === undefined) return;
  if (plan.kind === 'ScheduledJob') {
    plan.todo('exec', 'a scheduled job has no service to open ECS Exec on', plan.service);
    return;
  }
  plan.exec = exec === true || (isMap(exec) && plan.fields.bool('exec.command') !== false);
  if (!isMap(exec)) plan.fields.get('exec');
  if (plan.exec) plan.service.set('enableExecuteCommand', 'true');
  // ECS Exec's SSM agent writes under /var/lib/amazon and /var/log/amazon: a read-only root keeps Exec working with those writable
  // (the kit keeps an explicit readonlyRootFilesystem: true; ECS-CT-22 checks the paths).
  if (plan.exec && plan.container.get('readonlyRootFilesystem') === 'true') {
    plan.container.set('scratchPaths', "['/var/lib/amazon', '/var/log/amazon']");
  }
}

/** `network.vpc` placement and security groups, `network.connect`. */
export function mapNetwork(plan: ServicePlan): void {
  const f = plan.fields;
  const s = plan.service;
  const placement = f.peek('network.vpc.placement');
  if (placement === 'public') {
    f.get('network.vpc.placement');
    s.set('vpcSubnets', '{ subnetType: ec2.SubnetType.PUBLIC }');
    s.set('assignPublicIp', 'true');
  } else if (placement === 'private') {
    f.get('network.vpc.placement'); // the kit's default
  } else if (isMap(placement) && Array.isArray(placement.subnets)) {
    const ids = f.get('network.vpc.placement.subnets') as unknown[];
    s.set('vpcSubnets', `{ subnets: [${ids.map((id) => `ec2.Subnet.fromSubnetId(this, '${plan.id}Subnet${String(id)}', ${tsString(String(id))})`).join(', ')}] }`);
  } else if (placement !== undefined) {
    plan.todo('network.vpc.placement', 'select the subnets with vpcSubnets (ec2.SubnetSelection); tag-based selection needs a VPC lookup', s);
  } else {
    s.comment('// Copilot placed tasks in public subnets with public IPs by default; the kit uses private subnets.');
  }
  const sgs = f.peek('network.vpc.security_groups');
  const groups = Array.isArray(sgs) ? sgs.map((g, i) => ({ g, p: ['network', 'vpc', 'security_groups', i] as Path }))
    : isMap(sgs) && Array.isArray(sgs.groups) ? sgs.groups.map((g, i) => ({ g, p: ['network', 'vpc', 'security_groups', 'groups', i] as Path })) : [];
  if (isMap(sgs) && sgs.deny_default !== undefined) f.get('network.vpc.security_groups.deny_default'); // the kit never adds an environment-wide group
  for (const { g, p } of groups) {
    if (typeof g !== 'string') {
      plan.todo(p, 'from_cfn: ec2.SecurityGroup.fromSecurityGroupId(this, id, Fn.importValue(name))', plan.afterService);
      continue;
    }
    f.get(p);
    const sg = `ec2.SecurityGroup.fromSecurityGroupId(this, '${plan.id}${g}', ${tsString(g)})`;
    plan.afterService.push(plan.kind === 'ScheduledJob'
      ? `// TODO: a ScheduledJob takes one securityGroup; ${g} is an extra group in Copilot`
      : `${plan.v}.service.connections.addSecurityGroup(${sg});`);
  }
  if (isMap(sgs)) {
    for (const k of Object.keys(sgs).filter((key) => key !== 'groups' && key !== 'deny_default')) plan.todo(['network', 'vpc', 'security_groups', k], 'not a security group setting the migrator knows', plan.afterService);
  }
  const connect = f.peek('network.connect');
  if (connect !== undefined && plan.kind !== 'ScheduledJob') {
    if (isMap(connect) && connect.alias !== undefined && plan.kind === 'BackendService') s.set('dnsName', tsString(f.str('network.connect.alias')!));
    else if (isMap(connect)) plan.todo('network.connect.alias', 'only a BackendService publishes a Service Connect name (dnsName)', s);
    f.get('network.connect');
    if (connect !== false && plan.kind !== 'BackendService' && windowsPlatform(f)) {
      plan.service.comment('// TODO(copilot): network.connect on a Windows service: Service Connect does not run Windows tasks (ECS-SC-13); left off.');
    } else if (connect !== false && plan.kind !== 'BackendService') {s.set('serviceConnect', '{}');}
  } else if (connect !== undefined) {
    plan.todo('network.connect', 'standalone tasks cannot use Service Connect', s);
  }
}

/** `deployment.rolling` and `deployment.rollback_alarms`. */
export function mapDeployment(plan: ServicePlan): void {
  const f = plan.fields;
  const rolling = f.peek('deployment.rolling');
  if (rolling === 'recreate') {
    f.get('deployment.rolling');
    plan.service.set('minHealthyPercent', '0').set('maxHealthyPercent', '100');
  } else if (rolling === 'default') {
    f.get('deployment.rolling'); // 100/200, the kit's default
  } else if (rolling !== undefined) {
    plan.todo('deployment.rolling', 'rolling must be default or recreate', plan.service);
  }
  const alarms = f.peek('deployment.rollback_alarms');
  if (Array.isArray(alarms) && alarms.every((a) => typeof a === 'string')) {
    f.get('deployment.rollback_alarms');
    plan.service.set('deploymentAlarms', `[${alarms.map((a, i) => `cloudwatch.Alarm.fromAlarmName(this, '${plan.id}RollbackAlarm${i + 1}', ${tsString(String(a))})`).join(', ')}]`);
  } else if (alarms !== undefined) {
    plan.todo('deployment.rollback_alarms', 'create the CPU/memory alarms with cloudwatch.Alarm on service.service.metricCpuUtilization()/metricMemoryUtilization() and pass them as deploymentAlarms; WebService can add its own with enableDeploymentAlarms', plan.service);
  }
}
