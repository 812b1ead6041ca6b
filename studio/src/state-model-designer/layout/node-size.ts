/** The size of a state node: fixed, so the layout can run before the nodes are measured. */
export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 64;
