/**
 * EventBridge schedule expressions (Scheduler schedules and scheduled rules) as the services parse them:
 * rate(value unit), cron(six fields) and, on Scheduler only, at(yyyy-mm-ddThh:mm:ss). Pure string checks;
 * a part of a form the checks do not know is left alone rather than guessed at.
 */

/** What a schedule expression is written for: Scheduler takes at() too, a scheduled rule does not. */
export type ScheduleKind = 'scheduler' | 'rule';

/** What is wrong with an expression, in a finding's terms. */
export interface ExpressionProblem {
  readonly problem: string;
  readonly allowed: string;
  readonly fix: string;
}

const RATE_UNITS = ['minute', 'minutes', 'hour', 'hours', 'day', 'days'];
const CRON_SYNTAX = 'cron(minutes hours day-of-month month day-of-week year)';
/** Month and day names cron takes (EventBridge and Unix cron alike). */
export const MONTHS: readonly string[] = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
export const DAYS: readonly string[] = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface CronField {
  readonly name: string;
  /** The wildcards AWS lists for the field. */
  readonly wildcards: string;
  readonly min: number;
  readonly max: number;
  /** Names that stand for 1, 2, ... (months, week days). */
  readonly names?: readonly string[];
  /** A day field: takes ?, and one of the two must be ?. */
  readonly day?: boolean;
  /** Items of the field's own forms (L, W, #) that are not range checked here. */
  readonly special?: RegExp;
}

const FIELDS: readonly CronField[] = [
  { name: 'minutes', wildcards: ', - * /', min: 0, max: 59 },
  { name: 'hours', wildcards: ', - * /', min: 0, max: 23 },
  { name: 'day-of-month', wildcards: ', - * ? / L W', min: 1, max: 31, day: true, special: /^(L|LW|L-\d+|([1-9]|[12]\d|3[01])W)$/i },
  { name: 'month', wildcards: ', - * /', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', wildcards: ', - * ? L #', min: 1, max: 7, names: DAYS, day: true, special: /^(L|[1-7]L|(SUN|MON|TUE|WED|THU|FRI|SAT)L|[1-7]#[1-5]|(SUN|MON|TUE|WED|THU|FRI|SAT)#[1-5])$/i },
  { name: 'year', wildcards: ', - * /', min: 1970, max: 2199 },
];

/** The problem of a literal schedule expression, or undefined when it is valid (or of a form not judged). */
export function scheduleExpressionProblem(expression: string, kind: ScheduleKind): ExpressionProblem | undefined {
  const text = expression.trim();
  const forms = kind === 'scheduler' ? 'rate(value unit), cron(six fields) or at(yyyy-mm-ddThh:mm:ss)' : 'rate(value unit) or cron(six fields)';
  const call = /^(rate|cron|at)\((.*)\)$/s.exec(text);
  if (!call || (call[1] === 'at' && kind === 'rule')) {
    const unix = text.split(/\s+/).length === 5 && !text.includes('(');
    return {
      problem: call ? `schedule expression '${text}' is a one-time at() expression, which only EventBridge Scheduler takes`
        : `schedule expression '${text}' is not ${forms}`,
      allowed: forms,
      fix: unix ? `Write it as EventBridge cron: ${suggestCron(text.split(/\s+/)) ?? CRON_SYNTAX}.`
        : call ? 'Use an EventBridge Scheduler schedule for a one-time run, or a cron() expression.'
          : shorthand(text) ? `Write ${shorthand(text)} (the same schedule in EventBridge's syntax).`
            : `Use ${api(kind)}.rate(Duration...) or .cron({...}), which write a valid expression.`,
    };
  }
  const body = call[2].trim();
  if (call[1] === 'rate') return rateProblem(text, body, kind);
  if (call[1] === 'at') return atProblem(text, body);
  return cronProblem(text, body);
}

/** Cron shorthands (robfig/cron, as Copilot and Unix crons take them), as EventBridge cron fields (day-of-week 1 is Sunday). */
export const CRON_SHORTHANDS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 ? *',
  '@annually': '0 0 1 1 ? *',
  '@monthly': '0 0 1 * ? *',
  '@weekly': '0 0 ? * 1 *',
  '@daily': '0 0 * * ? *',
  '@midnight': '0 0 * * ? *',
  '@hourly': '0 * * * ? *',
};

