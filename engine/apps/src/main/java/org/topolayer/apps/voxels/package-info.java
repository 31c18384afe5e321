/**
 * The 3-D voxel application ({@code topo voxels}, the paper's Figure 14): a voxel generator
 * pre-trained on shapes made in code ({@link org.topolayer.data.VoxelShapes}), then fine-tuned for a
 * few iterations with the image generator's topological prior "one component" (superlevel
 * E(1,0,2;PD0), {@link org.topolayer.apps.generate.ComponentPrior} on n³ grids), with component
 * counts before and after. Module topolayer-apps.
 *
 * <p>Entry points: {@link VoxelApp#run} with a {@link VoxelConfig}; the pieces
 * {@link GloPretraining} (a GLO decoder: per-shape latent codes and an {@link org.topolayer.nn.MlpNetwork}
 * fitted jointly) and {@link LatentGaussian} (the normal fitted to the codes that samples new ones).
 *
 * <p>Limits: the decoder is a dense MLP, so its last layer has (last hidden size) × n³ weights:
 * n = 32 with 128 hidden units is 4.2 M parameters. The prior needs H0 only, which volumes get by
 * union-find without building their Kuhn complex
 * ({@link org.topolayer.persistence.grid.FreudenthalVolumePersistence}, which also gives H1 and H2).
 * Not thread-safe (the networks are not).
 */
package org.topolayer.apps.voxels;
