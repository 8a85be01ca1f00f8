package kz.aifc.contract.v1;

/** What happened to a person that made the firm send a staff event. */
public enum StaffChangeKind {
    APPOINTED,
    DEPARTED,
    ROLES_CHANGED,
    RESIDENCY_CHANGED,
    APPROVAL_CHANGED,
    DISCLOSURE
}
