package kz.aifc.simulator;

/** The command line is wrong; the message says which option and why, and the simulator exits with status 2. */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
