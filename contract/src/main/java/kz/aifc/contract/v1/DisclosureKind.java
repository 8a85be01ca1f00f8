package kz.aifc.contract.v1;

/** Kind of fitness-relevant matter a person disclosed. */
public enum DisclosureKind {
    BANKRUPTCY,
    SERIOUS_CRIMINAL_CONVICTION,
    ADMINISTRATIVE_OR_CIVIL_FINDING,
    INCAPACITY,
    OTHER_MATERIAL_CHANGE
}
