package kz.aifc.notification.upstream;

/**
 * The page a person sees in a browser tab instead of an upstream service's problem document: plain words, nothing of
 * the service's own answer (no ids, firm names or internals), a way back to the desk.
 */
public final class RefusalPage {

    private RefusalPage() {
    }

    /** For an upstream 401, 403 or 404: the document is not there for this person (which of the two is not said). */
    public static String notEntitled(String service) {
        String why = "aml".equals(service)
                ? "<p>Money laundering cases and STR drafts open only for the firm's MLRO and for the regulator: nobody"
                        + " else may learn that a report is being considered (the tipping-off rule of the AIFC AML"
                        + " Rules and Law 191-IV).</p>"
                : "";
        return page("You are not entitled to this document",
                "<p>Your sign-in does not give you this document, or there is no such document.</p>" + why
                        + "<p>If your work needs it, ask your MLRO or your administrator.</p>");
    }

    /** For an upstream service that did not answer. */
    public static String unavailable() {
        return page("This document cannot be opened right now",
                "<p>The service that keeps it did not answer. Try again in a minute; if it keeps happening, tell your"
                        + " administrator.</p>");
    }

    private static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + title
                + "</title>\n<link rel=\"stylesheet\" href=\"/app.css\">\n</head>\n<body>\n<main class=\"refusal\">\n<h1>"
                + title + "</h1>\n" + body + "\n<p><a href=\"/\">Back to the alert desk</a></p>\n</main>\n</body>\n</html>\n";
    }
}
