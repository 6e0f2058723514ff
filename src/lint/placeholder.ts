/**
 * The one form of every placeholder `mujaz init` writes (templates/scaffold/): a whole value in square
 * brackets, "[اسم الوفد]", "[Name]". A text that is nothing but a bracketed phrase is never a report's word.
 */
export const PLACEHOLDER = /^\[[^[\]\n]+\]$/u;
