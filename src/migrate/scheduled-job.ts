/** 'Scheduled Job': ScheduledJob with an EventBridge Scheduler expression. */
import { parseDuration, tsDuration, tsString } from './code';
import { ServicePlan } from './plan';
import { rateUnitProblem, scheduleExpressionProblem } from '../rules/service/schedule-expression';

const PRESETS: Record<string, string> = {
  '@hourly': '0 * * * ? *',
  '@daily': '0 0 * * ? *',
  '@midnight': '0 0 * * ? *',
  '@weekly': '0 0 ? * 1 *',
  '@monthly': '0 0 1 * ? *',
  '@yearly': '0 0 1 1 ? *',
  '@annually': '0 0 1 1 ? *',
};

/** A Copilot schedule as a `scheduler.ScheduleExpression`, converted as Copilot converts it; undefined if it cannot. */
export function scheduleExpression(schedule: string): { expr: string; enabled: boolean } | undefined {
  const s = schedule.trim();
  if (s === 'none') return { expr: 'scheduler.ScheduleExpression.expression(\'rate(1 day)\')', enabled: false };
  if (/^(rate|cron)\(.*\)$/.test(s)) return { expr: `scheduler.ScheduleExpression.expression(${tsString(s)})`, enabled: true };
  if (s.startsWith('@every ')) {
    const sec = parseDuration(s.slice(7).trim());
    if (sec === undefined || sec < 60 || sec % 60 !== 0) return undefined;
    return { expr: `scheduler.ScheduleExpression.rate(${tsDuration(sec)})`, enabled: true };
  }
  if (s.startsWith('@')) {
    const preset = PRESETS[s];
    return preset ? { expr: `scheduler.ScheduleExpression.expression('cron(${preset})')`, enabled: true } : undefined;
  }
  const f = s.split(/\s+/);
  if (f.length !== 5) return undefined;
  const specified = (x: string) => !/[*?]/.test(x);
  const [dom, dow] = [f[2], f[4]];
  if (!specified(dom) && !specified(dow)) [f[2], f[4]] = ['*', '?'];
  else if (!specified(dom)) f[2] = '?';
  else if (!specified(dow)) f[4] = '?';
  else return undefined; // AWS cron cannot set both day-of-month and day-of-week
  f[4] = f[4].replace(/\d/g, (d) => String(Number(d) + 1)); // day-of-week is 1-7 in AWS
  return { expr: `scheduler.ScheduleExpression.expression('cron(${f.join(' ')} *)')`, enabled: true };
}

export function mapJob(plan: ServicePlan): void {
  const f = plan.fields;
  const s = plan.service;
  const schedule = f.peek('on.schedule');
  const parsed = typeof schedule === 'string' ? scheduleExpression(schedule) : undefined;
  if (parsed) {
    f.get('on.schedule');
    s.set('schedule', parsed.expr);
    if (!parsed.enabled) s.set('enabled', 'false');
    // Copied or converted as written: an expression EventBridge rejects gets a TODO (and fails synth with ECS-JB-01).
    const literal = /^scheduler\.ScheduleExpression\.expression\('(.*)'\)$/.exec(parsed.expr)?.[1];
    const problem = literal === undefined || !parsed.enabled ? undefined : scheduleExpressionProblem(literal, 'scheduler');
    if (problem) plan.todo('on.schedule', `${problem.problem}: ${problem.fix}`, s);
    // rate(5 minute): only a warning on Scheduler (ECS-JB-02), so write the agreeing unit and say so.
    const unit = literal === undefined || problem ? undefined : /^rate\((\d+) (minute|hour|day)s?\)$/.exec(literal);
    if (unit && rateUnitProblem(literal!, 'scheduler')) {
      const fixed = `rate(${unit[1]} ${unit[2]}${unit[1] === '1' ? '' : 's'})`;
      plan.todo('on.schedule', `${literal} written as ${fixed} (EventBridge wants a singular unit for 1, plural otherwise)`, s);
      s.set('schedule', `scheduler.ScheduleExpression.expression('${fixed}')`);
    }
  } else {
    // The schedule as written, which synth rejects (ECS-JB-01): a forgotten TODO cannot deploy a job on a made-up schedule.
    plan.todo('on.schedule', 'not a schedule the migrator can convert: write a scheduler.ScheduleExpression (synth fails with ECS-JB-01 until then)', s);
    s.set('schedule', `scheduler.ScheduleExpression.expression(${tsString(String(schedule ?? ''))})`);
  }
  plan.todo('retries', 'Copilot retried a failed task run (Step Functions); the kit\'s maxRetryAttempts only retries failed RunTask calls: run the job from a state machine to retry failures', s);
  plan.todo('timeout', 'Copilot stopped the task after this long (Step Functions); the kit has no task timeout: stop it in the job, or run it from a state machine with a timeout', s);
}
