package kz.aifc.licensing.rules;

import java.util.List;
import java.util.Set;

/**
 * Everything the standing FP rules look at for one firm: whether its licence includes operating a DATF, its
 * people, its controllers, and the role combinations AFSA approved (configured, FP-006).
 */
public record FirmFacts(String firmId, boolean datf, List<PersonState> people, List<ControllerState> controllers,
        Set<String> approvedCombinations) {

    public FirmFacts {
        people = List.copyOf(people);
        controllers = List.copyOf(controllers);
        approvedCombinations = Set.copyOf(approvedCombinations);
    }
}
