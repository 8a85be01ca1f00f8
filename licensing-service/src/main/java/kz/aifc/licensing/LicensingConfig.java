package kz.aifc.licensing;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** licensing-service settings that are not rule parameters (those live in rulebook.json). */
@ConfigMapping(prefix = "aifc.licensing")
public interface LicensingConfig {

    /** Topic the licence register publishes {@code kz.aifc.licence.changed.v1} to (compacted, keyed by firm id). */
    @WithName("licences-topic")
    String licencesTopic();

    /** FP-006: DATF role combinations AFSA approved in writing, as {@code firmId:personId} (the event has no such field). */
    @WithName("fp006.approved-combinations")
    Optional<List<String>> approvedCombinations();
}
