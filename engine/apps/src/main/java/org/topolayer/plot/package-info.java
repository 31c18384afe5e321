/**
 * Figures: persistence diagrams, barcodes, and inputs with the critical simplices of their longest
 * bars marked, rendered headless to PNG or SVG files (atomically) or to an image for a notebook.
 * Module topolayer-apps; this package depends on topolayer-core (diagrams and their attribution),
 * XChart and VectorGraphics2D, not on ND4J.
 *
 * <p>Entry points: {@link TopologyFigure#of} (what {@code topo plot} draws: diagram, barcode and
 * the input, an image, a signal or a point cloud, linked by colour and rank labels);
 * {@link DiagramPlot}, {@link Barcode}, {@link PointCloudPlot}, {@link SignalPlot} and
 * {@link ImagePanel} for single panels, laid out by {@link Figure}; {@link MarkedBars#longest}
 * picks the bars to mark; {@link Charts} and {@link ImageGrid} are the plain charts and image grids
 * the applications write.
 *
 * <p>Limits: a barcode shows at most its {@value Barcode#MAX_BARS} longest bars (the legend says
 * so); essential bars are drawn on a line labelled ±∞ beyond the finite values; point clouds are
 * drawn by their first two coordinates, one unit as long on x as on y. Thread safety: XChart
 * charts and the panels over them are mutable: make and save each figure on one thread; the
 * static factories keep no shared state.
 */
package org.topolayer.plot;
