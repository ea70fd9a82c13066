/** Port mappings of a task definition's containers, with their JSON pointers. */
import { resourceFact, TemplateResource } from '../model';
import { containerLabel, containers } from '../task/task-facts';
import { toArray, toObject } from '../values';

export interface PortMappingRef {
  readonly container: string;
  readonly pointer: string;
  readonly mapping: Record<string, unknown>;
}

/** Label and pointer are only read for reported issues: build them on first read. */
class PortMapping implements PortMappingRef {
  private label?: string;

  constructor(
    private readonly def: Record<string, unknown>,
    private readonly index: number,
    private readonly position: number,
    public readonly mapping: Record<string, unknown>,
  ) {}

  get container(): string {
    return (this.label ??= containerLabel(this.def, this.index));
  }

  get pointer(): string {
    return `Properties/ContainerDefinitions/${this.index}/PortMappings/${this.position}`;
  }
}

/** The port mappings of every container, in order; built once per task definition (several rules walk them). */
export function portMappings(task: TemplateResource): readonly PortMappingRef[] {
  return resourceFact(task, readPortMappings, undefined);
}

function readPortMappings(task: TemplateResource): PortMappingRef[] {
  const out: PortMappingRef[] = [];
  for (const { index, def } of containers(task)) {
    const list = toArray(def.PortMappings);
    if (!list) continue;
    for (let j = 0; j < list.length; j++) {
      const mapping = toObject(list[j]);
      if (mapping) out.push(new PortMapping(def, index, j, mapping));
    }
  }
  return out;
}
