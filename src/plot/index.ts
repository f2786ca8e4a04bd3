/** PNG figures from plain data (no physics): line charts, histograms, scatter plots, corner plots. */
export * from './ticks.js';
export * from './scale.js';
export * from './binning.js';
export * from './colors.js';
export * from './figure.js';
export * from './axes.js';
export * from './legend.js';
export * from './layout.js';
export * from './lineChart.js';
export * from './histogramChart.js';
export * from './scatterChart.js';
export * from './contour.js';
export * from './corner.js';
