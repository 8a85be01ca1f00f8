package kz.aifc.platform.testapp;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import kz.aifc.platform.security.FirmAccess;

/** A firm's data behind FirmAccess, as a service's resources guard theirs; exists only in the test application. */
@Path("/test/firms/{firmId}/records")
@Authenticated
public class FirmRecordsResource {

    private final FirmAccess access;

    FirmRecordsResource(FirmAccess access) {
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> read(@PathParam("firmId") String firmId) {
        access.requireRead(firmId);
        return Map.of("firmId", firmId, "access", "read");
    }

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> write(@PathParam("firmId") String firmId) {
        access.requireWrite(firmId);
        return Map.of("firmId", firmId, "access", "write");
    }
}
