package org.topolayer.spark.io;

import java.io.Serializable;

/**
 * A fixed-size run of images that one task reads or generates: images {@code start ..
 * start + count} of a source, whose ids start at {@code firstId}. Fixed sizes make the output
 * independent of the partition count and of the cluster. A plain class (not a record) so that
 * Kryo 4 ships it.
 */
public final class ImageChunk implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int start;
    private final int count;
    private final long firstId;

    public ImageChunk(String source, int start, int count, long firstId) {
        this.source = source;
        this.start = start;
        this.count = count;
        this.firstId = firstId;
    }

    /** What to read: a file prefix, or a seed for generated images. */
    public String source() {
        return source;
    }

    public int start() {
        return start;
    }

    public int count() {
        return count;
    }

    public long firstId() {
        return firstId;
    }

    /** Chunks of {@code size} images covering images 0 .. total of {@code source}, ids from {@code firstId}. */
    static java.util.List<ImageChunk> cover(String source, int total, long firstId, int size) {
        java.util.List<ImageChunk> chunks = new java.util.ArrayList<>();
        for (int start = 0; start < total; start += size) {
            chunks.add(new ImageChunk(source, start, Math.min(size, total - start), firstId + start));
        }
        return chunks;
    }
}
