import { briefJsonSchema, themeJsonSchema } from '../brief/schema.js';
import type { Reporter } from '../reporter.js';

export function schemaCommand(reporter: Reporter, opts: { theme?: boolean } = {}): void {
  reporter.out(JSON.stringify(opts.theme ? themeJsonSchema() : briefJsonSchema(), null, 2));
}
