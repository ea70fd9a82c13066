/** How a rule about Fargate-only limits names a container, and whether the task runs on Fargate at all. */
import { TemplateResource } from '../model';
import { RuleContext } from '../rule';
import { fargateRunnerLabel, undeclaredFargateServices } from '../task/service-facts';
import { containerLabel, requiresFargate } from '../task/task-facts';

export interface FargateContainerNamer {
  /** Whether the task itself requires FARGATE (then the built-in validator may report the same); known after name(). */
  readonly declared: boolean;
  /**
   * "Fargate container 'app'" when the task requires FARGATE, "container 'app' of a task definition run by Fargate service
   * X" when a Fargate service runs it, else undefined (the task may run on EC2: no finding).
   */
  name(def: Record<string, unknown>, index: number): string | undefined;
}

/** A namer for the containers of `task`; the services that run it are looked up once, for the first container that needs them. */
export function fargateContainerNamer(task: TemplateResource, context: RuleContext): FargateContainerNamer {
  let declared: boolean | undefined;
  let runner: string | undefined;
  return {
    name(def, index) {
      declared ??= requiresFargate(task) === true;
      if (declared) return `Fargate ${containerLabel(def, index)}`;
      if (runner === undefined) {
        const services = undeclaredFargateServices(task, context);
        runner = services.length > 0 ? fargateRunnerLabel(services) : '';
      }
      return runner ? `${containerLabel(def, index)} of a task definition ${runner}` : undefined;
    },
    get declared() {
      return declared === true;
    },
  };
}
