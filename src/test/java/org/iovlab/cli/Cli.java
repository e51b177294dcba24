package org.iovlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs iovlab in-process and captures what a user would see. */
public record Cli(int exitCode, String out, String err) {

    public static Cli run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Cli(code, out.toString(), err.toString());
    }
}
