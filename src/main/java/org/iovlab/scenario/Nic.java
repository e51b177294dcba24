package org.iovlab.scenario;

/** A host's network adapter: its line rate and how many SR-IOV virtual functions it exports. */
public record Nic(Bandwidth lineRate, int virtualFunctions) {
    public static final Bandwidth DEFAULT_LINE_RATE = Bandwidth.gbitPerSecond(10);
    public static final int DEFAULT_VIRTUAL_FUNCTIONS = 8;

    public Nic {
        if (lineRate == null) throw new IllegalArgumentException("lineRate");
        if (virtualFunctions < 0) throw new IllegalArgumentException("virtualFunctions must be >= 0");
    }
}
