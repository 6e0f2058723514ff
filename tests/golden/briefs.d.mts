export interface GoldenBrief {
  brief: string;
  slug: string;
  handout: boolean;
}
export const GOLDEN_BRIEFS: GoldenBrief[];
export function chromiumVersion(): Promise<string>;
