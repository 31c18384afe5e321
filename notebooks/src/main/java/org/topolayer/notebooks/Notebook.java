package org.topolayer.notebooks;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.rapaio.jupyter.kernel.global.Global;

/**
 * What the notebooks' cells share ({@code import static org.topolayer.notebooks.Notebook.*;}):
 * the project's folders, showing pictures and Markdown, and running the project's commands.
 */
public final class Notebook {
    private Notebook() {}

    /** The project's root (the kernel is started with {@code -Dtopo.home}). */
    public static Path root() {
        return Path.of(System.getProperty("topo.home", "."));
    }

    /** A notebook's own output folder, under {@code notebooks/target/notebook-output}. */
    public static Path output(String notebook) {
        return root().resolve("notebooks/target/notebook-output").resolve(notebook);
    }

    /** Shows an image below the cell (the kernel's display() also returns an id, which a cell would print). */
    public static void show(BufferedImage image) {
        Global.display(image);
    }

    /** Shows a PNG file below the cell. */
    public static void show(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new IOException(png + ": not an image");
        }
        show(image);
    }

    /** Renders Markdown below the cell. */
    public static void showMarkdown(String markdown) {
        Global.display("text/markdown", markdown);
    }

    /**
     * Runs a command of the project ({@code bin/...} relative to the root, then its arguments),
     * printing the last lines of its output; a failure throws with all of it, which fails the cell.
     */
    public static void run(String command, String... arguments) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(root().resolve(command).toString()));
        line.addAll(List.of(arguments));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        List<String> out = new String(process.getInputStream().readAllBytes()).lines().toList();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed:\n" + String.join("\n", out));
        }
        out.subList(Math.max(0, out.size() - 15), out.size()).forEach(System.out::println);
    }
}
