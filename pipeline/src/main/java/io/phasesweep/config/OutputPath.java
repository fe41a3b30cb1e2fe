package io.phasesweep.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What an output path may be: literal everywhere it goes. Hadoop, under Spark's Parquet reader
 * and writer, reads {@code * ? [ ] { }} and {@code \} in a path as a glob pattern ({@code out/z*}
 * once pulled another sweep's chunks into a table), so such paths are refused, as are names longer
 * than file systems take.
 */
public final class OutputPath {
    /** POSIX file systems' limit on one name, in bytes. */
    static final int MAX_NAME_BYTES = 255;
    /** PATH_MAX is 4096; the deepest file phasesweep writes adds about 200 bytes to the output path. */
    static final int MAX_PATH_BYTES = 3800;
    private static final String GLOB = "*?[]{}\\";

    private OutputPath() {
    }

    /** The output directory: output.dir (or --out), else out/NAME; a path that can be written literally. */
    static Path read(TypedValues values, String sweepName) {
        if (values.has("output")) {
            // A misspelt key here would silently send a sweep to out/NAME.
            values.requireObject("output");
            values.checkKeys(values.config().getObject("output"), "output.", Reference.keys("output"));
        }
        String key = values.has("output.dir") ? "output.dir" : "sweep.name";
        String text = values.has("output.dir") ? values.string("output.dir") : "out/" + sweepName;
        Path out;
        try {
            out = Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw values.error(key, "'" + text + "' is not a path: " + e.getReason());
        }
        problem(out).ifPresent(why -> {
            throw values.error(key, why);
        });
        return out;
    }

    /** Why {@code dir} cannot be an output directory, or empty if it can. */
    public static Optional<String> problem(Path dir) {
        String abs = dir.toAbsolutePath().normalize().toString();
        for (char c : GLOB.toCharArray()) {
            if (abs.indexOf(c) >= 0) {
                return Optional.of("'" + abs + "' contains '" + c + "', which Spark's file reader would take as a"
                        + " pattern; choose a path without any of * ? [ ] { } \\");
            }
        }
        for (Path name : dir.toAbsolutePath().normalize()) {
            int bytes = name.toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_NAME_BYTES) {
                return Optional.of("the name '" + name.toString().substring(0, 40) + "...' is " + bytes
                        + " bytes long; file systems take at most " + MAX_NAME_BYTES);
            }
        }
        int bytes = abs.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PATH_BYTES) {
            return Optional.of("the path is " + bytes + " bytes long; at most " + MAX_PATH_BYTES
                    + " leave room for the files phasesweep writes below it");
        }
        return Optional.empty();
    }
}
