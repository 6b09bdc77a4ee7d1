/**
 * A JSON schema (draft-07) for RKE2's config.yaml, generated from the key catalog: the Advanced
 * YAML editors use it for completion, hover text and validation. Aliases (`t`, `s`) and the
 * `key+` append form of list keys are accepted; keys outside the catalog (or, for one role, keys
 * the other role owns) are flagged as unknown.
 */
import { isProviderKey } from './providerKeys.js';
import { RKE2_CATALOG, type CatalogEntry, type CatalogRole } from './rke2Catalog.js';

export type JsonSchema = { [key: string]: unknown };

function valueSchema(entry: CatalogEntry): JsonSchema {
  if (entry.enum) return { enum: entry.enum };
  switch (entry.type) {
    case 'bool':
      return { type: 'boolean' };
    case 'int':
      return { type: 'integer' };
    case 'stringList':
      return { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string' }] };
    default:
      return entry.suggestions ? { type: 'string', examples: entry.suggestions } : { type: 'string' };
  }
}

function describe(entry: CatalogEntry): string {
  const lines = [entry.summary];
  if (entry.note) lines.push(entry.note);
  if (entry.format) lines.push(`Format: ${entry.format}.`);
  if (entry.default !== null && entry.default !== undefined && entry.default !== '')
    lines.push(`Default: ${JSON.stringify(entry.default)}.`);
  lines.push(entry.roles.length === 2 ? 'Servers and agents.' : entry.roles[0] === 'server' ? 'Servers only.' : 'Agents only.');
  if (isProviderKey(entry.key))
    lines.push('The designer sets this from the cluster settings and removes it here (the provider would corrupt it).');
  if (entry.cliOnly) lines.push('Has no effect in a config file.');
  return lines.join('\n\n');
}

function propertySchema(entry: CatalogEntry): JsonSchema {
  const schema: JsonSchema = { ...valueSchema(entry), description: describe(entry) };
  if (entry.default !== null && entry.default !== undefined) schema['default'] = entry.default;
  if (entry.deprecated) schema['deprecationMessage'] = `${entry.key} is deprecated in RKE2.`;
  return schema;
}

/** The schema for a config applied to `role` ('both' for the site-wide extra config). */
export function rke2ConfigJsonSchema(role: CatalogRole | 'both'): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const entry of RKE2_CATALOG) {
    if (role !== 'both' && !entry.roles.includes(role)) continue;
    const schema = propertySchema(entry);
    for (const name of [entry.key, ...(entry.aliases ?? [])]) {
      properties[name] = schema;
      if (entry.type === 'stringList')
        properties[`${name}+`] = { ...schema, description: `Appends to ${entry.key} set by an earlier file.\n\n${schema['description']}` };
    }
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: role === 'both' ? 'RKE2 settings for every node' : `RKE2 settings for a ${role === 'server' ? 'server' : 'worker'} node`,
    type: 'object',
    properties,
    additionalProperties: false,
  };
}
