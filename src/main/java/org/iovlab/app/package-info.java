/**
 * The advection application: {@code du/dt + a . grad u = 0} on the unit cube, decomposed over
 * PX x PY x PZ ranks that talk through {@link org.iovlab.comm.Comm}.
 *
 * <ul>
 *   <li>{@link org.iovlab.app.Physics}: velocity (1, 1/2, 1/4), Gaussian pulse, time step from the
 *       Courant number; {@link org.iovlab.app.Boundary}: exact solution in the ghost cells on the
 *       domain's faces (exact inflow; Dirichlet outflow for Lax–Wendroff).</li>
 *   <li>{@link org.iovlab.app.Block}: one rank's cells plus one ghost layer, Z fastest;
 *       {@link org.iovlab.app.Halo}: packed plane exchange (upwind: lower to upper only, P−1 messages
 *       per step in 1-D, as {@link org.iovlab.placement.MessageAccounting} counts; Lax–Wendroff:
 *       both ways, per sweep axis).</li>
 *   <li>{@link org.iovlab.app.Stencil}: the kernels, scalar and Vector API, bit-identical.</li>
 *   <li>{@link org.iovlab.app.Advection}: the step loop, with {@code --overlap} computing the cells
 *       that need no ghost plane while halos are in flight; {@link org.iovlab.app.Timers}: compute,
 *       pack, unpack, wait per step.</li>
 *   <li>{@link org.iovlab.app.Diagnostics}: mass, L2 error, and the decomposition-independent
 *       {@code fieldChecksum}; {@link org.iovlab.app.AdvectResult}/{@link org.iovlab.app.AdvectReport}:
 *       gathered timers and the JSON report; {@link org.iovlab.app.AdvectProgram}: the
 *       {@link org.iovlab.comm.RankProgram} that process backends start by name.</li>
 *   <li>{@link org.iovlab.app.AdvectRun}: one run as a library call (the CLI and the reproduce runner
 *       use it): on any backend, with a placement recorded and its halo messages counted by class,
 *       and on tcp optionally inside a live testbed, each rank in its node
 *       ({@link org.iovlab.launch.TestbedRanks}); fails with {@link org.iovlab.app.AdvectRunException}.</li>
 * </ul>
 *
 * <p>Bit for bit: every cell is updated by the same operations in the same order from the same
 * neighbour values whatever the decomposition, backend or overlap, so runs equal the serial run
 * exactly; the checksum proves it from outside.
 */
package org.iovlab.app;
