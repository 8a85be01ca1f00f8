package kz.aifc.simulator.traffic;

import java.util.List;
import java.util.SplittableRandom;

/** Counterparty exchanges (VASPs) the firms transfer with; invented names in ordinary jurisdictions. */
final class Vasps {

    record Vasp(String id, String name, String jurisdiction, boolean offshore) {
    }

    /** Counterparties with due diligence done, none in a high-risk or offshore jurisdiction. */
    static final List<Vasp> ORDINARY = List.of(
            new Vasp("VASP-KZ-01", "Qazaq Crypto Exchange LLP", "KZ", false),
            new Vasp("VASP-KZ-02", "Astana Digital Markets Ltd", "KZ", false),
            new Vasp("VASP-AE-07", "Emirates Digital Assets FZE", "AE", false),
            new Vasp("VASP-GB-12", "Albion Crypto Ltd", "GB", false),
            new Vasp("VASP-SG-03", "Merlion Digital Pte Ltd", "SG", false),
            new Vasp("VASP-DE-05", "Rhein Krypto GmbH", "DE", false),
            new Vasp("VASP-CH-02", "Alpine Digital AG", "CH", false),
            new Vasp("VASP-US-09", "Liberty Coin Inc", "US", false),
            new Vasp("VASP-KR-04", "Han River Exchange Co", "KR", false));

    /** Registered in offshore zones; a transfer of KZT 5,000,000 or more with one is a threshold report. */
    static final List<Vasp> OFFSHORE = List.of(
            new Vasp("VASP-SC-02", "Mahe Crypto Ltd", "SC", true),
            new Vasp("VASP-PA-01", "Isthmus Digital Corp", "PA", true));

    /** Not yet through the firm's counterparty due diligence (AML 11-2.1). */
    static final Vasp UNVETTED = new Vasp("VASP-NEW-31", "Nova Swap Ltd", "AE", false);

    /** Jurisdictions from the FATF lists (DESIGN.md G7); a customer there without EDD is AML-008. */
    static final List<String> HIGH_RISK_COUNTRIES = List.of("MM", "SY", "LB", "VE", "YE", "HT");

    private Vasps() {
    }

    static Vasp ordinary(SplittableRandom rnd) {
        return Names.pick(rnd, ORDINARY);
    }
}
