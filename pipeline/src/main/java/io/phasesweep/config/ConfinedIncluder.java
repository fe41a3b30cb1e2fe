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

/**
 * Lets a sweep file {@code include} other files only from its own directory tree: a config is
 * data, so it may not pull in URLs, classpath resources, or files elsewhere on the machine.
 */
final class ConfinedIncluder implements ConfigIncluder, ConfigIncluderFile, ConfigIncluderURL, ConfigIncluderClasspath {
    private final Path root;
    private final Path configFile;

    ConfinedIncluder(Path configFile) {
        this.configFile = configFile;
        try {
            this.root = configFile.toAbsolutePath().getParent().toRealPath();
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
        Path target = (what.isAbsolute() ? what.toPath() : root.resolve(what.toPath())).normalize();
        Path real;
        try {
            real = target.toRealPath();
        } catch (IOException e) {
            throw new ConfigError(where(what.toString()) + "include \"" + what + "\": no such file next to the config (" + target + ")");
        }
        if (!real.startsWith(root)) {
            throw new ConfigError(where(what.toString()) + "include \"" + what + "\": only files under " + root + " may be included");
        }
        return ConfigFactory.parseFile(real.toFile(), ConfigParseOptions.defaults().setAllowMissing(false)
                .setIncluder(this)).root();
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
     * "file:line: " of the include statement naming {@code what} (Typesafe Config does not pass the
     * include's position to an includer, so the statement is looked up in the config file).
     */
    private String where(String what) {
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(configFile);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("include") && lines.get(i).contains(what)) {
                    return configFile + ":" + (i + 1) + ": ";
                }
            }
        } catch (IOException e) {
            // Fall through: the message without a line is still accurate.
        }
        return configFile + ": ";
    }
}