/** `@daily`, `@every 1h30m` as an EventBridge expression, or undefined for anything else. */
function shorthand(text: string): string | undefined {
  const known = CRON_SHORTHANDS[text.toLowerCase()];
  if (known) return `cron(${known})`;
  const every = /^@every\s+((?:\d+h)?(?:\d+m)?(?:\d+s)?)$/i.exec(text);
  if (!every || every[1] === '') return undefined;
  const part = (unit: string) => Number(new RegExp(`(\\d+)${unit}`, 'i').exec(every[1])?.[1] ?? 0);
  const minutes = part('h') * 60 + part('m') + part('s') / 60;
  return minutes > 0 ? rateFor(minutes) : undefined;
}

/** The aws-cdk-lib class that writes expressions of a schedule kind. */
function api(kind: ScheduleKind): string {
  return kind === 'scheduler' ? 'scheduler.ScheduleExpression' : 'events.Schedule';
}

/** Units people write for rates, as minutes. */
const UNIT_MINUTES: Record<string, number> = {
  second: 1 / 60,
  seconds: 1 / 60,
  sec: 1 / 60,
  secs: 1 / 60,
  s: 1 / 60,
  minute: 1,
  minutes: 1,
  min: 1,
  mins: 1,
  m: 1,
  hour: 60,
  hours: 60,
  hr: 60,
  hrs: 60,
  h: 60,
  day: 1_440,
  days: 1_440,
  d: 1_440,
  week: 10_080,
  weeks: 10_080,
  w: 10_080,
};

/** The same interval as a valid rate expression (at least a minute), in the largest unit that divides it. */
function rateFor(minutes: number): string {
  const m = Math.max(1, Math.ceil(minutes));
  const [n, unit] = m % 1_440 === 0 ? [m / 1_440, 'day'] : m % 60 === 0 ? [m / 60, 'hour'] : [m, 'minute'];
  return `rate(${n} ${unit}${n === 1 ? '' : 's'})`;
}

function rateProblem(text: string, body: string, kind: ScheduleKind): ExpressionProblem | undefined {
  const parts = body.split(/\s+/);
  const [value, unit] = parts;
  const allowed = 'rate(value unit): a whole number of 1 or more and minute(s), hour(s) or day(s), e.g. rate(5 minutes), rate(1 hour)';
  if (parts.length !== 2 || !/^\d+$/.test(value) || Number(value) < 1) {
    return { problem: `rate expression '${text}' does not have a whole number of 1 or more and a unit`, allowed, fix: `Use ${api(kind)}.rate(Duration.minutes(5)) or write e.g. rate(5 minutes).` };
  }
  if (!RATE_UNITS.includes(unit)) {
    const minutes = UNIT_MINUTES[unit.toLowerCase()];
    const same = minutes === undefined ? undefined : rateFor(Number(value) * minutes);
    return {
      problem: `rate expression '${text}' has unit '${unit}'`,
      allowed: `units ${RATE_UNITS.join(', ')} (lower case)`,
      fix: same ? `Write ${same}${Number(value) * minutes < 1 ? ' (the shortest rate is one minute)' : ''}.` : `Write the unit as one of ${RATE_UNITS.join(', ')}.`,
    };
  }
  return undefined;
}

/** `rate(5 minute)` or `rate(1 hours)`: the unit disagrees with the value (EventBridge rules reject it). */
export function rateUnitProblem(expression: string, kind: ScheduleKind): ExpressionProblem | undefined {
  const m = /^rate\(\s*(\d+)\s+(minute|hour|day)(s?)\s*\)$/.exec(expression.trim());
  if (!m || Number(m[1]) < 1) return undefined; // rate(0 ...) is ECS-JB-01's
  const one = Number(m[1]) === 1;
  if (one === (m[3] === '')) return undefined;
  const right = `rate(${m[1]} ${m[2]}${one ? '' : 's'})`;
  return {
    problem: `rate expression '${expression.trim()}' has a ${one ? 'plural' : 'singular'} unit for the value ${m[1]}`,
    allowed: 'a singular unit for 1 (rate(1 hour)) and a plural unit for more (rate(5 hours))',
    fix: `Write ${right} (${api(kind)}.rate(Duration...) writes it so).`,
  };
}

