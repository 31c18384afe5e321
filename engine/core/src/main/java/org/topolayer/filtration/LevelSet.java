package org.topolayer.filtration;

/**
 * Which level sets of a function a filtration grows through (TopologyLayer's
 * {@code sublevel=True/False}): the one spelling of "superlevel" across the engine, its layers and
 * its jobs.
 */
public enum LevelSet {
    /** Sublevel sets {f ≤ t}: bars have birth ≤ death, essential bars die at +∞. */
    SUBLEVEL,
    /** Superlevel sets {f ≥ t}: bars have birth ≥ death (in f's units), essential bars die at −∞. */
    SUPERLEVEL;

    /** True for {@link #SUPERLEVEL}: computed as the sublevel sets of −f, reported in f's units. */
    public boolean isSuperlevel() {
        return this == SUPERLEVEL;
    }
}
