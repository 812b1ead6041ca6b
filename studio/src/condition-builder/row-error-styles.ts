/**
 * A row's controls keep their error as text screen readers reach (Mantine links it with aria-describedby) but
 * do not show it under themselves: under a 150px select a sentence from the checker wraps into a column.
 * The row shows it once, full width, below its controls.
 */
export const rowErrorStyles = {
  error: {
    position: 'absolute',
    width: 1,
    height: 1,
    margin: -1,
    padding: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
} as const;
