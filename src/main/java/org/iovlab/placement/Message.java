package org.iovlab.placement;

/**
 * One message per time step: {@code from} sends {@code bytes} to {@code to} across axis
 * {@code dim} (0 = X). {@code contiguous}: the plane is one run of memory and needs no packing.
 */
public record Message(int from, int to, int dim, long bytes, boolean contiguous, MessageClass type) {}
