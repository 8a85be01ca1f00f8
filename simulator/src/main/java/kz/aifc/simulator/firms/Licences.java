package kz.aifc.simulator.firms;

import java.util.List;
import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.LicenceChanged;

/** The firms' licence registrations as one JSON array, for the run script to POST to licensing-service. */
public final class Licences {

    private Licences() {
    }

    public static List<LicenceChanged> of(List<FirmProfile> firms) {
        return firms.stream().map(FirmProfile::licence).toList();
    }

    /** Written with the contract's own mapper, so dates and names match what licensing-service reads. */
    public static String json(List<FirmProfile> firms) {
        return CloudEventCodec.toJson(of(firms));
    }
}
