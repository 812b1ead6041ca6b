/** Types of stale.mjs (plain JavaScript: the build runs it before anything is compiled). */
export declare function staleReason(part: { root: string; inputs: string[]; outputs: string[]; skip?: string[] }): Promise<'not built yet' | 'sources changed' | null>;