function atProblem(text: string, body: string): ExpressionProblem | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body);
  const allowed = 'at(yyyy-mm-ddThh:mm:ss), e.g. at(2027-03-01T09:00:00), in the schedule\'s time zone';
  if (!m) return { problem: `one-time expression '${text}' is not at(yyyy-mm-ddThh:mm:ss)`, allowed, fix: 'Use scheduler.ScheduleExpression.at(new Date(...)).' };
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return { problem: `one-time expression '${text}' is not a calendar date and time`, allowed, fix: 'Give a real date and a time of 00:00:00-23:59:59.' };
  }
  return undefined;
}

function cronProblem(text: string, body: string): ExpressionProblem | undefined {
  const fields = body.split(/\s+/);
  const example = 'e.g. cron(0 2 * * ? *) for 02:00 every day, cron(0 9 ? * MON-FRI *) for 09:00 on weekdays';
  if (fields.length !== 6) {
    const suggestion = fields.length === 5 ? suggestCron(fields) : undefined;
    return {
      problem: `cron expression '${text}' has ${fields.length} field${fields.length === 1 ? '' : 's'}`,
      allowed: `six fields, ${CRON_SYNTAX}, ${example}`,
      fix: suggestion ? `EventBridge cron adds a year and takes ? in one day field: write ${suggestion}.` : `Write six fields: ${CRON_SYNTAX}.`,
    };
  }
  for (let i = 0; i < 6; i++) {
    const bad = fieldProblem(FIELDS[i], fields[i]);
    if (bad) {
      return {
        problem: `cron expression '${text}' has ${FIELDS[i].name} '${fields[i]}': ${bad.reason}`,
        allowed: `${FIELDS[i].name} ${range(FIELDS[i])}${FIELDS[i].day ? ' or ?' : ''}${bad.allowed ?? ''}, with ${FIELDS[i].wildcards}`,
        fix: bad.fix ?? `Correct the ${FIELDS[i].name} field of ${CRON_SYNTAX}.`,
      };
    }
  }
  const [dom, dow] = [fields[2], fields[4]];
  if ((dom === '?') === (dow === '?')) {
    const both = dom === '?' ? 'both are ?' : `day-of-month is '${dom}' and day-of-week is '${dow}'`;
    const fixed = dom === '?' ? [...fields.slice(0, 2), '*', fields[3], '?', fields[5]]
      : dow === '*' ? [...fields.slice(0, 4), '?', fields[5]]
        : dom === '*' ? [...fields.slice(0, 2), '?', ...fields.slice(3)] : undefined;
    return {
      problem: `cron expression '${text}' sets both day fields: ${both}`,
      allowed: 'exactly one of day-of-month and day-of-week as ?',
      fix: fixed ? `Write cron(${fixed.join(' ')}).` : 'Put ? in day-of-month (to run on week days) or in day-of-week (to run on days of the month).',
    };
  }
  return undefined;
}

/** Why one cron field is invalid, with a specific fix where there is one. */
interface FieldProblem {
  readonly reason: string;
  /** Added to the field's range in `allowed`. */
  readonly allowed?: string;
  readonly fix?: string;
}

/** Minutes per step of a cron field whose too-large increment reads as a rate: `*\/90` minutes means every 90 minutes. */
const INCREMENT_MINUTES: Record<string, number> = { minutes: 1, hours: 60 };

