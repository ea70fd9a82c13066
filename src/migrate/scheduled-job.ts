/** 'Scheduled Job': ScheduledJob with an EventBridge Scheduler expression. */
import { parseDuration, tsDuration, tsString } from './code';
import { ServicePlan } from './plan';
import { CRON_SHORTHANDS, DAYS, MONTHS, rateUnitProblem, scheduleExpressionProblem } from '../rules/service/schedule-expression';

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
    const preset = CRON_SHORTHANDS[s];
    return preset ? { expr: `scheduler.ScheduleExpression.expression('cron(${preset})')`, enabled: true } : undefined;
  }
  const f = s.split(/\s+/);
  if (f.length !== 5 || copilotRejects(s)) return undefined;
  // Only a bare * or ? leaves a day field open: */2 is a step, and EventBridge has no steps in day-of-week.
  const specified = (x: string) => x !== '*' && x !== '?';
  if (f[4].includes('/')) return undefined;
  const [dom, dow] = [f[2], f[4]];
  if (!specified(dom) && !specified(dow)) [f[2], f[4]] = ['*', '?'];
  else if (!specified(dom)) f[2] = '?';
  else if (!specified(dow)) f[4] = '?';
  else return undefined; // AWS cron cannot set both day-of-month and day-of-week
  // Day-of-week is 1-7 in AWS: the weekday numbers move, an `#N` occurrence (not reached here, see copilotRejects) would not.
  f[4] = f[4].replace(/#\d+|\d+/g, (d) => (d.startsWith('#') ? d : String(Number(d) + 1)));
  return { expr: `scheduler.ScheduleExpression.expression('cron(${f.join(' ')} *)')`, enabled: true };
}

const FIELD_NAMES = ['minute', 'hour', 'day-of-month', 'month', 'day-of-week'];

/**
 * Why Copilot refused a 5-field cron, or undefined. Copilot checked it with robfig/cron's ParseStandard
 * (stack/scheduled_job.go), which takes numbers, `*`, `?`, ranges, steps, lists and month/day names, but not
 * Quartz's `#`, `L` or `W`. EventBridge takes those, with other numbering, so they are written by hand.
 */
export function copilotRejects(schedule: string): string | undefined {
  const f = schedule.trim().split(/\s+/);
  if (f.length !== 5 || schedule.trim().startsWith('@')) return undefined;
  for (const [i, field] of f.entries()) {
    const names = i === 3 ? MONTHS : i === 4 ? DAYS : [];
    const value = `(?:\\d+${names.length ? `|${names.join('|')}` : ''})`;
    const ok = new RegExp(`^(?:\\*|\\?|${value}(?:-${value})?)(?:/\\d+)?$`, 'i');
    if (!field.split(',').every((part) => ok.test(part))) return `${FIELD_NAMES[i]} '${field}'`;
  }
  return undefined;
}

/** The AWS form of a day-of-week with `N#K` (the K-th weekday N): N moves to 1-7, K stays. Undefined for other forms. */
function awsNthWeekday(schedule: string): string | undefined {
  const f = schedule.trim().split(/\s+/);
  const m = /^([0-6])#([1-5])$/.exec(f[4] ?? '');
  if (f.length !== 5 || !m || !/[*?]/.test(f[2])) return undefined;
  return `cron(${f[0]} ${f[1]} ? ${f[3]} ${Number(m[1]) + 1}#${m[2]} *)`;
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
    const rejected = typeof schedule === 'string' ? copilotRejects(schedule) : undefined;
    const nth = typeof schedule === 'string' ? awsNthWeekday(schedule) : undefined;
    plan.todo('on.schedule', rejected
      ? `Copilot refused to deploy this schedule (its cron parser, robfig ParseStandard, has no #, L or W and does not take ${rejected}): `
        + `write the EventBridge cron() yourself${nth ? `, e.g. ${nth} (day-of-week 1-7 from Sunday; #K is the K-th such day)` : ''} (synth fails with ECS-JB-01 until then)`
      : 'not a schedule the migrator can convert: write a scheduler.ScheduleExpression (synth fails with ECS-JB-01 until then)', s);
    s.set('schedule', `scheduler.ScheduleExpression.expression(${tsString(String(schedule ?? ''))})`);
  }
  plan.todo('retries', 'Copilot retried a failed task run (Step Functions); the kit\'s maxRetryAttempts only retries failed RunTask calls: '
    + 'run the job from a state machine instead of ScheduledJob (docs/migrate-copilot.md, "Scheduled Job retries and timeout")', s);
  plan.todo('timeout', 'Copilot stopped the run after this long (Step Functions); the kit has no task timeout: stop it in the job, or run it from '
    + 'a state machine with a timeout (docs/migrate-copilot.md, "Scheduled Job retries and timeout")', s);
}
