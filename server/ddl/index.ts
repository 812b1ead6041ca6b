export { planDdl, type DdlPlan, type DdlStep, type RefusedChange } from './plan-ddl.js';
export { columnType, columnTypeText } from './column-type.js';
export { RECORDS_SCHEMA, SEQUENCES_SCHEMA, nameLiteral, sequenceName, sequenceRef, tableRef } from './sql-names.js';
export { columnDefault, defaultLiteral, hasColumnDefault } from './column-default.js';
export { COLUMNS_WITH_DEFAULTS, repairColumnDefaults } from './repair-column-defaults.js';
