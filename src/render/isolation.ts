/**
 * The render stage's check of its own output: Latin text the deck shows outside <bdi> or an ltr element,
 * which the bidi algorithm would reorder inside an Arabic line. mujaz isolates every Latin run (src/deck/text.ts),
 * so a run found here is mujaz's mistake; the lint says where in the brief it comes from.
 */
import { hasLatin } from '../latin.js';

/**
 * Text of the rendered deck that contains Latin letters (any of the Latin script, src/latin.ts) outside <bdi> or an ltr element. The deck is our
 * own output, so a small scan of its markup is enough: drop isolated runs, notes, scripts and tags.
 */
export function unisolatedLatin(html: string): string[] {
  const body = html
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<aside class="notes">[\s\S]*?<\/aside>/g, '')
    .replace(/<bdi\b[^>]*>[\s\S]*?<\/bdi>/g, ' ')
    .replace(/<([a-z]+)\b[^>]*\bdir="ltr"[^>]*>[\s\S]*?<\/\1>/g, ' ');
  const text = body.replace(/<[^>]+>/g, '\n').replace(/&[#a-z0-9]+;/gi, ' ');
  return [
    ...new Set(
      text
        .split('\n')
        .map((t) => t.trim())
        .filter((t) => hasLatin(t)),
    ),
  ];
}
