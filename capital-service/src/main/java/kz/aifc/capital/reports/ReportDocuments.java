package kz.aifc.capital.reports;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import kz.aifc.platform.report.DraftFormat;

/**
 * The printable reports (Accept: text/html): Qute templates under templates/ReportDocuments, worded by
 * CapitalMessages in the language asked for. Qute escapes every value.
 */
@ApplicationScoped
public class ReportDocuments {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance capitalPosition(ReportViews.Position p);

        static native TemplateInstance breachNotice(ReportViews.BreachNotice n);

        static native TemplateInstance quarterlyReturn(ReportViews.QuarterlyReturn q);
    }

    public String position(ReportViews.Position position, Locale locale) {
        return Templates.capitalPosition(position).setLocale(locale).render();
    }

    public String breachNotice(ReportViews.BreachNotice notice, Locale locale) {
        return Templates.breachNotice(notice).setLocale(locale).render();
    }

    public String quarterlyReturn(ReportViews.QuarterlyReturn quarterly, Locale locale) {
        return Templates.quarterlyReturn(quarterly).setLocale(locale).render();
    }

    /** ru or kk for a Russian or Kazakh locale (a Locale or a tag), else en. */
    static String language(Object locale) {
        return DraftFormat.language(locale);
    }
}
