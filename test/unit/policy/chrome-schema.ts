/**
 * Test helpers for public/managed_schema.json: a validator for the subset of JSON schema Chrome uses for extension
 * managed storage, and a shape extractor that turns either that schema or the valibot schema into one comparable form.
 */
import type * as v from 'valibot';

export interface ChromeSchema {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  properties?: Record<string, ChromeSchema>;
  additionalProperties?: ChromeSchema;
  items?: ChromeSchema;
  enum?: Array<string | number>;
  minimum?: number;
  maximum?: number;
  required?: string[];
}

/** Validates like Chrome's policy schema validator (strict: unknown properties without additionalProperties fail). */
export function validateAgainstChromeSchema(value: unknown, schema: ChromeSchema, path = 'policy'): string[] {
  const errors: string[] = [];
  switch (schema.type) {
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${path}: expected boolean`);
      break;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || (schema.type === 'integer' && !Number.isInteger(value))) {
        errors.push(`${path}: expected ${schema.type}`);
      } else {
        if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: below minimum`);
        if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${path}: above maximum`);
      }
      break;
    case 'string':
      if (typeof value !== 'string') errors.push(`${path}: expected string`);
      break;
    case 'array':
      if (!Array.isArray(value)) errors.push(`${path}: expected array`);
      else value.forEach((item, index) => errors.push(...validateAgainstChromeSchema(item, schema.items!, `${path}[${index}]`)));
      break;
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors.push(`${path}: expected object`);
        break;
      }
      for (const key of schema.required ?? []) if (!(key in value)) errors.push(`${path}.${key}: required`);
      for (const [key, child] of Object.entries(value)) {
        const childSchema = schema.properties?.[key] ?? schema.additionalProperties;
        if (!childSchema) errors.push(`${path}.${key}: unknown property`);
        else errors.push(...validateAgainstChromeSchema(child, childSchema, `${path}.${key}`));
      }
      break;
  }
  if (schema.enum && !schema.enum.includes(value as string | number)) errors.push(`${path}: not in enum`);
  return errors;
}

/** A schema reduced to what both formats can say: type, properties, items, enum, integer bounds, required keys. */
export interface Shape {
  type: string;
  properties?: Record<string, Shape>;
  additionalProperties?: Shape;
  items?: Shape;
  enum?: Array<string | number>;
  minimum?: number;
  maximum?: number;
  required?: string[];
}

export function shapeOfChromeSchema(schema: ChromeSchema): Shape {
  const shape: Shape = { type: schema.type };
  if (schema.properties) {
    shape.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, child]) => [key, shapeOfChromeSchema(child)]),
    );
  }
  if (schema.additionalProperties) shape.additionalProperties = shapeOfChromeSchema(schema.additionalProperties);
  if (schema.items) shape.items = shapeOfChromeSchema(schema.items);
  if (schema.enum) shape.enum = [...schema.enum].sort();
  if (schema.minimum !== undefined) shape.minimum = schema.minimum;
  if (schema.maximum !== undefined) shape.maximum = schema.maximum;
  if (schema.required) shape.required = [...schema.required].sort();
  return shape;
}

type AnySchema = v.GenericSchema & Record<string, unknown>;

/** The same shape from the valibot schema (walks optional wrappers, pipes, objects, records, arrays, picklists). */
export function shapeOfValibot(schema: v.GenericSchema, required?: boolean[]): Shape {
  let current = schema as AnySchema;
  let optional = false;
  while (current.type === 'optional') {
    optional = true;
    current = current.wrapped as AnySchema;
  }
  if (required) required.push(!optional);
  const pipe = (current.pipe as AnySchema[] | undefined) ?? [];
  const shape: Shape = { type: current.type };
  switch (current.type) {
    case 'object': {
      const entries = current.entries as Record<string, v.GenericSchema>;
      shape.properties = {};
      const requiredKeys: string[] = [];
      for (const [key, child] of Object.entries(entries)) {
        const flag: boolean[] = [];
        shape.properties[key] = shapeOfValibot(child, flag);
        if (flag[0]) requiredKeys.push(key);
      }
      if (requiredKeys.length > 0) shape.required = requiredKeys.sort();
      break;
    }
    case 'record':
      shape.type = 'object';
      shape.additionalProperties = shapeOfValibot(current.value as v.GenericSchema);
      break;
    case 'array':
      shape.items = shapeOfValibot(current.item as v.GenericSchema);
      break;
    case 'picklist':
      shape.type = 'string';
      shape.enum = [...(current.options as string[])].sort();
      break;
    case 'number':
      if (pipe.some((action) => action.type === 'integer')) shape.type = 'integer';
      for (const action of pipe) {
        if (action.type === 'min_value') shape.minimum = action.requirement as number;
        if (action.type === 'max_value') shape.maximum = action.requirement as number;
      }
      break;
  }
  return shape;
}
