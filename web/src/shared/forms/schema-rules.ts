// Form rules derived from the TypeBox schema the server validates the same body with, so the console
// says "at most 100 characters" before the server has to. The server stays the judge (its field errors
// still land next to the field through useFormErrors); these rules only save a round trip.
// Checks that need a string or a number skip other values: a date picker holds a dayjs object that the
// form turns into the schema's string on submit.
import type { Rule } from 'antd/es/form';
import type { DictKey } from '../i18n/dictionary.ts';

interface JsonSchema {
  type?: string;
  required?: string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

type Translate = (key: DictKey, vars?: Record<string, string | number>) => string;

/** a property's own schema, looking through `T | null` unions */
function propertySchema(schema: JsonSchema, name: string): JsonSchema | undefined {
  const p = schema.properties?.[name];
  if (!p?.anyOf) return p;
  return p.anyOf.find((s) => s.type !== 'null');
}

const NOT_BLANK = '\\S';

export interface RuleOptions {
  /** overrides the schema: a field the form shows only when it is needed */
  required?: boolean;
  /** a field-specific "required" text, e.g. 请选择上级单位 */
  requiredMessage?: string;
  /** what the pattern means in words, e.g. 只能用字母、数字、- 和 _ */
  patternMessage?: string;
}

export function schemaRules(schema: unknown, t: Translate) {
  const object = schema as JsonSchema;
  return (name: string, opts: RuleOptions = {}): Rule[] => {
    const p = propertySchema(object, name);
    if (!p) throw new Error(`schemaRules: the schema has no property "${name}"`);
    const rules: Rule[] = [];
    const required = opts.required ?? object.required?.includes(name) ?? false;
    if (required)
      rules.push({
        required: true,
        whitespace: p.type === 'string',
        message: opts.requiredMessage ?? t('form.required'),
      });
    rules.push({
      validator: async (_rule, value: unknown) => {
        const problem = check(p, value, t);
        if (problem)
          throw new Error(problem === t('form.pattern') ? (opts.patternMessage ?? problem) : problem);
      },
    });
    return rules;
  };
}

/** the first way `value` breaks `p`, in the interface language, or null */
export function check(p: JsonSchema, value: unknown, t: Translate): string | null {
  if (typeof value === 'string') {
    if (value === '') return null; // emptiness is the required rule's business
    const length = [...value].length;
    if (p.maxLength !== undefined && length > p.maxLength) return t('form.maxLength', { max: p.maxLength });
    if (p.minLength !== undefined && length < p.minLength) return t('form.minLength', { min: p.minLength });
    if (p.pattern && p.pattern !== NOT_BLANK && !new RegExp(p.pattern, 'u').test(value))
      return t('form.pattern');
  }
  if (typeof value === 'number') {
    if (p.type === 'integer' && !Number.isInteger(value)) return t('form.integer');
    if ((p.minimum !== undefined && value < p.minimum) || (p.maximum !== undefined && value > p.maximum))
      return t('form.range', { min: p.minimum ?? '−∞', max: p.maximum ?? '∞' });
  }
  if (Array.isArray(value) && p.maxItems !== undefined && value.length > p.maxItems)
    return t('form.maxItems', { max: p.maxItems });
  return null;
}
