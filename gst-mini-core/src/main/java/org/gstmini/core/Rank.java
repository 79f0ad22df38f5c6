package org.gstmini.core;

/**
 * How much an element factory should be preferred when something picks an element
 * automatically (autovideosink, decodebin). Mirrors {@code GstRank}.
 */
public enum Rank {
    NONE(0),
    MARGINAL(64),
    SECONDARY(128),
    PRIMARY(256);

    private final int value;

    Rank(int value) {
        this.value = value;
    }

    /** GStreamer's number for the rank (PRIMARY is 256). */
    public int value() {
        return value;
    }
}
