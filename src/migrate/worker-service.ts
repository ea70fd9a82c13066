/** 'Worker Service': WorkerService; `subscribe` topics become SNS subscriptions of its queue. */
import { pascal, parseDuration, tsDuration, tsLiteral } from './code';
import { isMap, Path } from './fields';
import { ServicePlan } from './plan';

export function mapWorker(plan: ServicePlan): void {
  const f = plan.fields;
  const s = plan.service;
  s.set('queueUrlEnvironment', '\'COPILOT_QUEUE_URI\'');
  const timeout = f.peek('subscribe.queue.timeout');
  if (timeout !== undefined) {
    const sec = parseDuration(timeout);
    if (sec === undefined) {plan.todo('subscribe.queue.timeout', 'not a duration', s);} else {
      f.get('subscribe.queue.timeout');
      s.set('visibilityTimeout', tsDuration(sec));
    }
  }
  const tries = f.num('subscribe.queue.dead_letter.tries');
  if (tries !== undefined) s.set('maxReceiveCount', String(tries));
  // A zero delay is Copilot's default, as it is SQS's: nothing to carry over.
  const noDelay = parseDuration(f.peek('subscribe.queue.delay')) === 0;
  if (noDelay) f.get('subscribe.queue.delay');
  for (const k of ['retention', ...noDelay ? [] : ['delay'], 'fifo', 'kms_key']) {
    plan.todo(['subscribe', 'queue', k], 'the kit\'s queue sets visibility timeout and maxReceiveCount only: pass your own sqs.Queue as queue for this', s);
  }
  const topics = f.peek('subscribe.topics');
  if (!Array.isArray(topics)) return;
  topics.forEach((t, i) => {
    const base: Path = ['subscribe', 'topics', i];
    if (!isMap(t) || typeof t.name !== 'string' || typeof t.service !== 'string') {
      plan.todo(base, 'a topic needs name and service', plan.afterService);
      return;
    }
    f.get([...base, 'name']);
    f.get([...base, 'service']);
    const known = plan.facts.topics.get(`${t.service}/${t.name}`);
    if (!known) {
      plan.afterService.push(`// TODO(copilot): subscribe.topics.${i}: no manifest given publishes ${t.service}/${t.name}; the ARN below follows `
        + 'Copilot\'s naming (<app>-<env>-<service>-<topic>): check it, or migrate the publisher too.');
    }
    // Copilot names topics <app>-<env>-<service>-<topic>.
    const topic = known ?? `sns.Topic.fromTopicArn(this, '${plan.id}${pascal(t.service)}${pascal(t.name)}Topic', \`arn:\${Aws.PARTITION}:sns:\${Aws.REGION}:\${Aws.ACCOUNT_ID}:${plan.facts.app}-\${env}-${t.service}-${t.name}\`)`;
    const sub = `${plan.v}${pascal(t.service)}${pascal(t.name)}Subscription`;
    const policy = f.peek([...base, 'filter_policy']);
    const filter = policy === undefined ? undefined : typeof policy === 'string' ? safeJson(policy) : policy;
    if (policy !== undefined && filter === undefined) plan.todo([...base, 'filter_policy'], 'not JSON', plan.afterService);
    if (filter !== undefined) {
      f.get([...base, 'filter_policy']);
      plan.afterService.push(`const ${sub} = ${topic}.addSubscription(new sns_subscriptions.SqsSubscription(${plan.v}.queue));`);
      plan.afterService.push(`(${sub}.node.defaultChild as sns.CfnSubscription).filterPolicy = ${tsLiteral(filter)};`);
    } else {
      plan.afterService.push(`${topic}.addSubscription(new sns_subscriptions.SqsSubscription(${plan.v}.queue));`);
    }
    plan.todo([...base, 'queue'], 'a topic-specific queue: create an encrypted sqs.Queue, subscribe it and grant the task role sqs:ReceiveMessage/DeleteMessage', plan.afterService);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
