package org.iovlab.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.iovlab.results.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes result files atomically ({@link AtomicFiles}), a failure as a failed run. */
final class Results {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Results() {}

    static void writeJson(Path file, Object value) {
        try {
            AtomicFiles.write(file, MAPPER.writeValueAsBytes(value));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new RunFailedException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static void writeText(Path file, String text) {
        try {
            AtomicFiles.write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.UncheckedIOException e) {
            throw new RunFailedException(e.getMessage(), e);
        }
    }
}
