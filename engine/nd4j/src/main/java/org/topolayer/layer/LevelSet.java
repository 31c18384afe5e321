package org.topolayer.layer;

/** Which level sets a level-set layer filters by (TopologyLayer's {@code sublevel=True/False}). */
public enum LevelSet {
    /** Sublevel sets {f ≤ t}: bars have birth ≤ death, essential bars die at +∞. */
    SUBLEVEL,
    /** Superlevel sets {f ≥ t}: bars have birth ≥ death (in f's units), essential bars die at −∞. */
    SUPERLEVEL;

    boolean isSuperlevel() {
        return this == SUPERLEVEL;
    }
}
