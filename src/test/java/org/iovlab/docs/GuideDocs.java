package org.iovlab.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The commands and example files of the user guide (every {@code docs/*.md}), as the guide
 * itself describes them: in a fenced block whose info string starts with {@code sh}, a line
 * {@code $ iovlab ARGS} is a command, the lines under it (up to the next command or the end of
 * the block) are what it prints; {@code # exit N} after a command is its expected exit code,
 * a trailing {@code &} starts it in the background. The info string's second word says what the
 * block needs: nothing, {@code root} or {@code mpi}. A {@code yaml} block whose first line is
 * {@code # docs/examples/FILE...} shows that file.
 */
record GuideDocs(List<Block> blocks, List<Example> examples) {

    enum Needs { NOTHING, ROOT, MPI }

    /** One command: its arguments after {@code iovlab}, its expected exit code and output. */
    record Command(String source, List<String> args, int exit, boolean background, List<String> output) {
        @Override
        public String toString() {
            return source + ": $ iovlab " + String.join(" ", args);
        }
    }

    record Block(String source, Needs needs, List<Command> commands) {}

    /** A YAML block that shows {@code file} (relative to the repository). */
    record Example(String source, Path file, String text) {}

    private static final Pattern FENCE = Pattern.compile("^```(.*)$");
    private static final Pattern EXIT = Pattern.compile("#\\s*exit\\s+(\\d+)\\s*$");
    private static final Pattern EXAMPLE = Pattern.compile("^# (docs/examples/[A-Za-z0-9._-]+)");

    /** Reads every {@code docs/*.md} under {@code repo}. */
    static GuideDocs read(Path repo) {
        List<Block> blocks = new ArrayList<>();
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(repo.resolve("docs"))) {
            for (Path md : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                parse(repo.relativize(md).toString(), Files.readAllLines(md, StandardCharsets.UTF_8), blocks, examples);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GuideDocs(List.copyOf(blocks), List.copyOf(examples));
    }

    static void parse(String file, List<String> lines, List<Block> blocks, List<Example> examples) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) continue;
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).startsWith("```")) end++;
            if (end == lines.size()) throw new IllegalStateException(file + ":" + (i + 1) + ": unclosed code block");
            List<String> body = lines.subList(start, end);
            String[] info = open.group(1).trim().split("\\s+");
            String where = file + ":" + (i + 1);
            if (info[0].equals("sh")) blocks.add(block(file, start, info, body));
            else if (info[0].equals("yaml") && !body.isEmpty()) {
                Matcher m = EXAMPLE.matcher(body.get(0));
                if (m.find()) examples.add(new Example(where, Path.of(m.group(1)), String.join("\n", body) + "\n"));
            }
            i = end;
        }
    }

    private static Block block(String file, int firstLine, String[] info, List<String> body) {
        String where = file + ":" + firstLine;
        if (info.length > 2) throw new IllegalStateException(where + ": sh block info string has more than one word after sh");
        Needs needs = info.length == 1 ? Needs.NOTHING : switch (info[1]) {
            case "root" -> Needs.ROOT;
            case "mpi" -> Needs.MPI;
            default -> throw new IllegalStateException(where + ": unknown sh block kind '" + info[1] + "' (root or mpi)");
        };
        List<Command> commands = new ArrayList<>();
        String source = null;
        String line = null;
        List<String> output = new ArrayList<>();
        for (int k = 0; k < body.size(); k++) {
            String l = body.get(k);
            if (l.startsWith("$")) {
                if (line != null) commands.add(command(source, line, output));
                if (!l.startsWith("$ iovlab ")) {
                    throw new IllegalStateException(file + ":" + (firstLine + k + 1) + ": only `$ iovlab ...` commands may be shown in sh blocks: " + l);
                }
                source = file + ":" + (firstLine + k + 1);
                line = l.substring("$ iovlab ".length());
                output = new ArrayList<>();
            } else {
                if (line == null) throw new IllegalStateException(file + ":" + (firstLine + k + 1) + ": output before any command: " + l);
                output.add(l);
            }
        }
        if (line != null) commands.add(command(source, line, output));
        if (commands.isEmpty()) throw new IllegalStateException(where + ": sh block without a `$ iovlab` command");
        return new Block(where, needs, List.copyOf(commands));
    }

    private static Command command(String source, String line, List<String> output) {
        int exit = 0;
        int hash = commentStart(line);
        if (hash >= 0) {
            Matcher m = EXIT.matcher(line.substring(hash));
            if (!m.find()) throw new IllegalStateException(source + ": the only comment allowed after a command is `# exit N`");
            exit = Integer.parseInt(m.group(1));
            line = line.substring(0, hash);
        }
        line = line.strip();
        boolean background = line.endsWith(" &");
        if (background) line = line.substring(0, line.length() - 2).strip();
        return new Command(source, words(source, line), exit, background, List.copyOf(output));
    }

    /** Index of a shell comment ({@code #} at the start of a word, outside quotes), or -1. */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Splits a command line into words as a POSIX shell would for the plain lines the guide
     * uses: blanks separate words, quotes group. Anything that would make the shell do more
     * (expansion, redirection, pipes, globbing) is refused, so each line means the same typed
     * into a shell as it does here.
     */
    static List<String> words(String source, String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else w.append(c);
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) out.add(w.toString());
                w.setLength(0);
                inWord = false;
            } else if ("$`|;&<>*?\\(){}[]~!".indexOf(c) >= 0) {
                throw new IllegalStateException(source + ": '" + c + "' in a guide command; keep commands literal: " + line);
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (quote != 0) throw new IllegalStateException(source + ": unclosed quote: " + line);
        if (inWord) out.add(w.toString());
        return List.copyOf(out);
    }
}
