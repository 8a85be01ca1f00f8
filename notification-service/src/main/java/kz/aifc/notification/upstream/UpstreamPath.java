package kz.aifc.notification.upstream;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A path on one upstream service as the desk asks for it, checked before anything is sent: relative, no empty, dot or
 * dot-dot segments (encoded ones included), no encoded slash or backslash, no control characters, only URI path and
 * query characters; the target must stay on the configured service (same scheme, host and port, under its base path).
 */
public final class UpstreamPath {

    private static final int MAX_LENGTH = 2000;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%-]+");
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*");

    private UpstreamPath() {
    }

    /**
     * The URL to call for {@code rawPath} (as received, still percent-encoded, without a leading slash) and
     * {@code rawQuery} (or null) on the service at {@code base}; empty when the path is refused.
     */
    public static Optional<URI> resolve(URI base, String rawPath, String rawQuery) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.length() > MAX_LENGTH
                || (rawQuery != null && (rawQuery.length() > MAX_LENGTH || !QUERY.matcher(rawQuery).matches()))) {
            return Optional.empty();
        }
        for (String segment : rawPath.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || !plain(segment)) {
                return Optional.empty();
            }
        }
        String basePath = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        String prefix = basePath.endsWith("/") ? basePath : basePath + "/";
        URI target;
        try {
            target = new URI(base.getScheme() + "://" + base.getRawAuthority() + prefix + rawPath
                    + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        boolean sameService = base.getScheme().equals(target.getScheme()) && base.getHost().equals(target.getHost())
                && base.getPort() == target.getPort() && target.getRawPath().startsWith(prefix)
                && target.normalize().getRawPath().equals(target.getRawPath());
        return sameService ? Optional.of(target) : Optional.empty();
    }

    /** A segment that decodes to itself as one segment: not "." or "..", no slash, backslash or control character. */
    private static boolean plain(String segment) {
        String decoded;
        try {
            decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (decoded.equals(".") || decoded.equals("..")) {
            return false;
        }
        return decoded.chars().noneMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f);
    }
}
