// Shared look of the Scores charts (brand blue on slate, readable axis text).
export const CHART_HEIGHT = 240;
export const BAR_COLOR = "#2f5bd3";
export const SECOND_COLOR = "#b45309";
export const REFERENCE_COLOR = "#64748b";
export const AXIS_TICK = { fontSize: 12, fill: "#334155" };
export const GRID_STROKE = "#e2e8f0";
