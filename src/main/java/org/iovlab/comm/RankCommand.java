package org.iovlab.comm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code java} command line that starts a rank process with this JVM's classpath. */
public final class RankCommand {
    private RankCommand() {}

    /** This JVM's java launcher. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java [jvmArgs] -cp CLASSPATH MAIN}, to which the caller appends the main's arguments. */
    public static List<String> java(List<String> jvmArgs, String classpath, String mainClass) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        return cmd;
    }

    /** The classpath of this JVM (the running jar, or the build's classes and libraries). */
    public static String classpath() {
        return System.getProperty("java.class.path");
    }
}
