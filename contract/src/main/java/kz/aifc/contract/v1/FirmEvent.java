package kz.aifc.contract.v1;

/**
 * A payload a firm sends about itself: capital snapshots, screened transactions, staff and controller changes. Its
 * {@link #firmId()} is the firm the event speaks for, which a firm lane (contract/README.md §1, "Firm lanes") checks.
 */
public interface FirmEvent {

    /** The firm the event is about and speaks for. */
    String firmId();
}
