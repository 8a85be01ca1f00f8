package kz.aifc.platform.report;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

import kz.aifc.platform.api.ProblemException;

/**
 * The language of a printable draft: {@code ?lang=ru|kk|en} when given, else the first of those the caller's
 * {@code Accept-Language} names, else English. Russian and Kazakh are the languages of filings with the FIU; English
 * is the AIFC's.
 */
public final class DraftLanguage {

    /** The languages every draft is printed in. */
    public static final List<String> SUPPORTED = List.of("en", "ru", "kk");

    private DraftLanguage() {
    }

    /** The language a request asks for; a {@code lang} other than ru, kk or en is a 400 naming {@code lang}. */
    public static Locale of(String lang, HttpHeaders headers) {
        return of(lang, headers.getAcceptableLanguages());
    }

    /** As {@link #of(String, HttpHeaders)}, with {@code acceptable} sorted by preference (quality first). */
    public static Locale of(String lang, List<Locale> acceptable) {
        if (lang != null) {
            String tag = lang.strip().toLowerCase(Locale.ROOT);
            if (!SUPPORTED.contains(tag)) {
                throw ProblemException.badRequest("lang", "must be ru, kk or en");
            }
            return Locale.forLanguageTag(tag);
        }
        for (Locale locale : acceptable) {
            // A wildcard (*) has no language: it accepts the default.
            if (SUPPORTED.contains(locale.getLanguage())) {
                return Locale.forLanguageTag(locale.getLanguage());
            }
        }
        return Locale.ENGLISH;
    }
}
