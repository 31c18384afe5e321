package org.topolayer.persistence.rips;

/**
 * Walks the cofacets (one more vertex) of a simplex within the threshold, in decreasing index
 * order, without materialising them: the combinatorial number system gives each cofacet's index
 * from the inserted vertex w, and its diameter rank is max(rank of the simplex, ranks of w to each
 * vertex). One instance is reused for many simplices; after {@link #next} returns true,
 * {@link #rank} and {@link #index} describe the current cofacet.
 *
 * <p>Inserting w shifts every vertex above w one weight up, so the index is
 * {@code above + C(w, k + 1) + below}, where {@code above} holds the shifted weights of the
 * vertices above w and {@code below} the unchanged weights of the k vertices below it.
 */
abstract class CofacetEnumerator {
    protected final Binomials binomials;
    protected final RankedDistances distances;
    /** Vertices of the current simplex, largest first. */
    protected final int[] vertices;
    protected int vertexCount;
    protected int simplexRank;
    /** Vertices of the simplex above the insertion point so far (vertices[0, passed)). */
    protected int passed;
    protected long above;
    protected long below;
    /** With {@code onlyAboveTop}, only vertices above the simplex's largest vertex are inserted. */
    protected boolean onlyAboveTop;

    int rank;
    long index;
    private int inserted;

    CofacetEnumerator(Binomials binomials, RankedDistances distances, int maxVertices) {
        this.binomials = binomials;
        this.distances = distances;
        this.vertices = new int[maxVertices];
    }

    /**
     * Starts on the simplex with {@code index}, {@code dim + 1} vertices and diameter
     * {@code rank}. With {@code onlyAboveTop}, enumerates just the cofacets whose new vertex is
     * the largest: each (dim+1)-simplex is then reached from exactly one facet.
     */
    void start(long simplexIndex, int simplexRank, int dim, boolean onlyAboveTop) {
        binomials.vertices(simplexIndex, dim + 1, distances.pointCount(), vertices);
        begin(simplexIndex, simplexRank, dim, onlyAboveTop);
    }

    /** As {@link #start(long, int, int, boolean)} for a simplex whose vertices (largest first) are known. */
    void start(long simplexIndex, int simplexRank, int dim, boolean onlyAboveTop, int[] knownVertices) {
        System.arraycopy(knownVertices, 0, vertices, 0, dim + 1);
        begin(simplexIndex, simplexRank, dim, onlyAboveTop);
    }

    private void begin(long simplexIndex, int simplexRank, int dim, boolean onlyAboveTop) {
        this.vertexCount = dim + 1;
        this.simplexRank = simplexRank;
        this.onlyAboveTop = onlyAboveTop;
        passed = 0;
        above = 0;
        below = simplexIndex;
        reset();
    }

    /** Writes the current cofacet's vertices, largest first, into {@code out}: saves decoding its index. */
    void cofacetVertices(int[] out) {
        System.arraycopy(vertices, 0, out, 0, passed);
        out[passed] = inserted;
        System.arraycopy(vertices, passed, out, passed + 1, vertexCount - passed);
    }

    /**
     * How many of the simplex's vertices lie above the current cofacet's inserted vertex: its
     * position in the cofacet (largest first), so (−1)^position is its coboundary coefficient.
     */
    final int insertedPosition() {
        return passed;
    }

    /** Implementation-specific start of a walk, after the vertices are decoded. */
    protected abstract void reset();

    /** Advances to the next cofacet within the threshold; false when there is none. */
    final boolean next() {
        return next(RankedDistances.ABSENT - 1);
    }

    /**
     * Advances to the next cofacet with rank ≤ maxRank; false when there is none. A candidate is
     * dropped at its first edge above maxRank, which makes "find a cofacet of the simplex's own
     * diameter" (maxRank = the simplex's rank) much cheaper than a full walk.
     */
    abstract boolean next(int maxRank);

    /** Moves vertices[passed] (the largest vertex not yet passed) from the below to the above sum. */
    protected final void passVertex() {
        int v = vertices[passed];
        int k = vertexCount - passed;
        below -= binomials.get(v, k);
        above += binomials.get(v, k + 1);
        passed++;
    }

    /**
     * Makes the cofacet that inserts w, of rank r, the current one; exactly the vertices above w
     * must be passed.
     */
    protected final void found(int w, int r) {
        inserted = w;
        rank = r;
        index = above + binomials.get(w, vertexCount - passed + 1) + below;
    }
}
