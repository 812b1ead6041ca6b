export { compileServiceKpis, KPI_BASE_TYPE, KPI_TYPES, type KpiArgs } from './compile-kpi.js';
export { KPI_DIMENSIONS, type KpiDimension } from './kpi-dimension.js';
export { kpiWindow, MAX_KPI_WINDOW_DAYS, type KpiWindow } from './kpi-window.js';
