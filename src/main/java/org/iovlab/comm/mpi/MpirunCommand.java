package org.iovlab.comm.mpi;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iovlab.comm.JobOptions;
import org.iovlab.comm.RankCommand;
import org.iovlab.comm.RankProgram;
import org.iovlab.placement.Placement;

/**
 * The {@code mpirun} command line of a job, plus the rankfile and hostfile it names when a
 * placement says where ranks go (one host per VM, one slot per vCPU). Without a placement the
 * job runs locally with {@code -np}, oversubscribed, with TCP allowed on loopback. Plain data:
 * the CLI prints it with {@code --dry-run}; {@link MpiJob} writes the files and runs it.
 *
 * @param argv the whole command
 * @param rankfile the rankfile's text (empty without a placement), to be written at {@code rankfilePath}
 * @param hostfile the hostfile's text (empty without a placement), to be written at {@code hostfilePath}
 */
public record MpirunCommand(List<String> argv, String rankfile, Path rankfilePath, String hostfile, Path hostfilePath) {

    public MpirunCommand {
        argv = List.copyOf(argv);
    }

    /**
     * @param filesDir where the rankfile and hostfile go (used only with a placement)
     * @param asRoot whether mpirun runs as root (it then needs {@code --allow-run-as-root})
     */
    public static MpirunCommand of(int ranks, Class<? extends RankProgram> program, String[] args, JobOptions options,
                                   MpiSetup setup, Path filesDir, boolean asRoot) {
        setup.require();
        List<String> cmd = new ArrayList<>();
        cmd.add(setup.mpirun().orElseThrow().toString());
        if (asRoot) cmd.add("--allow-run-as-root");
        cmd.addAll(List.of("-np", Integer.toString(ranks)));
        String rankfile = "", hostfile = "";
        Path rf = filesDir.resolve("rankfile"), hf = filesDir.resolve("hostfile");
        Placement placement = options.placement();
        if (placement == null) {
            cmd.add("--oversubscribe");
            cmd.addAll(List.of("--mca", "btl_tcp_if_include", "lo", "--mca", "oob_tcp_if_include", "lo"));
        } else {
            hostfile = hostfile(placement);
            rankfile = rankfile(placement);
            cmd.addAll(List.of("--hostfile", hf.toString(), "--rankfile", rf.toString()));
        }
        cmd.addAll(options.mpirunArgs());
        List<String> jvm = new ArrayList<>();
        jvm.add("-Djava.library.path=" + setup.libDir().orElseThrow());
        jvm.addAll(options.jvmArgs());
        String cp = RankCommand.classpath() + File.pathSeparator + setup.mpiJar().orElseThrow();
        cmd.addAll(RankCommand.java(jvm, cp, MpiSetup.RANK_MAIN));
        cmd.addAll(List.of("--read-timeout-ms", Long.toString(options.readTimeout().toMillis()),
                "--program", program.getName(), "--"));
        cmd.addAll(List.of(args));
        return new MpirunCommand(cmd, rankfile, rf, hostfile, hf);
    }

    /** {@code rank R=HOST slot=S}: rank R on its VM's host name, on the next free vCPU of that VM. */
    static String rankfile(Placement p) {
        StringBuilder b = new StringBuilder();
        Map<String, Integer> next = new LinkedHashMap<>();
        for (int r = 0; r < p.ranks(); r++) {
            String vm = p.vmOfRank().get(r);
            int slot = next.merge(vm, 1, Integer::sum) - 1;
            b.append("rank ").append(r).append('=').append(vm).append(" slot=").append(slot).append('\n');
        }
        return b.toString();
    }

    /** One line per VM that runs ranks: {@code HOST slots=VCPUS}. */
    static String hostfile(Placement p) {
        StringBuilder b = new StringBuilder();
        p.vmOfRank().stream().distinct().forEach(vm -> b.append(vm).append(" slots=")
                .append(p.scenario().vm(vm).orElseThrow().vcpus()).append('\n'));
        return b.toString();
    }

    /** Writes the rankfile and hostfile, if there are any. */
    public void writeFiles() throws java.io.IOException {
        if (rankfile.isEmpty()) return;
        Files.writeString(rankfilePath, rankfile);
        Files.writeString(hostfilePath, hostfile);
    }

    /** The command as one shell-quoted line, with the files it needs, for {@code --dry-run}. */
    public String printable() {
        StringBuilder b = new StringBuilder();
        if (!rankfile.isEmpty()) {
            b.append("# ").append(hostfilePath).append(":\n").append(hostfile.indent(2).replaceAll("(?m)^", "#"));
            b.append("# ").append(rankfilePath).append(":\n").append(rankfile.indent(2).replaceAll("(?m)^", "#"));
        }
        b.append(String.join(" ", argv.stream().map(MpirunCommand::quote).toList()));
        return b.toString();
    }

    static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=,@+%-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
