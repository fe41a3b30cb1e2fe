package io.phasesweep.config;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderClasspath;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigIncluderURL;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets a sweep file {@code include} other files only from its own directory tree: a config is
 * data, so it may not pull in URLs, classpath resources, or files elsewhere on the machine.
 */
final class ConfinedIncluder implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {
    /** Deeper nesting than this is refused: no sweep needs it, and it would end in a stack overflow. */
    static final int MAX_DEPTH = 16;

    private final Path root;
    private final Path configFile;
    /** The files being read, outermost first: an include of one of them is a cycle. */
    private final java.util.Deque<Path> reading = new java.util.ArrayDeque<>();

    ConfinedIncluder(Path configFile) {
        this.configFile = configFile;
        try {
            this.root = configFile.toAbsolutePath().getParent().toRealPath();
            reading.addLast(configFile.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ConfigIncluder withFallback(ConfigIncluder fallback) {
        return this;
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String what) {
        return includeFile(context, new File(what));
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, File what) {
        // Relative to the including file, as HOCON defines it; confined to the config's tree either way.
        Path from = reading.size() <= 1 ? root : reading.peekLast().getParent();
        Path target = (what.isAbsolute() ? what.toPath() : from.resolve(what.toPath())).normalize();
        Path real;
        try {
            real = target.toRealPath();
        } catch (IOException e) {
            throw new ConfigError(where(what.toString()) + "include \"" + what + "\": no such file next to the config (" + target + ")");
        }
        if (!real.startsWith(root)) {
            throw new ConfigError(where(what.toString()) + "include \"" + what + "\": only files under " + root + " may be included");
        }
        if (reading.contains(real)) {
            List<String> cycle = new ArrayList<>(reading.stream().dropWhile(p -> !p.equals(real))
                    .map(p -> root.relativize(p).toString()).toList());
            cycle.add(root.relativize(real).toString());
            throw new ConfigError(where(what.toString()) + "include \"" + what + "\": an include cycle: "
                    + String.join(" -> ", cycle));
        }
        if (reading.size() > MAX_DEPTH) {
            throw new ConfigError(where(what.toString()) + "include \"" + what + "\": includes nested more than "
                    + MAX_DEPTH + " deep");
        }
        reading.addLast(real);
        try {
            return ConfigFactory.parseFile(real.toFile(), ConfigParseOptions.defaults().setAllowMissing(false)
                    .setIncluder(this)).root();
        } finally {
            reading.removeLast();
        }
    }

    @Override
    public ConfigObject includeURL(ConfigIncludeContext context, URL what) {
        throw new ConfigError(where(what.toString()) + "include url(" + what + "): a sweep file may include only files next to it");
    }

    @Override
    public ConfigObject includeResources(ConfigIncludeContext context, String what) {
        throw new ConfigError(where(what) + "include classpath(" + what + "): a sweep file may include only files next to it");
    }

    /**
     * "file:line: " of the include statement naming {@code what} in the file being read (Typesafe
     * Config does not pass the include's position to an includer, so the statement is looked up).
     */
    private String where(String what) {
        Path including = reading.size() <= 1 ? configFile : reading.peekLast();
        try {
            List<String> lines = java.nio.file.Files.readAllLines(including);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("include") && lines.get(i).contains(what)) {
                    return including + ":" + (i + 1) + ": ";
                }
            }
        } catch (IOException e) {
            // Fall through: the message without a line is still accurate.
        }
        return including + ": ";
    }
}
