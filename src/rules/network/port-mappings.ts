/** Port mappings of a task definition's containers, with their JSON pointers. */
import { resourceFact, TemplateResource } from '../model';
import { containerLabel, containers } from '../task/task-facts';
import { toArray, toObject, toStr } from '../values';

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

/**
 * Whether `portMappings(task)` holds every port mapping the task will have: the container list, each
 * container, each PortMappings list and each entry are literal (an Fn::If may add or drop any of them).
 */
export function portMappingsComplete(task: TemplateResource): boolean {
  const list = toArray(task.properties.ContainerDefinitions);
  if (!list || containers(task).length !== list.length) return false;
  return containers(task).every(({ def }) => {
    if (def.PortMappings === undefined) return true;
    const mappings = toArray(def.PortMappings);
    return mappings !== undefined && mappings.every((m) => toObject(m) !== undefined);
  });
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

/** A port mapping's protocol, lowercase: tcp when unset, undefined when unresolved. */
export function protocolOf(mapping: Record<string, unknown>): string | undefined {
  return mapping.Protocol === undefined ? 'tcp' : toStr(mapping.Protocol)?.toLowerCase();
}
