/** The HTML deck, `index.html`: always written, beside the assets the staging folder already holds. */
import { writeText } from '../write/output.js';
import type { Output } from './output.js';

export const html: Output = {
  id: 'html',
  wanted: () => true,
  browser: false,
  async write(job) {
    await writeText(job.dir, 'index.html', await job.html());
    performance.mark(`${job.loaded.file}: rendered`);
    return undefined;
  },
};
