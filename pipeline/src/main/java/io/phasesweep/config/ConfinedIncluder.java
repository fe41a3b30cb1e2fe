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

    ConfinedIncluder(Path configFile) {
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
            throw new ConfigError("include \"" + what + "\": no such file next to the config (" + target + ")");
        }
        if (!real.startsWith(root)) {
            throw new ConfigError("include \"" + what + "\": only files under " + root + " may be included");
        }
        return ConfigFactory.parseFile(real.toFile(), ConfigParseOptions.defaults().setAllowMissing(false)
                .setIncluder(this)).root();
    }

    @Override
    public ConfigObject includeURL(ConfigIncludeContext context, URL what) {
        throw new ConfigError("include url(" + what + "): a sweep file may include only files next to it");
    }

    @Override
    public ConfigObject includeResources(ConfigIncludeContext context, String what) {
        throw new ConfigError("include classpath(" + what + "): a sweep file may include only files next to it");
    }
}
