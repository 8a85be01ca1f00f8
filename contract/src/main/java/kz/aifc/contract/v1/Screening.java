package kz.aifc.contract.v1;

import java.math.BigDecimal;
import java.util.List;

/** Results of the firm's sanctions and blockchain-analytics screening of a transaction. */
public record Screening(
        Boolean sanctionsHit,
        String sanctionsList,
        BigDecimal matchScore,
        Integer walletRiskScore,
        List<Exposure> exposures) {

    public Screening {
        Checks.present(sanctionsHit, "sanctionsHit");
        Checks.percentage(matchScore, "matchScore");
        Checks.between(walletRiskScore, 0, 100, "walletRiskScore");
        exposures = Checks.listOrEmpty(exposures, "exposures");
    }
}
