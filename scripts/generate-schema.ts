// Writes schemas/phi-guard.schema.json from the configuration's one typed description (src/core/config/validateConfig.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configJsonSchema } from '../src/core/config/validateConfig';

export const SCHEMA_PATH = path.join(__dirname, '..', 'schemas', 'phi-guard.schema.json');

export function schemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

if (require.main === module) {
  fs.writeFileSync(SCHEMA_PATH, schemaText());
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_PATH)}`);
}
