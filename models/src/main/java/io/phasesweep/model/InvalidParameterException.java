package io.phasesweep.model;

/** A parameter value, or a combination of values, that a model cannot run with. */
public final class InvalidParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter to blame (the config key to point the user at). */
    public String parameter() {
        return parameter;
    }
}