/** Why one cron field is invalid, or undefined when valid. */
function fieldProblem(field: CronField, text: string): FieldProblem | undefined {
  const reason = (r: string): FieldProblem => ({ reason: r });
  if (text === '?') return field.day ? undefined : reason('? is only allowed in day-of-month and day-of-week');
  const items = text.split(',');
  // "3#1,6#3 is not valid because it is interpreted as two expressions" (EventBridge cron docs).
  if (items.length > 1 && text.includes('#')) return reason('a # expression must be the only one in day-of-week');
  for (const item of items) {
    if (item === '') return reason('an empty list item');
    if (item === '?') return reason('? cannot be part of a list');
    if (field.special?.test(item)) continue;
    const m = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(.*))?$/.exec(item);
    if (!m) return reason(`'${item}' is not a value, range, list or increment of ${field.name} (wildcards ${field.wildcards})`);
    // Day-of-week takes no increments (EventBridge's wildcard table): */2 or MON/2 there is refused.
    if (m[2] !== undefined && !field.wildcards.includes('/')) return reason(`'${item}' is an increment, and / is not allowed in ${field.name} (wildcards ${field.wildcards})`);
    if (m[2] !== undefined && !/^\d+$/.test(m[2])) return reason(`increment '${m[2]}' is not a whole number`);
    if (m[2] !== undefined && Number(m[2]) < 1) return reason('an increment of 0');
    // Like Quartz, EventBridge rejects an increment past the field's largest value (cron(*/60 * * * ? *), aws-sdk-js#4212).
    if (m[2] !== undefined && field.name !== 'year' && Number(m[2]) > field.max) return incrementProblem(field, item, Number(m[2]));
    if (m[1] === '*') continue;
    for (const part of m[1].split('-')) {
      const value = valueOf(field, part);
      if (value === undefined) return reason(`'${part}' is not a valid ${field.name} value`);
      if (value < field.min || value > field.max) return reason(`${part} is outside ${field.min}-${field.max}`);
    }
  }
  return undefined;
}

function incrementProblem(field: CronField, item: string, increment: number): FieldProblem {
  const minutes = INCREMENT_MINUTES[field.name];
  const everyRun = item.startsWith('*/') || item.startsWith('0/');
  return {
    reason: `increment ${increment} is more than ${field.max}, the largest ${field.name} value`,
    allowed: ` and increments of 1-${field.max}`,
    fix: minutes !== undefined && everyRun
      ? `A cron field cannot count past its range: to run every ${increment} ${field.name}, write ${rateFor(increment * minutes)}.`
      : `Use an increment of at most ${field.max} in ${field.name}, or a rate() expression for a longer interval.`,
  };
}

function valueOf(field: CronField, part: string): number | undefined {
  if (/^\d+$/.test(part)) return Number(part);
  const i = field.names?.indexOf(part.toUpperCase()) ?? -1;
  return i >= 0 ? i + 1 : undefined;
}

function range(field: CronField): string {
  return `${field.min}-${field.max}${field.names ? ` or ${field.names[0]}-${field.names[field.names.length - 1]}` : ''}`;
}

/**
 * A Unix cron (minute hour day-of-month month day-of-week) as EventBridge cron, when it converts without guessing:
 * a year is added and the unset day field becomes ?; Unix week days 0-6 become 1-7.
 */
export function suggestCron(unix: readonly string[]): string | undefined {
  if (unix.length !== 5) return undefined;
  const [min, hour, dom, month, dow] = unix;
  if (dow === '*' || dow === '?') return `cron(${min} ${hour} ${dom === '?' ? '*' : dom} ${month} ? *)`;
  if (dom === '*' || dom === '?') {
    if (!/^[\d,-]+$/.test(dow)) return /^[A-Za-z,-]+$/.test(dow) ? `cron(${min} ${hour} ? ${month} ${dow} *)` : undefined;
    // Unix 0-6 (0 and 7 Sunday) to AWS 1-7; a range that would wrap (5-7 is FRI-SUN, 6-1) is written as a list.
    const aws = (d: string) => (Number(d) % 7) + 1;
    const items = dow.split(',').flatMap((item) => {
      const [a, b] = item.split('-');
      if (b === undefined) return [String(aws(a))];
      if (aws(a) <= aws(b)) return [`${aws(a)}-${aws(b)}`];
      const out: string[] = [];
      for (let d = Number(a); d <= Number(b); d++) out.push(String(aws(String(d))));
      return out;
    });
    return `cron(${min} ${hour} ? ${month} ${items.join(',')} *)`;
  }
  return undefined;
}
