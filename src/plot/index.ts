/** PNG figures from plain data (no physics): line, histogram, band and scatter charts on Chart.js; corner plots and heatmaps on our axes with d3 contours and colours. */
export * from './scale.js';
export * from './binning.js';
export * from './colors.js';
export * from './figure.js';
export * from './axes.js';
export * from './legend.js';
export * from './layout.js';
export * from './chartjs.js';
export * from './line-chart.js';
export * from './histogram-chart.js';
export * from './scatter-chart.js';
export * from './contour.js';
export * from './corner.js';
