package kz.aifc.capital.rules;

import kz.aifc.events.v1.CapitalSnapshot;
import kz.aifc.events.v1.LicenceChanged;

/**
 * What the rules see for one firm at one evaluation.
 *
 * @param licence          the firm's latest licence event, null when none has been seen
 * @param current          the snapshot that sets the current position, null when none has arrived
 * @param previous         the position's snapshot before {@code current}, null when there is none or when the
 *                         evaluation was caused by a licence change (no new capital figures to compare)
 * @param reductionBaseline paid-up capital before an unapproved reduction that an open CAP-004 alert still
 *                         tracks, null when no such alert is open
 */
public record CapitalFacts(String firmId, LicenceChanged licence, CapitalSnapshot current, CapitalSnapshot previous,
        PaidUpCapital reductionBaseline) {
}
