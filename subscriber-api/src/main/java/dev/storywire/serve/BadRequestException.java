package dev.storywire.serve;

/** A request the API refuses with 400: names the parameter (or header) and says what is wrong with its value. */
public final class BadRequestException extends RuntimeException {

    private final String parameter;

    public BadRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
