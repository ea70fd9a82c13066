/** ECS-RC-14: a listener rule must not repeat the conditions of a rule evaluated before it. */
import { RC14_SHADOWED_LISTENER_RULE } from '../../../src/rules/reach/rc-14-shadowed-listener-rule';
import { check, checkAssembly } from '../helpers';
import { albService, props, ref, RULE, splitStacks, TG } from './fixtures';

const rule = RC14_SHADOWED_LISTENER_RULE;
const host = (...values: string[]) => [{ Field: 'host-header', HostHeaderConfig: { Values: values } }];

function listenerRule(priority: unknown, conditions: unknown, tg = 'Tg') {
  return { Type: RULE, Properties: { ListenerArn: ref('Listener'), Priority: priority, Conditions: conditions, Actions: [{ Type: 'forward', TargetGroupArn: ref(tg) }] } };
}

/** The fixture plus a second target group (Tg2) that no service uses. */
function twoRules(first: unknown, second: unknown) {
  const r = albService();
  r.Tg2 = { Type: TG, Properties: props(r, 'Tg') };
  r.First = listenerRule(10, first, 'Tg2');
  r.Second = listenerRule(20, second);
  return r;
}

describe('ECS-RC-14 shadowed listener rules', () => {
  test('bad: the service\'s rule repeats an earlier rule\'s conditions, in another order', () => {
    const findings = check(rule, twoRules([...host('b.example.com', 'a.example.com'), { Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }],
      [{ PathPatternConfig: { Values: ['/api/*'] }, Field: 'path-pattern' }, ...host('a.example.com', 'b.example.com')]));
    expect(findings.map((f) => [f.logicalId, f.severity, f.property])).toEqual([['Second', 'warning', 'Properties/Conditions']]);
    expect(findings[0].message).toBe('[ECS-RC-14] listener rule conditions repeat those of rule First (priority 10) on the same listener, which is evaluated first '
      + '(this rule\'s priority is 20), so this rule never matches at TestStack/Second; allowed: conditions no earlier rule of the listener has. '
      + 'Give the rule its own host header or path pattern, or remove one of the two rules.');
  });

  test('bad: the same condition in the older Values spelling, or with host or header names in another case', () => {
    const legacyHost = [{ Field: 'host-header', Values: ['a.example.com'] }];
    expect(check(rule, twoRules(legacyHost, host('a.example.com'))).map((f) => f.logicalId)).toEqual(['Second']);
    expect(check(rule, twoRules(host('A.Example.com'), legacyHost)).map((f) => f.logicalId)).toEqual(['Second']);
    const legacyPath = [{ Field: 'path-pattern', Values: ['/api/*'] }];
    expect(check(rule, twoRules(legacyPath, [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }])).map((f) => f.logicalId)).toEqual(['Second']);
    const header = (name: string) => [{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: name, Values: ['blue'] } }];
    expect(check(rule, twoRules(header('X-Env'), header('x-env'))).map((f) => f.logicalId)).toEqual(['Second']);
    expect(check(rule, twoRules(header('X-Env'), header('X-Other')))).toEqual([]);
    // Paths are case-sensitive.
    expect(check(rule, twoRules([{ Field: 'path-pattern', Values: ['/API/*'] }], legacyPath))).toEqual([]);
  });

  test('good: other conditions; the earlier rule is the service\'s own; rules on other listeners; unresolved values', () => {
    expect(check(rule, twoRules(host('a.example.com'), host('b.example.com')))).toEqual([]);
    // The shadowed rule forwards to Tg2, which no service uses.
    const reversed = twoRules(host('a.example.com'), host('a.example.com'));
    props(reversed, 'First').Priority = 30;
    expect(check(rule, reversed)).toEqual([]);
    const otherListener = twoRules(host('a.example.com'), host('a.example.com'));
    props(otherListener, 'First').ListenerArn = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/x/1/2';
    expect(check(rule, otherListener)).toEqual([]);
    expect(check(rule, twoRules(host('a.example.com'), [{ Field: 'host-header', HostHeaderConfig: { Values: [{ Ref: 'Host' }] } }]))).toEqual([]);
    // The same unresolved value in both: not known to be equal.
    expect(check(rule, twoRules(host('${Token[TOKEN.12]}'), host('${Token[TOKEN.12]}')))).toEqual([]);
    const priority = twoRules(host('a.example.com'), host('a.example.com'));
    props(priority, 'First').Priority = { Ref: 'P' };
    expect(check(rule, priority)).toEqual([]);
  });

  test('cross-stack: the earlier rule in the network stack, the service\'s rule in the app stack', () => {
    const r = twoRules(host('a.example.com'), host('a.example.com'));
    expect(checkAssembly(rule, splitStacks(r, ['Second', 'Tg', 'Task', 'Service', 'TaskSg', 'TaskSgFromLb'], ['Net', 'App'])).map((f) => `${f.stack}/${f.logicalId}`))
      .toEqual(['App/Second']);
  });
});
