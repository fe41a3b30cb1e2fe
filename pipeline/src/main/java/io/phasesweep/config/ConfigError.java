package io.phasesweep.config;

/** A problem with the user's input; the message is one line, led by file:line where known. */
public final class ConfigError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigError(String message) {
        super(message);
    }
}
