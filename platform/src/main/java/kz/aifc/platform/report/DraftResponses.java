package kz.aifc.platform.report;

import java.util.List;
import java.util.function.Supplier;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Drafted reports answer JSON, and a printable HTML document on {@code Accept: text/html} (contract/README.md §2). */
public final class DraftResponses {

    private DraftResponses() {
    }

    /** The draft as JSON, or as the HTML {@code html} renders when the caller prefers it (a browser). */
    public static Response answer(HttpHeaders headers, Object json, Supplier<String> html) {
        if (prefersHtml(headers.getAcceptableMediaTypes())) {
            return Response.ok(html.get(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * HTML only when the caller prefers it to JSON; the first acceptable type decides (the list comes sorted by
     * quality), and a wildcard, like a missing header, means JSON.
     */
    public static boolean prefersHtml(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
