package kz.aifc.aml.reports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import kz.aifc.aml.cases.Cases.CaseView;

/**
 * The printable drafts (Accept: text/html): Qute templates under templates/DraftDocuments, worded by AmlMessages in
 * the language asked for, over typed views of the JSON drafts. Qute escapes every value, so payload text and MLRO
 * reasons cannot add markup.
 */
@ApplicationScoped
public class DraftDocuments {

    /** The sections of the STR, in the order the FIU reads them (Law 191-IV Art. 10(2): Kazakh or Russian). */
    static final List<String> STR_LANGUAGES = List.of("ru", "kk", "en");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance strDraft(DraftViews.Str str, List<DraftViews.StrSection> sections);

        static native TemplateInstance thresholdReports(DraftViews.Threshold threshold);

        static native TemplateInstance annualReturn(DraftViews.Annual annual);
    }

    /**
     * The STR: a full section each in Russian, Kazakh and English (whatever {@code locale}), then the AFSA notice;
     * {@code locale} words the front matter and the notice.
     */
    public String strDraft(CaseView c, StrDraft draft, Locale locale) {
        DraftViews.Str str = DraftViews.Str.of(draft, c.customerId(), c.ruleIds());
        List<DraftViews.StrSection> sections = STR_LANGUAGES.stream().map(lang -> {
            Map<String, String> byRule = new HashMap<>();
            draft.renderings().of(lang).indicators().forEach(i -> byRule.put(i.ruleId(), i.indicator()));
            return new DraftViews.StrSection(lang, messages(lang), str.indicators().stream()
                    .map(i -> new DraftViews.NamedIndicator(byRule.get(i.ruleId()), i)).toList());
        }).toList();
        return Templates.strDraft(str, sections).setLocale(locale).render();
    }

    public String thresholdReports(ThresholdDraft draft, Locale locale) {
        return Templates.thresholdReports(DraftViews.Threshold.of(draft)).setLocale(locale).render();
    }

    public String annualReturn(AnnualReturnDraft draft, Locale locale) {
        return Templates.annualReturn(DraftViews.Annual.of(draft)).setLocale(locale).render();
    }

    /** The bundle of one language: en is the default bundle, ru and kk its localized files. */
    static AmlMessages messages(String lang) {
        return "en".equals(lang) ? MessageBundles.get(AmlMessages.class)
                : MessageBundles.get(AmlMessages.class, Localized.Literal.of(lang));
    }
}
