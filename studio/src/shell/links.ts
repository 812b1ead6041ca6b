/** The explorer is a sibling page of the build (studio/vite.config.ts); absolute like the build's base. */
export const EXPLORER_HREF = '/studio/explorer.html';
