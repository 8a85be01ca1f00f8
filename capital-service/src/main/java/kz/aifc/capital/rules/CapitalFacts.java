package kz.aifc.capital.rules;

import java.time.LocalDate;

import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.contract.v1.LicenceChanged;

/**
 * What the rules see for one firm at one evaluation.
 *
 * @param licence          the firm's latest licence event, null when none has been seen
 * @param current          the snapshot that sets the current position, null when none has arrived
 * @param previous         the position's snapshot before {@code current}, null when there is none or when the
 *                         evaluation was caused by a licence change (no new capital figures to compare)
 * @param reductionBaseline paid-up capital before an unapproved reduction that an open CAP-004 alert still
 *                         tracks, null when no such alert is open
 * @param evaluatedOn      the Almaty day of the evaluation, for the requirement of a firm with no snapshot yet (a
 *                         licence alone is held to the amounts in force now, not on the day it first took effect);
 *                         null to fall back to the licence's {@code effectiveFrom}
 */
public record CapitalFacts(String firmId, LicenceChanged licence, CapitalSnapshot current, CapitalSnapshot previous,
        PaidUpCapital reductionBaseline, LocalDate evaluatedOn) {

    public CapitalFacts(String firmId, LicenceChanged licence, CapitalSnapshot current, CapitalSnapshot previous,
            PaidUpCapital reductionBaseline) {
        this(firmId, licence, current, previous, reductionBaseline, null);
    }
}
