package kz.aifc.simulator;

/** A run cannot go on (no broker, a file that cannot be written); the simulator exits with status 1. */
public class SimulatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SimulatorException(String message) {
        super(message);
    }

    public SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
