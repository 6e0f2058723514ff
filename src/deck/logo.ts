/**
 * Where assets/ keeps the brief's logos: src/assets/assets.ts copies them there, the title slide shows them.
 * The host's is assets/logo.<ext>; the n-th organiser's (1-based), assets/logo-<n>.<ext>.
 */
export function logoAsset(file: string, organiser = 0): string {
  const ext = /\.[a-z0-9]+$/i.exec(file)?.[0]?.toLowerCase() ?? '';
  return organiser === 0 ? `assets/logo${ext}` : `assets/logo-${organiser}${ext}`;
}
