/** What the migrator builds for one Copilot manifest before it is written out. */
import { ObjectCode, todoComment } from './code';
import { ManifestFields, Path, Todo } from './fields';

/** The kit construct a Copilot service type becomes. */
export type ServiceKind = 'WebService' | 'NetworkLoadBalancedService' | 'BackendService' | 'WorkerService' | 'ScheduledJob';

/** Facts about the whole manifest set that single manifests need. */
export interface AppFacts {
  /** Copilot application name (a placeholder when no manifest says). */
  readonly app: string;
  /** TypeScript expression of the Copilot workspace root, for image builds and env files. */
  readonly workspaceRoot: string;
  /** Services that publish SNS topics: `service/topic` -> variable name of the topic. */
  readonly topics: Map<string, string>;
  /** Whether any service is a Service Connect server (BackendService). */
  readonly hasBackend: boolean;
}

/** One service, mapped. */
export class ServicePlan {
  /** Task props (FargateTask); `container` is rendered from `container` below. */
  public readonly task = new ObjectCode();
  /** The main container's options. */
  public readonly container = new ObjectCode();
  /** The environment variables of the main container. */
  public readonly environment = new ObjectCode();
  /** The secrets of the main container. */
  public readonly secrets = new ObjectCode();
  /** Service (or job) props. */
  public readonly service = new ObjectCode();
  /** Topic declarations, written before every service: a subscriber may come before its publisher. */
  public readonly topics: string[] = [];
  /** Statements before the task (file systems, repositories). */
  public readonly before: string[] = [];
  /** Statements after the task, before the service (sidecars, volumes). */
  public readonly afterTask: string[] = [];
  /** Statements after the service (routing, subscriptions, grants). */
  public readonly afterService: string[] = [];
  /** The kit construct to build. */
  public kind: ServiceKind = 'WebService';
  /** Container port of the main container, when it has one. */
  public port?: number;
  /** The service uses ECS Exec (the cluster needs it on). */
  public exec = false;
  /** The uid the kit gives the main container instead of the image's user (undefined: user set, Windows, or the image's own uid kept). */
  public kitUser?: string;
  /** Path pattern for the shared ALB listener (web services). */
  public httpPath?: string;

  constructor(
    public readonly name: string,
    /** Construct id prefix, e.g. `Frontend`. */
    public readonly id: string,
    /** Variable name prefix, e.g. `frontend`. */
    public readonly v: string,
    public readonly fields: ManifestFields,
    public readonly facts: AppFacts,
  ) {}

  public get taskVar(): string {
    return `${this.v}Task`;
  }

  /** Record a TODO for `path` and put its comment into `where`. */
  public todo(path: string | Path, why: string, where: ObjectCode | string[]): void {
    const before = this.fields.todos.length;
    this.fields.todo(path, why);
    const added: Todo[] = this.fields.todos.slice(before);
    for (const t of added) {
      if (Array.isArray(where)) where.push(todoComment(t));
      else where.comment(todoComment(t));
    }
  }
}
