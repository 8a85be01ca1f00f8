package kz.aifc.licensing.rules;

/**
 * What a fit-and-proper finding adds to the rule kit's {@link kz.aifc.platform.rules.Finding}: the AFSA notification
 * it calls for, and whether it is {@code standing} (it lasts as long as the state that causes it, re-evaluated on
 * every change and resolved when gone) or a duty that one event triggered (a disclosure, a decrease notice), open
 * until the compliance team closes it.
 *
 * @param notification null for a configuration alert of this system (FP-010), which calls for no AFSA notification
 */
public record Obligation(NotificationKind notification, boolean standing) {
}
