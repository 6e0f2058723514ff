export async function todo(): Promise<void> { throw new Error('not yet'); }
