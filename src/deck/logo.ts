/** Where assets/ keeps the host's logo: src/assets/assets.ts copies it there, the title slide shows it. */
export function logoAsset(file: string): string {
  const ext = /\.[a-z0-9]+$/i.exec(file)?.[0]?.toLowerCase() ?? '';
  return `assets/logo${ext}`;
}
