package org.topolayer.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.topolayer.apps.RunOutput;
import org.topolayer.apps.voxels.VoxelApp;
import org.topolayer.apps.voxels.VoxelConfig;
import org.topolayer.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code topo voxels}: the 3-D voxel prior (the paper's Figure 14). Settings are layered as for
 * every application command (see {@link AppOptions}).
 */
@Command(name = "voxels", sortOptions = false,
        description = {
            "The 3-D voxel prior (the paper's Figure 14). Pre-train a voxel generator (a GLO decoder sampled",
            "through a normal fitted to its codes) on solid shapes made in code (spheres, boxes, tori on an",
            "n^3 grid, one component each), then fine-tune its",
            "weights for a few iterations on the image generator's topological loss E(1,0,2;PD0) of each",
            "volume's superlevel diagram (every component but the most persistent one pushed away). Count the",
            "components of the same generated volumes before and after, and write metrics.json, config.json,",
            "slices.png (z-slices before/after) and training.png."},
        footer = {
            "%nConfiguration keys (conf/voxels.properties documents each): seed, size, shapes, latent, hidden,",
            "pretrain-iterations, batch-size, learning-rate, code-learning-rate, topo-iterations, topo-batch-size,",
            "topo-learning-rate, samples, tau, figure-volumes, slices, log-every, nd4j-threads.",
            "%nExample:  topo voxels --config conf/voxels.properties --output results/voxels",
            "%nExit codes: 0 success; 1 bad input or failure (one line on stderr); 2 bad options or config keys."})
final class VoxelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    AppOptions app;

    @Option(names = "--size", paramLabel = "N", description = "Grid side: volumes of N^3 voxels.")
    Integer size;

    @Option(names = "--pretrain-iterations", paramLabel = "N", description = "GLO pre-training iterations.")
    Integer pretrainIterations;

    @Option(names = "--topo-iterations", paramLabel = "N",
            description = "Topological fine-tuning iterations (the paper: 20).")
    Integer topoIterations;

    @Option(names = "--samples", paramLabel = "N", description = "Generated volumes measured before and after.")
    Integer samples;

    @Option(names = "--tau", paramLabel = "T", description = "Persistence above which a component counts (values in [0, 1]).")
    Double tau;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        AppOptions.given(options, "size", size);
        AppOptions.given(options, "pretrain-iterations", pretrainIterations);
        AppOptions.given(options, "topo-iterations", topoIterations);
        AppOptions.given(options, "samples", samples);
        AppOptions.given(options, "tau", tau);
        Config conf = app.resolve(spec, VoxelConfig.KEYS, VoxelConfig.QUICK, options);
        VoxelConfig config = AppOptions.checked(spec, () -> new VoxelConfig(conf));
        RunOutput out = RunOutput.open(app.output, "voxels");
        new VoxelApp(config, out, spec.commandLine().getOut()).run();
        return ExitCode.OK;
    }
}
