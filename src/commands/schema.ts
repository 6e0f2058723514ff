import { briefJsonSchema } from '../brief/schema.js';
import type { Reporter } from '../reporter.js';

export function schemaCommand(reporter: Reporter): void {
  reporter.out(JSON.stringify(briefJsonSchema(), null, 2));
}
