package kz.aifc.aml.reports;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import kz.aifc.aml.cases.AfsaNotices;
import kz.aifc.aml.cases.Cases.CaseView;
import kz.aifc.platform.report.DraftFormat;
import kz.aifc.platform.report.DraftLabels;

/**
 * The printable drafts (Accept: text/html): Qute templates under templates/DraftDocuments, worded by AmlMessages in
 * the language asked for, over typed views of the JSON drafts. Qute escapes every value, so payload text and MLRO
 * reasons cannot add markup.
 */
@ApplicationScoped
public class DraftDocuments {

    /** The sections of the STR, in the order the FIU reads them (Law 191-IV Art. 10(2): Kazakh or Russian). */
    static final List<String> STR_LANGUAGES = List.of("ru", "kk", "en");

    /** The labels of the drafts' facts (FactLabels.properties, _ru, _kk) with those every draft shares. */
    static final String FACT_LABELS = AfsaNotices.FACT_LABELS;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance strDraft(DraftViews.Str str, List<DraftViews.StrSection> sections,
                StrDraft.NoticeRendering notice);

        static native TemplateInstance afsaNotice(DraftViews.Str str, StrDraft.NoticeRendering notice);

        static native TemplateInstance thresholdReports(DraftViews.Threshold threshold);

        static native TemplateInstance annualReturn(DraftViews.Annual annual);
    }

    /**
     * The STR: a full section each in Russian, Kazakh and English (whatever {@code locale}), each printing the
     * rendering the JSON carries for its language, then the AFSA notice; {@code locale} words the front matter and
     * the notice.
     */
    public String strDraft(CaseView c, StrDraft draft, Locale locale) {
        DraftViews.Str str = DraftViews.Str.of(c, draft, locale);
        List<DraftViews.StrSection> sections = STR_LANGUAGES.stream()
                .map(lang -> new DraftViews.StrSection(lang, messages(lang), draft.renderings().of(lang))).toList();
        String lang = DraftFormat.language(locale);
        return Templates.strDraft(str, sections, draft.renderings().of(lang).afsaNotice()).setLocale(locale).render();
    }

    /** The AFSA notice of a case alone, in the language asked for (the case desk prints it apart from the STR). */
    public String afsaNotice(CaseView c, StrDraft draft, Locale locale) {
        DraftViews.Str str = DraftViews.Str.of(c, draft, locale);
        return Templates.afsaNotice(str, draft.renderings().of(DraftFormat.language(locale)).afsaNotice())
                .setLocale(locale).render();
    }

    public String thresholdReports(ThresholdDraft draft, Locale locale) {
        return Templates.thresholdReports(DraftViews.Threshold.of(draft, locale)).setLocale(locale).render();
    }

    public String annualReturn(AnnualReturnDraft draft, Locale locale) {
        return Templates.annualReturn(DraftViews.Annual.of(draft, locale)).setLocale(locale).render();
    }

    /** The fact labels of one language. */
    static DraftLabels labels(Object lang) {
        return DraftLabels.of(FACT_LABELS, lang);
    }

    /** The bundle of one language: en is the default bundle, ru and kk its localized files. */
    static AmlMessages messages(String lang) {
        return "en".equals(lang) ? MessageBundles.get(AmlMessages.class)
                : MessageBundles.get(AmlMessages.class, Localized.Literal.of(lang));
    }
}
