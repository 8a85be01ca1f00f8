package kz.aifc.platform.api;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * A NUL or other control character in a path id or a query parameter is a 400 naming the parameter, before any
 * resource runs: no id, firm or filter of this system contains one, and PostgreSQL refuses a NUL in text (the request
 * used to end in a 500).
 */
@Provider
@Priority(Priorities.USER - 100)
public class ControlCharacterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters());
        check(request.getUriInfo().getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
            for (String value : e.getValue()) {
                if (hasControlCharacter(value)) {
                    throw ProblemException.badRequest(e.getKey(), "control characters are not allowed");
                }
            }
        }
    }

    /** C0 controls (NUL, tab, line breaks …), DEL and the C1 controls. */
    static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
