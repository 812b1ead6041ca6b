/** What KPIs can be broken down by: the record's current assignment group, priority or state. */
export const KPI_DIMENSIONS = ['assignment_group', 'priority', 'state'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];
