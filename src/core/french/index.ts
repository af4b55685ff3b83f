// French formatting and alphabetical order shared by every output (Markdown, PDF, the actions list).
export { MONTHS, WEEKDAYS, dayOfMonth, formatDay, formatMonth, inMonth, monthName, weekdayIndex, weekdayName } from './dates.js';
export { formatTime, formatTimeRange } from './times.js';
export { ACTION_STATUS_LABELS, formatActionStatus, formatDeadline } from './deadlines.js';
export { acronymDashName, acronymWithName, formatResponsibles } from './organisations.js';
export { NARROW_NBSP, NBSP, frenchTypography, frenchTypographyMarkdown, splitFences } from './typography.js';
export { frenchComparison, frenchOrder } from './collation.js';
