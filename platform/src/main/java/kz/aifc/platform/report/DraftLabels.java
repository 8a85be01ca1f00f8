package kz.aifc.platform.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The words of a draft in its language: a service's labels bundle ({@code <base>.properties} in English, {@code
 * <base>_ru} and {@code <base>_kk}), then the labels every draft shares ({@code kz.aifc.platform.report.DraftLabels}).
 * A field is {@code key=label}, how its value prints {@code key.kind=…} (see {@link DraftFacts}), and a coded value
 * {@code value.CODE=words}. The JVM's default locale never chooses the bundle.
 */
public final class DraftLabels {

    private static final String SHARED = "kz.aifc.platform.report.DraftLabels";
    private static final ResourceBundle.Control EXACT = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final List<ResourceBundle> bundles;
    private final Locale locale;

    private DraftLabels(List<ResourceBundle> bundles, Locale locale) {
        this.bundles = bundles;
        this.locale = locale;
    }

    /** The labels of {@code baseName} (a class-path bundle of the caller's module) and the shared ones, in a language. */
    public static DraftLabels of(String baseName, Object locale) {
        Locale lang = DraftFormat.locale(locale);
        ClassLoader loader = DraftLabels.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return new DraftLabels(List.of(bundle(baseName, lang, context == null ? loader : context),
                bundle(SHARED, lang, loader)), lang);
    }

    /** The shared labels only. */
    public static DraftLabels shared(Object locale) {
        Locale lang = DraftFormat.locale(locale);
        return new DraftLabels(List.of(bundle(SHARED, lang, DraftLabels.class.getClassLoader())), lang);
    }

    private static ResourceBundle bundle(String baseName, Locale locale, ClassLoader loader) {
        return ResourceBundle.getBundle(baseName, locale, loader, EXACT);
    }

    /**
     * The labels of {@code baseName}'s English bundle that its {@code lang} bundle does not word itself (and so would
     * print in English): empty when the translation is complete. Kinds ({@code .kind}) are language-free.
     */
    public static SortedSet<String> untranslated(String baseName, String lang) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = context == null ? DraftLabels.class.getClassLoader() : context;
        Properties english = properties(loader, baseName);
        Properties translated = properties(loader, baseName + "_" + DraftFormat.language(lang));
        SortedSet<String> missing = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            if (!key.endsWith(".kind") && !translated.containsKey(key)) {
                missing.add(key);
            }
        }
        return missing;
    }

    private static Properties properties(ClassLoader loader, String name) {
        Properties out = new Properties();
        try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".properties")) {
            if (in != null) {
                out.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The language these labels are in. */
    public Locale locale() {
        return locale;
    }

    /** The label of a key, or null when no bundle has it. */
    public String label(String key) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return null;
    }

    /** The words for a coded value ({@code value.CODE}), else the code with its underscores as spaces, lower case. */
    public String value(String code) {
        if (code == null) {
            return null;
        }
        String words = label("value." + code);
        return words != null ? words : code.replace('_', ' ').toLowerCase(locale);
    }

    /** A label that must exist (a heading of a draft). */
    public String require(String key) {
        String label = label(key);
        if (label == null) {
            throw new MissingResourceException("no draft label " + key, DraftLabels.class.getName(), key);
        }
        return label;
    }
}
