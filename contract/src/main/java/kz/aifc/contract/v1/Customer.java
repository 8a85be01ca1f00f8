package kz.aifc.contract.v1;

/** The firm's customer in a screened transaction, with the due-diligence facts the AML rules need. */
public record Customer(
        String id,
        CustomerType type,
        String residency,
        RiskRating riskRating,
        Boolean pep,
        Boolean eddCompleted,
        Boolean retailClient,
        Boolean knowledgeTestPassed) {

    public Customer {
        Checks.text(id, "id");
        Checks.present(type, "type");
        Checks.country(residency, "residency");
        Checks.present(riskRating, "riskRating");
        Checks.present(pep, "pep");
        Checks.present(eddCompleted, "eddCompleted");
        Checks.present(retailClient, "retailClient");
        Checks.present(knowledgeTestPassed, "knowledgeTestPassed");
    }
}
