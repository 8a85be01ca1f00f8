package kz.aifc.platform.rules;

/** A rulebook that cannot be applied, with the path of what is wrong: the service refuses to start with it. */
public class RulebookException extends IllegalStateException {

    public RulebookException(String message) {
        super(message);
    }
}
