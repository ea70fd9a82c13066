/**
 * Reads the CloudFormation resource provider schemas that aws-cdk-lib's bundled validator
 * (@aws/cloudformation-validate) ships offline, for the scripts that generate tables from them.
 *
 * The package exposes no API that returns a schema: the schemas are JSON, zstd-compressed, inside its
 * WebAssembly data section. This finds the zstd frames, decompresses each with the `zstd` CLI (Node 20's
 * zlib has no zstd) and keeps the frame that maps type names to schemas.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..');
const PKG = path.join(ROOT, 'node_modules/aws-cdk-lib/node_modules/@aws/cloudformation-validate');

/** A property's schema, as far as the generators read it. */
export interface PropertySchemaJson {
  readonly type?: string | string[];
  readonly ref_name?: string;
  readonly items?: PropertySchemaJson;
  readonly properties?: Record<string, PropertySchemaJson>;
  readonly additional_properties?: boolean;
}

export interface SchemaJson {
  readonly properties?: Record<string, PropertySchemaJson>;
  readonly definitions?: Record<string, PropertySchemaJson>;
  readonly additional_properties?: boolean;
  readonly create_only_properties?: string[];
  readonly conditional_create_only_properties?: string[];
  readonly primary_identifier?: string[];
}

function findSchemas(wasm: Buffer): Record<string, SchemaJson> {
  const magic = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);
  for (let i = wasm.indexOf(magic); i >= 0; i = wasm.indexOf(magic, i + 1)) {
    // zstd stops at the end of the first frame; trailing bytes are ignored.
    const res = spawnSync('zstd', ['-d', '-c', '-q', '--no-check'], { input: wasm.subarray(i), maxBuffer: 64 * 1024 * 1024 });
    const text = res.stdout?.toString('utf8') ?? '';
    if (!text.startsWith('{"AMZN::') && !text.startsWith('{"AWS::')) continue;
    try {
      const json = JSON.parse(text) as Record<string, SchemaJson>;
      if (json['AWS::ECS::Service']?.create_only_properties) return json;
    } catch {
      // not the schema frame
    }
  }
  throw new Error('No schema frame found in the validator wasm (is the zstd CLI installed?)');
}

/** The validator's version and its schemas by resource type. */
export function validatorSchemas(): { version: string; schemas: Record<string, SchemaJson> } {
  const version = (JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8')) as { version: string }).version;
  return { version, schemas: findSchemas(fs.readFileSync(path.join(PKG, 'bindings_wasm_bg.wasm'))) };
}
