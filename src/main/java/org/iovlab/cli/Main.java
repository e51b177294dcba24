package org.iovlab.cli;

import java.io.PrintWriter;

import org.iovlab.scenario.ConfigException;
import org.iovlab.scenario.Problem;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code iovlab} command. The only place that knows exit codes: 0 ok, 1 the run failed,
 * 2 usage or configuration error. A user error prints its message, never a stack trace.
 */
@Command(name = "iovlab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Which network data path and process placement make an MPI application fastest on VMs, measured.",
        subcommands = {ScenarioCommand.class, PlanCommand.class, TestbedCommand.class, BenchCommand.class, AppCommand.class,
                ReproduceCommand.class, ReportCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int RUN_FAILED = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line with the given writers; tests call this in-process. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setExitCodeExceptionMapper(e -> e instanceof ConfigException || e instanceof CommandLine.ParameterException ? USAGE : RUN_FAILED);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof ConfigException ce) {
            err.println("iovlab: " + ce.problems().size() + (ce.problems().size() == 1 ? " error:" : " errors:"));
            for (Problem p : ce.problems()) err.println("  " + p);
            return USAGE;
        }
        if (e instanceof RunFailedException) {
            err.println("iovlab: " + e.getMessage());
            return RUN_FAILED;
        }
        err.println("iovlab: internal error (please report): " + e);
        e.printStackTrace(err);
        return RUN_FAILED;
    }

    /** The version from the jar's manifest, or "dev" when run from classes. */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"iovlab " + version() + " (Java " + Runtime.version() + ")"};
        }
    }
}
