package io.phasesweep.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What an output path may be: a local path, or the URI of any Hadoop file system
 * ({@code hdfs://namenode:8020/sweeps/x}, {@code s3a://bucket/x}); literal everywhere it goes.
 * Hadoop, under Spark's Parquet reader and writer, reads {@code * ? [ ] { }} and {@code \} in a
 * path as a glob pattern ({@code out/z*} once pulled another sweep's chunks into a table), so such
 * paths are refused, as are names longer than file systems take.
 */
public final class OutputPath {
    /** POSIX file systems' limit on one name, in bytes. */
    static final int MAX_NAME_BYTES = 255;
    /** PATH_MAX is 4096; the deepest file phasesweep writes adds about 200 bytes to the output path. */
    static final int MAX_PATH_BYTES = 3800;
    private static final String GLOB = "*?[]{}\\";
    /** A scheme of two letters or more, then a colon and a slash: a URI, not a path (nor a Windows drive). */
    private static final java.util.regex.Pattern URI = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:/.*");
    /** Scheme, authority (after //, may be empty) and path of a URI. */
    private static final java.util.regex.Pattern PARTS = java.util.regex.Pattern.compile(
            "([A-Za-z][A-Za-z0-9+.-]+):(?://([^/]*))?(/.*)?");

    private OutputPath() {
    }

    /** The local path {@code text} names: itself, or a {@code file:} URI's path; empty for any other file system. */
    public static Optional<Path> localPath(String text) {
        if (!isUri(text)) {
            return Optional.of(Path.of(text));
        }
        java.util.regex.Matcher m = PARTS.matcher(text);
        return m.matches() && m.group(1).equalsIgnoreCase("file") && m.group(3) != null
                ? Optional.of(Path.of(m.group(3))) : Optional.empty();
    }

    /** Whether {@code text} is a URI with a scheme ({@code hdfs://...}, {@code file:/...}) rather than a plain path. */
    public static boolean isUri(String text) {
        return URI.matcher(text).matches();
    }

    /**
     * The output directory: output.dir (or --out), else out/NAME; a local path or a file system URI
     * that can be written literally.
     */
    static String read(TypedValues values, String sweepName) {
        if (values.has("output")) {
            // A misspelt key here would silently send a sweep to out/NAME.
            values.requireObject("output");
            values.checkKeys(values.config().getObject("output"), "output.", Reference.keys("output"));
        }
        String key = values.has("output.dir") ? "output.dir" : "sweep.name";
        String text = values.has("output.dir") ? values.string("output.dir") : "out/" + sweepName;
        problem(text).ifPresent(why -> {
            throw values.error(key, why);
        });
        return text;
    }

    /** Why {@code text}, a path or a URI, cannot be an output directory, or empty if it can. */
    public static Optional<String> problem(String text) {
        if (!isUri(text)) {
            try {
                return problem(Path.of(text));
            } catch (java.nio.file.InvalidPathException e) {
                return Optional.of("'" + text + "' is not a path: " + e.getReason());
            }
        }
        java.util.regex.Matcher m = PARTS.matcher(text);
        if (!m.matches() || m.group(3) == null) {
            return Optional.of("'" + text + "' has no absolute path after its scheme and authority");
        }
        if (m.group(1).equalsIgnoreCase("file")) {
            return problem(Path.of(m.group(3)));
        }
        return literal(text, m.group(3), java.util.Arrays.asList(m.group(3).split("/")));
    }

    /** Why {@code dir} cannot be an output directory, or empty if it can. */
    public static Optional<String> problem(Path dir) {
        String abs = dir.toAbsolutePath().normalize().toString();
        List<String> names = new java.util.ArrayList<>();
        dir.toAbsolutePath().normalize().forEach(n -> names.add(n.toString()));
        return literal(abs, abs, names);
    }

    /** Why the path {@code abs} (of {@code shown}) is no literal output path: a glob character, a name or the whole too long. */
    private static Optional<String> literal(String shown, String abs, List<String> names) {
        for (char c : GLOB.toCharArray()) {
            if (shown.indexOf(c) >= 0) {
                return Optional.of("'" + shown + "' contains '" + c + "', which Spark's file reader would take as a"
                        + " pattern; choose a path without any of * ? [ ] { } \\");
            }
        }
        for (String name : names) {
            int bytes = name.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_NAME_BYTES) {
                return Optional.of("the name '" + name.substring(0, 40) + "...' is " + bytes
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
