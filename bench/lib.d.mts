// Types of bench/lib.mjs, for tests/bench (the bench itself is plain JavaScript).
export function median(values: (number | null | undefined)[]): number | null;
export function countSlides(html: string): number;
export function withSlug(text: string, slug: string): string;
export function withTitleSuffix(text: string, suffix: string): string;
export function lengthenBrief<T extends object>(brief: T, copies: number, options?: { dropMessages?: number; slug?: string }): T;
export function personIds(brief: unknown): string[];
export function statusKb(text: string, field: string): number | null;
export function secondsCell(values: (number | null)[]): string;
export function markdownTable(head: string[], rows: unknown[][]): string;
export function mark(value: number | null | undefined, test: (v: number) => boolean): string;
